package io.sluice.exec.expr;

import java.time.ZoneId;

/**
 * Settings that change how expressions evaluate: the session time zone (casts between strings
 * and timestamps), whether ANSI mode is on (for nodes that do not carry an eval mode), and the
 * index of the partition the evaluators run over ({@code spark_partition_id()}, {@code
 * monotonically_increasing_id()}; 0 where an operator does not say).
 */
public record EvalContext(ZoneId timeZone, boolean ansi, int partitionIndex) {

  public EvalContext(ZoneId timeZone, boolean ansi) {
    this(timeZone, ansi, 0);
  }

  public static EvalContext of(String timeZone, boolean ansi) {
    return new EvalContext(ZoneId.of(timeZone), ansi);
  }

  /** This context for evaluators that run over partition {@code index}. */
  public EvalContext withPartition(int index) {
    return index == partitionIndex ? this : new EvalContext(timeZone, ansi, index);
  }
}
