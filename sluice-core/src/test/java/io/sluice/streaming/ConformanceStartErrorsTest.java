package io.sluice.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.analysis.UnsupportedOperationChecker;
import io.sluice.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance scenarios as the contract of the unsupported-operation checks: every scenario
 * Spark refused at {@code writeStream().start()} is refused by Sluice at the same point with the
 * same error class (Sluice's own {@code STREAMING_UNSUPPORTED_OPERATION.*} class where Spark only
 * has a {@code _LEGACY_ERROR_TEMP_*} placeholder) and the same message; every scenario Spark
 * accepted passes the checks.
 */
class ConformanceStartErrorsTest {
  /**
   * Scenarios whose query cannot be defined yet, and why: they need window functions or event-time
   * windows, which are being built. A listed scenario whose query analyzes is checked as usual.
   */
  private static final Map<String, String> NOT_DEFINABLE_YET =
      Map.ofEntries(
          Map.entry("error_window_function_over", "window functions (OVER) do not resolve yet"),
          Map.entry("error_session_window_update", "session_window() (event-time windows)"),
          Map.entry("chained_window_aggregations_append", "window() (event-time windows)"),
          Map.entry("join_ss_inner_then_window_count_append", "window() (event-time windows)"),
          Map.entry("seed_late_event_dropped", "window() (event-time windows)"),
          Map.entry("seed_session_5m_by_user_append", "session_window() (event-time windows)"),
          Map.entry("seed_sliding_1m_30s_by_user_update", "window() (event-time windows)"),
          Map.entry("seed_tumbling_1m_count_by_type_update", "window() (event-time windows)"),
          Map.entry("seed_wm20_window5_event_count_append", "window() (event-time windows)"),
          Map.entry("session_2m_append", "session_window() (event-time windows)"),
          Map.entry("sliding_2m_1m_append", "window() (event-time windows)"),
          Map.entry("tumbling_1m_append", "window() (event-time windows)"),
          Map.entry("union_two_watermarks_window_append", "window() (event-time windows)"),
          Map.entry("window_update_no_watermark", "window() (event-time windows)"));

  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder()
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @TestFactory
  List<DynamicTest> scenariosSparkRefusesAtStartAreRefused() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ConformanceScenario s : ConformanceScenario.all()) {
      if (s.error() == null || !s.error().phase().equals("start")) continue;
      tests.add(DynamicTest.dynamicTest(s.name(), () -> checkRefused(s)));
    }
    assertThat(tests).isNotEmpty();
    return tests;
  }

  @TestFactory
  List<DynamicTest> scenariosSparkAcceptsPassTheChecks() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ConformanceScenario s : ConformanceScenario.all()) {
      if (s.error() != null && !s.error().phase().equals("run")) continue;
      tests.add(DynamicTest.dynamicTest(s.name(), () -> checkAccepted(s)));
    }
    assertThat(tests).isNotEmpty();
    return tests;
  }

  private static void checkRefused(ConformanceScenario s) {
    DataFrame df = define(s);
    Throwable thrown =
        catchThrowable(
            () -> {
              StreamingQuery q =
                  df.writeStream()
                      .outputMode(s.outputMode())
                      .format("memory")
                      .queryName("conformance_" + s.name())
                      .start();
              q.stop();
            });
    assertThat(thrown)
        .as(s.name() + " must be refused at start")
        .isInstanceOf(AnalysisException.class);
    SluiceException e = (SluiceException) thrown;
    ConformanceScenario.ExpectedError expected = s.error();
    if (expected.legacy()) {
      assertThat(e.getErrorClass()).startsWith("STREAMING_UNSUPPORTED_OPERATION.");
      assertThat(e.getMessage()).contains(substance(expected.message()));
    } else {
      assertThat(e.getErrorClass()).isEqualTo(expected.errorClass());
      assertThat(firstLine(e.getMessage())).isEqualTo(firstLine(expected.message()));
    }
  }

  private static void checkAccepted(ConformanceScenario s) {
    DataFrame df = define(s);
    UnsupportedOperationChecker.checkForStreaming(df.queryExecution().analyzed(), s.outputMode());
  }

  /**
   * The scenario's DataFrame; aborts the test of a scenario listed as not definable yet whose query
   * still fails to analyze (once it analyzes, it is checked like any other).
   */
  private static DataFrame define(ConformanceScenario s) {
    s.registerViews(session);
    String missing = NOT_DEFINABLE_YET.get(s.name());
    if (missing == null) return session.sql(s.query());
    try {
      return session.sql(s.query());
    } catch (AnalysisException e) {
      Assumptions.abort("cannot be defined yet, needs " + missing + ": " + e.getMessage());
      throw e;
    }
  }

  /** Spark's legacy message without the plan marker {@code ;} it ends with. */
  private static String substance(String message) {
    String m = message.strip();
    if (m.endsWith(";")) m = m.substring(0, m.length() - 1);
    return m;
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
