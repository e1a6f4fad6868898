package io.sluice.testing;

import io.sluice.Session;

/**
 * The session tests share: {@code local[2]}, two shuffle partitions, UTC. Created once per JVM and
 * stopped at exit; tests must not change its configuration without restoring it.
 */
public final class TestSessions {
  private static Session shared;

  private TestSessions() {}

  public static synchronized Session shared() {
    if (shared == null) {
      shared =
          Session.builder()
              .appName("sluice-tests")
              .master("local[2]")
              .config("sluice.sql.shuffle.partitions", "2")
              .config("sluice.sql.session.timeZone", "UTC")
              .getOrCreate();
      Session s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "sluice-test-session-stop"));
    }
    return shared;
  }
}
