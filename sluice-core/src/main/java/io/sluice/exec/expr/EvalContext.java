package io.sluice.exec.expr;

import java.time.ZoneId;

/**
 * Settings that change how expressions evaluate: the session time zone (casts between strings
 * and timestamps), whether ANSI mode is on (for nodes that do not carry an eval mode), and the
 * index of the partition a task evaluates ({@code 0} outside tasks; seeds {@code rand(seed)} per
 * partition as Spark does).
 */
public record EvalContext(ZoneId timeZone, boolean ansi, int partitionIndex) {
  public EvalContext(ZoneId timeZone, boolean ansi) {
    this(timeZone, ansi, 0);
  }

  public static EvalContext of(String timeZone, boolean ansi) {
    return new EvalContext(ZoneId.of(timeZone), ansi);
  }

  /** The same settings for a task evaluating partition {@code index}. */
  public EvalContext withPartitionIndex(int index) {
    return index == partitionIndex ? this : new EvalContext(timeZone, ansi, index);
  }
}
