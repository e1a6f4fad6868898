package io.sluice.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every conformance scenario of the project's copy (recorded from Apache Spark) and checks
 * that none of those known to pass regresses. Scenarios that need operators still being built are
 * listed in {@link #NOT_YET_PASSING}; the list only shrinks.
 */
class ConformanceSuiteTest {
  private static final Path SCENARIOS = Path.of("../sluice-core/src/test/resources/conformance");

  /** Scenarios that do not pass yet, and why. */
  static final List<String> NOT_YET_PASSING =
      List.of(
          // window() / session_window() / OVER: time windows (issue 6)
          "chained_window_aggregations_append",
          "error_session_window_update",
          "error_window_function_over",
          "join_ss_inner_then_window_count_append",
          "seed_late_event_dropped",
          "seed_session_5m_by_user_append",
          "seed_sliding_1m_30s_by_user_update",
          "seed_tumbling_1m_count_by_type_update",
          "seed_wm20_window5_event_count_append",
          "session_2m_append",
          "sliding_2m_1m_append",
          "tumbling_1m_append",
          "union_two_watermarks_window_append",
          "window_update_no_watermark");

  @Test
  void everyScenarioPassesExceptThoseListed() throws Exception {
    List<ConformanceRunner.Result> results = ConformanceRunner.runAll(SCENARIOS);
    List<String> failing = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    int passed = 0;
    for (ConformanceRunner.Result r : results) {
      if (r.passed()) {
        passed++;
      } else {
        failing.add(r.name());
        report.append("FAIL ").append(r.name()).append(": ").append(r.detail()).append('\n');
      }
    }
    System.out.println(report + "conformance: passed=" + passed + " total=" + results.size());
    assertThat(results).hasSizeGreaterThanOrEqualTo(39);
    assertThat(failing).as(report.toString()).isSubsetOf(NOT_YET_PASSING);
  }
}
