package io.sluice.exec.expr;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Settings that change how expressions evaluate: the session time zone (casts between strings and
 * timestamps), whether ANSI mode is on (for nodes that do not carry an eval mode), the index of the
 * partition the evaluators run over ({@code spark_partition_id()}, {@code
 * monotonically_increasing_id()}; 0 where an operator does not say), and the instant the evaluation
 * started, as microseconds since the epoch.
 *
 * <p>{@link #currentMicros()} is what {@code current_timestamp()}, {@code current_date()} and
 * {@code now()} return: a context is created once per query execution (see {@code TaskContext}), so
 * every occurrence of those functions in every task of one execution sees the same instant, as in
 * Spark. A streaming runtime gives each micro-batch its own instant with {@link
 * #withCurrentMicros}.
 */
public record EvalContext(ZoneId timeZone, boolean ansi, int partitionIndex, long currentMicros) {

  /** A context for partition 0 whose current instant is now. */
  public EvalContext(ZoneId timeZone, boolean ansi) {
    this(timeZone, ansi, 0, nowMicros());
  }

  public static EvalContext of(String timeZone, boolean ansi) {
    return new EvalContext(ZoneId.of(timeZone), ansi);
  }

  /** This context for evaluators that run over partition {@code index}. */
  public EvalContext withPartition(int index) {
    return index == partitionIndex ? this : new EvalContext(timeZone, ansi, index, currentMicros);
  }

  /** This context with another current instant (microseconds since the epoch). */
  public EvalContext withCurrentMicros(long micros) {
    return new EvalContext(timeZone, ansi, partitionIndex, micros);
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return Math.addExact(
        Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1000);
  }
}
