package io.sluice.cli.conformance;

import io.sluice.streaming.runtime.Clock;
import java.util.function.BooleanSupplier;

/**
 * A manual clock that lets the runner drive a query one trigger at a time: the query waits on it
 * between triggers; {@link #tick} moves time to the next trigger and returns once the query is
 * waiting again (the trigger has finished).
 */
final class StepClock implements Clock {
  private long time;
  private boolean waiting;
  private long waitTarget = Long.MIN_VALUE;

  @Override
  public synchronized long millis() {
    return time;
  }

  @Override
  public synchronized void await(long targetMillis, BooleanSupplier interrupted)
      throws InterruptedException {
    waiting = true;
    waitTarget = targetMillis;
    notifyAll();
    try {
      while (!interrupted.getAsBoolean() && time < targetMillis) wait();
    } finally {
      waiting = false;
    }
  }

  @Override
  public synchronized void wake() {
    notifyAll();
  }

  /** Waits until the query waits for a time after now (it finished its trigger). */
  synchronized boolean awaitQueryWaiting(long timeoutMs, BooleanSupplier queryDone)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!(waiting && waitTarget > time) && !queryDone.getAsBoolean()) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) return false;
      wait(Math.min(left, 50));
    }
    return true;
  }

  /** Moves to the next trigger time, then waits until the query finished that trigger. */
  boolean tick(long timeoutMs, BooleanSupplier queryDone) throws InterruptedException {
    synchronized (this) {
      time = waitTarget;
      notifyAll();
    }
    // the query first leaves its wait, then runs the trigger, then waits for a later time
    synchronized (this) {
      long deadline = System.currentTimeMillis() + timeoutMs;
      while (waiting && waitTarget <= time && !queryDone.getAsBoolean()) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) return false;
        wait(Math.min(left, 50));
      }
    }
    return awaitQueryWaiting(timeoutMs, queryDone);
  }
}
