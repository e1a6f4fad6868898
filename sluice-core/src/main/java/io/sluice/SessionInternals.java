package io.sluice;

import io.sluice.config.SQLConf;
import io.sluice.exec.task.TaskScheduler;
import io.sluice.plan.logical.LogicalPlan;

/**
 * What the engine's own API packages (streaming readers and writers) need from a session and its
 * DataFrames beyond the public API. Not for applications: its methods may change in any release.
 */
public final class SessionInternals {
  private SessionInternals() {}

  /** A DataFrame of {@code plan} in {@code session} (analyzed now, as every DataFrame). */
  public static DataFrame dataFrame(Session session, LogicalPlan plan) {
    return new DataFrame(session, plan);
  }

  /** The session's live configuration. */
  public static SQLConf conf(Session session) {
    return session.sqlConf();
  }

  /** The session's worker pool; fails once the session is stopped. */
  public static TaskScheduler scheduler(Session session, String operation) {
    return session.scheduler(operation);
  }

  /** Registers (or replaces) a temporary view. */
  public static void createTempView(Session session, String name, LogicalPlan plan) {
    session.sessionCatalog().createTempView(name, plan, true);
  }
}
