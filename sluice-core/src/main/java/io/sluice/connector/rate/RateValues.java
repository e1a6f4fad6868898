package io.sluice.connector.rate;

/** How many rows a {@code rate} source has produced by a given second of its run. */
final class RateValues {
  private RateValues() {}

  /**
   * The first value not yet produced at {@code seconds} after the start, as Spark's rate source
   * computes it: during the ramp-up the speed grows by {@code rowsPerSecond / (rampUpSeconds + 1)}
   * rows per second every second (rounded down), so the values produced are the triangular sum
   * {@code delta * seconds * (seconds + 1) / 2}; after it, {@code rowsPerSecond} more every second.
   * For example with 10 rows per second and a 4-second ramp-up: 0, 2, 6, 12, 20, 30, 40, ...
   */
  static long valueAtSecond(long seconds, long rowsPerSecond, long rampUpSeconds) {
    long delta = rowsPerSecond / (rampUpSeconds + 1);
    if (seconds <= rampUpSeconds) {
      // halve the even factor first so the product stays in range as long as the result does
      return seconds % 2 == 1
          ? (seconds + 1) / 2 * delta * seconds
          : seconds / 2 * delta * (seconds + 1);
    }
    return valueAtSecond(rampUpSeconds, rowsPerSecond, rampUpSeconds)
        + (seconds - rampUpSeconds) * rowsPerSecond;
  }
}
