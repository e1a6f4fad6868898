package io.sluice.testing;

import static io.sluice.functions.col;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Session;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.OutputMode;
import org.junit.jupiter.api.Test;

class StreamTestTest {
  private final Session session = TestSessions.shared();

  @Test
  void storyOfAddCheckStopRestart() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF().filter(col("a").gt(1)), OutputMode.Append())
        .addData(input, row(1), row(2))
        .checkAnswer(row(2))
        .stopStream()
        .addData(input, row(3))
        .startStream()
        .checkNewAnswer(row(3))
        .checkAnswer(row(2), row(3))
        .run();
  }

  @Test
  void failureReportMarksTheFailingStep() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    assertThatThrownBy(
            () ->
                StreamTest.of(input.toDF(), OutputMode.Append())
                    .addData(input, row(1))
                    .checkAnswer(row(5))
                    .stopStream()
                    .run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("=> CheckAnswer: [5]")
        .hasMessageContaining("   AddData to MemoryStream")
        .hasMessageContaining("== Committed offsets ==")
        .hasMessageContaining("== Physical plan ==")
        .hasMessageContaining("batch 0: [1]");
    assertThat(true).isTrue();
  }
}
