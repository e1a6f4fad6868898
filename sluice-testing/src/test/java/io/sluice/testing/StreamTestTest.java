package io.sluice.testing;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.lit;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Session;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.StreamingQuery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The StreamTest DSL itself: what its checks compare and what its failures report. */
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
  void newAnswerIsWhatCameSinceTheLastCheckAndLastBatchIsTheLatestBatch() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .addData(input, row(1))
        .processAllAvailable()
        .addData(input, row(2))
        .processAllAvailable()
        .checkNewAnswer(row(1), row(2)) // two batches since the start
        .checkNewAnswer()
        .addData(input, row(3))
        .checkLastBatch(row(3))
        .checkNewAnswer() // checkLastBatch is a check too
        .checkAnswer(row(1), row(2), row(3))
        .run();
  }

  @Test
  void inCompleteModeTheAnswerIsTheLastBatchAndStateShowsInTheReport() {
    MemoryStream input = MemoryStream.of(session, "k STRING");
    StreamTest test =
        StreamTest.of(input.toDF().groupBy("k").agg(count(lit(1)).as("n")), OutputMode.Complete());
    test.addData(input, row("a"), row("b"), row("a"))
        .checkAnswer(row("a", 2L), row("b", 1L))
        .stopStream()
        .addData(input, row("b"))
        .startStream()
        .checkAnswer(row("a", 2L), row("b", 2L))
        .assertLastProgress(p -> assertThat(p.stateOperators()).hasSize(1))
        .run();
    assertThat(test.sink().rowsOfBatch(0)).hasSize(2);

    MemoryStream other = MemoryStream.of(session, "k STRING");
    assertThatThrownBy(
            () ->
                StreamTest.of(
                        other.toDF().groupBy("k").agg(count(lit(1)).as("n")), OutputMode.Complete())
                    .addData(other, row("a"))
                    .checkAnswer(row("a", 5L))
                    .run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("== State ==\n{\"operatorName\"")
        .hasMessageContaining("\"numRowsTotal\":1")
        .hasMessageContaining("== Sink (Complete mode) ==\nbatch 0: [a,1]");
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
        .hasMessageStartingWith("Stream test failed at step 3: CheckAnswer: [5]")
        .hasMessageContaining(
            "== Actions ==\n"
                + "   StartStream()\n"
                + "   AddData to "
                + input
                + ": [1]\n"
                + "=> CheckAnswer: [5]\n"
                + "   StopStream\n")
        .hasMessageContaining("== Correct Answer - 1 ==")
        .hasMessageContaining("== Committed offsets ==\nbatch 0:\n  " + input + ": 0\n")
        .hasMessageContaining("== Watermark ==")
        .hasMessageContaining("== Sink (Append mode) ==\nbatch 0: [1]\n")
        .hasMessageContaining("== Physical plan ==\n== Physical Plan ==\nMicroBatchScan " + input);
  }

  @Test
  void anUnexpectedQueryFailureFailsTheNextCheckWithItsCause() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    assertThatThrownBy(
            () ->
                StreamTest.of(input.toDF().select(lit(1).divide(col("a"))), OutputMode.Append())
                    .addData(input, row(0))
                    .checkAnswer()
                    .run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("=> CheckAnswer")
        .hasMessageContaining("the query failed")
        .hasMessageContaining("DIVIDE_BY_ZERO");
  }

  @Test
  void anotherErrorThanTheExpectedOneIsReported() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    assertThatThrownBy(
            () ->
                StreamTest.of(input.toDF().select(lit(1).divide(col("a"))), OutputMode.Append())
                    .addData(input, row(0))
                    .expectFailure("CHECKPOINT_FILE_CORRUPT")
                    .run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("=> ExpectFailure(CHECKPOINT_FILE_CORRUPT)")
        .hasMessageContaining("another error than")
        .hasMessageContaining("DIVIDE_BY_ZERO");
    MemoryStream fine = MemoryStream.of(session, "a INT");
    assertThatThrownBy(
            () ->
                StreamTest.of(fine.toDF(), OutputMode.Append())
                    .addData(fine, row(1))
                    .stopStream()
                    .expectFailure("DIVIDE_BY_ZERO")
                    .run())
        .hasMessageContaining("the query stopped without an error");
  }

  @Test
  void misuseIsReportedClearly() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    assertThatThrownBy(
            () -> StreamTest.of(input.toDF(), OutputMode.Append()).advanceClock(10).run())
        .hasMessageContaining("advanceClock needs a manual clock");
    assertThatThrownBy(
            () ->
                StreamTest.of(input.toDF(), OutputMode.Append()).startStream().startStream().run())
        .hasMessageContaining("=> StartStream()")
        .hasMessageContaining("already running");
    assertThatThrownBy(() -> StreamTest.of(session.range(1), OutputMode.Append()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsApplyAtStartAndTheSessionKeepsItsValues() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    String key = "sluice.sql.streaming.numRecentProgressUpdates";
    String before = session.conf().get(key);
    List<StreamingQuery> seen = new ArrayList<>();
    StreamTest.of(input.toDF(), OutputMode.Append())
        .conf(key, "1")
        .queryName("dsl_options")
        .execute(seen::add) // before the start: no query
        .startStream()
        .addData(input, row(1))
        .addData(input, row(2))
        .processAllAvailable()
        .assertQuery(
            q -> {
              assertThat(q.name()).isEqualTo("dsl_options");
              assertThat(q.recentProgress()).hasSize(1);
            })
        .run();
    assertThat(seen).containsExactly((StreamingQuery) null);
    assertThat(session.conf().get(key)).isEqualTo(before);
    assertThat(session.streams().active()).isEmpty();
  }

  @Test
  void manualClockTellsWhenAQueryWaitsOnIt() throws Exception {
    ManualClock clock = new ManualClock(100);
    assertThat(clock.isQueryWaiting()).isFalse();
    assertThat(clock.awaitQueryWaiting(1)).isFalse();
    Thread waiter =
        new Thread(
            () -> {
              try {
                clock.await(300, () -> false);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.start();
    assertThat(clock.awaitQueryWaiting(10_000)).isTrue();
    assertThat(clock.waitingFor()).hasValue(300);
    clock.advance(100);
    assertThat(clock.isQueryWaiting()).isTrue(); // 200 < 300: still waiting
    clock.setTime(300);
    assertThat(clock.isQueryWaiting()).isFalse();
    waiter.join(10_000);
    assertThat(waiter.isAlive()).isFalse();
    assertThat(clock.millis()).isEqualTo(300);
    assertThatThrownBy(() -> clock.advance(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
