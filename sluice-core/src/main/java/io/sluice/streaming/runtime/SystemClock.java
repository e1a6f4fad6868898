package io.sluice.streaming.runtime;

import java.util.function.BooleanSupplier;

/** Wall-clock time; waiting is a timed wait on this object's monitor. */
final class SystemClock implements Clock {
  @Override
  public long millis() {
    return System.currentTimeMillis();
  }

  @Override
  public synchronized void await(long targetMillis, BooleanSupplier interrupted)
      throws InterruptedException {
    long wait;
    while (!interrupted.getAsBoolean() && (wait = targetMillis - millis()) > 0) wait(wait);
  }

  @Override
  public synchronized void wake() {
    notifyAll();
  }
}
