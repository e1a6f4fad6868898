package io.sluice.streaming.runtime;

import java.util.function.BooleanSupplier;

/**
 * The time a streaming query runs by: the system clock, or a manual clock tests advance by hand.
 * Waiting goes through the clock so a manual clock can release a waiting query when it moves.
 */
public interface Clock {
  /** Milliseconds since the epoch. */
  long millis();

  /**
   * Waits until {@link #millis()} reaches {@code targetMillis} or {@code interrupted} is true.
   * {@code interrupted} is checked while holding the clock's monitor, so a caller that sets its
   * condition and then calls {@link #wake()} is never missed.
   */
  void await(long targetMillis, BooleanSupplier interrupted) throws InterruptedException;

  /** Makes every thread in {@link #await} check its condition again. */
  void wake();

  /** The system clock. */
  static Clock system() {
    return new SystemClock();
  }
}
