package io.sluice.streaming;

import io.sluice.streaming.runtime.Clock;
import java.util.function.BooleanSupplier;

/** A clock tests move by hand; a query waiting on it resumes when it reaches the target. */
public final class TestClock implements Clock {
  private long now;

  public TestClock(long startMs) {
    this.now = startMs;
  }

  @Override
  public synchronized long millis() {
    return now;
  }

  /** Moves the clock on by {@code ms} and releases the queries waiting for that time. */
  public synchronized void advance(long ms) {
    now += ms;
    notifyAll();
  }

  @Override
  public synchronized void await(long targetMillis, BooleanSupplier interrupted)
      throws InterruptedException {
    while (!interrupted.getAsBoolean() && now < targetMillis) wait();
  }

  @Override
  public synchronized void wake() {
    notifyAll();
  }
}
