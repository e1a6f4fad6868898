package io.sluice.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stopping a windowed query between any two steps and starting it again from its checkpoint gives
 * exactly the output Spark recorded for an uninterrupted run.
 */
class ConformanceRestartTest {
  private static final Path SCENARIOS = Path.of("../sluice-core/src/test/resources/conformance");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tumbling_1m_append",
        "sliding_2m_1m_append",
        "seed_session_5m_by_user_append",
        "seed_tumbling_1m_count_by_type_update",
        "agg_by_customer_complete",
        "join_ss_left_outer",
        "dedup_event_id_ts_watermark"
      })
  void aRestartBetweenAnyTwoStepsChangesNothing(String name) {
    Path dir = SCENARIOS.resolve(name);
    int steps = Scenario.load(dir).numSteps();
    for (int restart = 1; restart < steps; restart++) {
      ConformanceRunner.Result r = ConformanceRunner.run(dir, restart);
      assertThat(r.passed()).as("restart before step %d: %s", restart, r.detail()).isTrue();
    }
    assertThat(List.of(steps)).isNotEmpty();
  }
}
