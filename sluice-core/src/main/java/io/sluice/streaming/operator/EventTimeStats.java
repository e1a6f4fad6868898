package io.sluice.streaming.operator;

/**
 * The smallest, largest and mean event time (microseconds) an {@link EventTimeWatermarkOperator}
 * saw in one micro-batch. Tasks merge their partial figures into it concurrently.
 */
public final class EventTimeStats {
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private double sum;
  private long count;

  /** Merges one task's figures. */
  public synchronized void add(long min, long max, double sum, long count) {
    if (count == 0) return;
    this.min = Math.min(this.min, min);
    this.max = Math.max(this.max, max);
    this.sum += sum;
    this.count += count;
  }

  public synchronized long count() {
    return count;
  }

  public synchronized long minMicros() {
    return min;
  }

  public synchronized long maxMicros() {
    return max;
  }

  public synchronized double avgMicros() {
    return count == 0 ? Double.NaN : sum / count;
  }
}
