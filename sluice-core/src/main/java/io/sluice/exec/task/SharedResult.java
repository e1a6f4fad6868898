package io.sluice.exec.task;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * A value computed once by the first caller while later callers wait. Waiting uses {@link
 * ForkJoinPool#managedBlock} so a blocked worker thread lets the pool start a spare one and the
 * computation (which runs tasks on the same pool) cannot starve.
 */
final class SharedResult<T> {
  private boolean started;
  private boolean done;
  private T value;
  private RuntimeException failure;
  private Error error;

  T get(Supplier<T> compute) {
    boolean mine;
    synchronized (this) {
      mine = !started;
      started = true;
    }
    if (mine) {
      try {
        T v = compute.get();
        finish(v, null, null);
      } catch (RuntimeException e) {
        finish(null, e, null);
      } catch (Error e) {
        finish(null, null, e);
      }
    } else {
      awaitDone();
    }
    synchronized (this) {
      if (error != null) throw error;
      if (failure != null) throw failure;
      return value;
    }
  }

  synchronized boolean isDone() {
    return done;
  }

  private synchronized void finish(T v, RuntimeException f, Error e) {
    value = v;
    failure = f;
    error = e;
    done = true;
    notifyAll();
  }

  private void awaitDone() {
    ForkJoinPool.ManagedBlocker blocker =
        new ForkJoinPool.ManagedBlocker() {
          @Override
          public boolean block() throws InterruptedException {
            synchronized (SharedResult.this) {
              while (!done) SharedResult.this.wait();
            }
            return true;
          }

          @Override
          public boolean isReleasable() {
            return isDone();
          }
        };
    try {
      ForkJoinPool.managedBlock(blocker);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.sluice.error.SluiceRuntimeException(
          io.sluice.error.ErrorClass.INTERNAL_ERROR,
          io.sluice.error.SluiceException.params(
              "message", "Interrupted while waiting for a shared result"),
          e);
    }
  }
}
