package io.sluice.testing;

import io.sluice.streaming.runtime.Clock;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * A clock that moves only when a test moves it, for processing-time triggers (Spark's {@code
 * StreamManualClock}). Give it to a query with {@code writeStream().clock(clock)}; the query's
 * trigger loop then waits on this clock, and the test sees when it does: {@link #isQueryWaiting()}
 * is true while a query waits for a time the clock has not reached, i.e. the query finished its
 * last trigger and is idle until the clock moves. Advancing only while the query waits keeps tests
 * free of races. One clock serves one query at a time.
 */
public final class ManualClock implements Clock {
  private static final long NOT_WAITING = Long.MIN_VALUE;

  private long time;
  private long waitTarget = NOT_WAITING;

  /** A clock at time 0. */
  public ManualClock() {
    this(0);
  }

  /** A clock at {@code startMillis} milliseconds since the epoch. */
  public ManualClock(long startMillis) {
    this.time = startMillis;
  }

  @Override
  public synchronized long millis() {
    return time;
  }

  /** Moves the clock to {@code millis} (it may move back) and wakes waiting queries. */
  public synchronized void setTime(long millis) {
    time = millis;
    notifyAll();
  }

  /** Moves the clock forward by {@code millis} and wakes waiting queries. */
  public synchronized void advance(long millis) {
    if (millis < 0) throw new IllegalArgumentException("cannot advance by " + millis + " ms");
    time += millis;
    notifyAll();
  }

  @Override
  public void await(long targetMillis, BooleanSupplier interrupted) throws InterruptedException {
    synchronized (this) {
      waitTarget = targetMillis;
      notifyAll(); // a test may be waiting for the query to wait
      try {
        while (!interrupted.getAsBoolean() && time < targetMillis) wait();
      } finally {
        waitTarget = NOT_WAITING;
        notifyAll();
      }
    }
  }

  @Override
  public synchronized void wake() {
    notifyAll();
  }

  /** Whether a query waits on this clock for a time it has not reached yet. */
  public synchronized boolean isQueryWaiting() {
    return waitTarget != NOT_WAITING && time < waitTarget;
  }

  /** The time the waiting query waits for, or empty when no query waits. */
  public synchronized OptionalLong waitingFor() {
    return isQueryWaiting() ? OptionalLong.of(waitTarget) : OptionalLong.empty();
  }

  /**
   * Blocks until a query waits on this clock ({@link #isQueryWaiting()}), at most {@code timeoutMs}
   * milliseconds of real time; returns whether one does.
   */
  public synchronized boolean awaitQueryWaiting(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!isQueryWaiting()) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) return false;
      wait(left);
    }
    return true;
  }

  @Override
  public String toString() {
    return "ManualClock(" + millis() + ")";
  }
}
