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
          // session windows on streams need the streaming session-window operator (issue 6)
          "seed_session_5m_by_user_append",
          "session_2m_append");

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
