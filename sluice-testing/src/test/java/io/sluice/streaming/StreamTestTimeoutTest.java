package io.sluice.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Session;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A query that never settles fails the step after the timeout and is stopped, not left hanging. */
class StreamTestTimeoutTest {
  private final Session session = TestSessions.shared();

  @Test
  void aStepThatWaitsTooLongFailsAndTheQueryIsStopped() {
    CountingSource hanging = new CountingSource(10);
    hanging.hang();
    int activeBefore = session.streams().active().length;
    assertThatThrownBy(
            () ->
                StreamTest.of(hanging.toDF(session), OutputMode.Append())
                    .timeout(Duration.ofMillis(200))
                    .processAllAvailable()
                    .run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("=> ProcessAllAvailable")
        .hasMessageContaining("processAllAvailable did not finish within 200 ms")
        .hasMessageContaining("\"isTriggerActive\":true");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(session.streams().active()).hasSize(activeBefore);
  }
}
