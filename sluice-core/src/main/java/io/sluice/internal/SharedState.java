package io.sluice.internal;

import io.sluice.exec.task.TaskScheduler;
import io.sluice.plan.logical.LogicalPlan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What sessions made by {@code newSession()} share, as Spark's {@code SharedState}: the worker pool
 * and the global temporary views. Stopping any of these sessions stops the pool.
 */
public final class SharedState {
  private final String master;
  private final String appName;
  private final TaskScheduler scheduler;
  private final Map<String, LogicalPlan> globalTempViews = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  public SharedState(String master, String appName, int threads) {
    this.master = master;
    this.appName = appName;
    this.scheduler = new TaskScheduler(threads);
  }

  public String master() {
    return master;
  }

  public String appName() {
    return appName;
  }

  public TaskScheduler scheduler() {
    return scheduler;
  }

  public Map<String, LogicalPlan> globalTempViews() {
    return globalTempViews;
  }

  public boolean isStopped() {
    return stopped;
  }

  /** Shuts the worker pool down; idempotent. */
  public synchronized void stop() {
    if (!stopped) {
      stopped = true;
      scheduler.close();
    }
  }
}
