package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Session;
import io.sluice.testing.ManualClock;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every trigger against the real runtime: when batches run and when the query stops. */
class TriggerTest {
  private final Session session = TestSessions.shared();

  @Test
  void defaultTriggerRunsABatchAsSoonAsDataArrives() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF().select(col("a").multiply(2).as("b")), OutputMode.Append())
        .addData(input, row(1), row(2))
        .checkNewAnswer(row(2), row(4))
        .addData(input, row(3))
        .checkNewAnswer(row(6))
        .checkNewAnswer()
        .assertQuery(q -> assertThat(batchIds(q)).containsExactly(0L, 1L))
        .run();
  }

  @Test
  void defaultTriggerWithAManualClockStillPollsForData() {
    ManualClock clock = new ManualClock(5_000);
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .clock(clock)
        .addData(input, row(1))
        .checkAnswer(row(1))
        .assertLastProgress(p -> assertThat(p.timestamp()).isEqualTo("1970-01-01T00:00:05.000Z"))
        .run();
  }

  @Test
  void processingTimeRunsBatchesOnlyWhenTheClockReachesTheInterval() {
    ManualClock clock = new ManualClock();
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .trigger(Trigger.ProcessingTime(1000))
        .clock(clock)
        .checkAnswer() // the first trigger ran at 0 and found nothing
        .addData(input, row(1))
        .advanceClock(500)
        .checkAnswer() // 500: no trigger yet
        .advanceClock(499)
        .checkAnswer()
        .advanceClock(1)
        .checkAnswer(row(1)) // 1000: the trigger ran
        .assertLastProgress(p -> assertThat(p.timestamp()).isEqualTo("1970-01-01T00:00:01.000Z"))
        .addData(input, row(2))
        .addData(input, row(3))
        .advanceClock(1000)
        .checkNewAnswer(row(2), row(3)) // one batch for both blocks at 2000
        .assertQuery(
            q -> {
              assertThat(batchIds(q)).containsExactly(0L, 1L);
              assertThat(q.lastProgress().timestamp()).isEqualTo("1970-01-01T00:00:02.000Z");
              assertThat(q.status().message()).isEqualTo("Waiting for next trigger");
              assertThat(q.status().isTriggerActive()).isFalse();
            })
        .run();
  }

  @Test
  void processingTimeTriggersAlignToTheIntervalAfterAnOffStart() {
    ManualClock clock = new ManualClock(1_250);
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .trigger(Trigger.ProcessingTime("1 second"))
        .clock(clock)
        .addData(input, row(1))
        .startStream() // after the data, so the first trigger surely sees it
        .checkAnswer(row(1)) // the first trigger runs at once, at 1250
        .addData(input, row(2))
        .assertQuery(q -> assertThat(clock.waitingFor()).hasValue(2_000)) // then on the grid
        .advanceClock(750)
        .checkNewAnswer(row(2))
        .run();
  }

  @Test
  void aLateBatchStartsTheNextAtOnce(@TempDir Path dir) throws Exception {
    ManualClock clock = new ManualClock();
    MemoryStream input = MemoryStream.of(session, "a INT");
    List<Long> batchTimes = new CopyOnWriteArrayList<>();
    StreamingQuery q =
        input
            .toDF()
            .writeStream()
            .trigger(Trigger.ProcessingTime(1000))
            .clock(clock)
            .option("checkpointLocation", dir.toString())
            .foreachBatch(
                (df, id) -> {
                  batchTimes.add(clock.millis());
                  if (id == 0) {
                    input.addData(row(2)); // data for the next batch...
                    clock.advance(2_500); // ...and this batch overruns its interval
                  }
                })
            .start();
    try {
      assertThat(clock.awaitQueryWaiting(10_000)).isTrue(); // the idle trigger at 0
      input.addData(row(1));
      clock.advance(1_000);
      // batch 0 runs at 1000 and ends at 3500, past 2000: batch 1 starts at once, at 3500
      assertThat(clock.awaitQueryWaiting(10_000)).isTrue();
      assertThat(clock.waitingFor()).hasValue(4_000);
      assertThat(batchTimes).containsExactly(1_000L, 3_500L);
      assertThat(Arrays.stream(q.recentProgress()).map(StreamingQueryProgress::timestamp))
          .containsSubsequence("1970-01-01T00:00:01.000Z", "1970-01-01T00:00:03.500Z");
    } finally {
      q.stop();
    }
  }

  @Test
  void onceRunsOneBatchOverEverythingAvailableAndStops(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .trigger(Trigger.Once())
        .checkpoint(dir)
        .addData(input, row(1))
        .addData(input, row(2))
        .startStream()
        .awaitTermination()
        .checkLastBatch(row(1), row(2))
        .assertQuery(
            q -> {
              assertThat(q.isActive()).isFalse();
              assertThat(q.exception()).isEmpty();
              assertThat(batchIds(q)).containsExactly(0L);
            })
        .addData(input, row(3))
        .startStream()
        .awaitTermination()
        .checkNewAnswer(row(3))
        .startStream() // nothing new: no batch, but it still stops
        .awaitTermination()
        .checkNewAnswer()
        .assertQuery(q -> assertThat(q.lastProgress().numInputRows()).isZero())
        .run();
  }

  @Test
  void availableNowReadsWhatIsThereAtStartInBatchesOfTheReadLimitThenStops(@TempDir Path dir) {
    CountingSource numbers = new CountingSource(3);
    numbers.makeAvailable(7);
    StreamTest.of(numbers.toDF(session), OutputMode.Append())
        .trigger(Trigger.AvailableNow())
        .checkpoint(dir)
        .startStream()
        .awaitTermination()
        .checkAnswer(row(0L), row(1L), row(2L), row(3L), row(4L), row(5L), row(6L))
        .assertQuery(
            q -> {
              assertThat(batchIds(q)).containsExactly(0L, 1L, 2L); // 3 + 3 + 1 rows
              assertThat(q.recentProgress()[2].numInputRows()).isEqualTo(1);
            })
        .execute(q -> numbers.makeAvailable(9))
        .startStream()
        .awaitTermination()
        .checkNewAnswer(row(7L), row(8L))
        .run();
  }

  @Test
  void availableNowOverAMemoryStreamReadsAllInOneBatch(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .trigger(Trigger.AvailableNow())
        .checkpoint(dir)
        .addData(input, row(1))
        .addData(input, row(2))
        .startStream()
        .awaitTermination()
        .checkLastBatch(row(1), row(2))
        .assertQuery(q -> assertThat(q.isActive()).isFalse())
        .run();
  }

  @Test
  void aRestartMayChangeTheTrigger(@TempDir Path dir) {
    ManualClock clock = new ManualClock();
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .clock(clock)
        .addData(input, row(1))
        .checkAnswer(row(1))
        .stopStream()
        .addData(input, row(2))
        .startStream(Trigger.Once())
        .awaitTermination()
        .checkNewAnswer(row(2))
        .addData(input, row(3))
        .startStream(Trigger.ProcessingTime(100))
        .checkNewAnswer(row(3))
        .addData(input, row(4))
        .advanceClock(100)
        .checkNewAnswer(row(4))
        .run();
  }

  @Test
  void continuousIsRejectedWithAClearError() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                input
                    .toDF()
                    .writeStream()
                    .format("noop")
                    .trigger(Trigger.Continuous("1 second"))
                    .start())
        .isInstanceOfSatisfying(
            io.sluice.error.SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_TRIGGER"))
        .hasMessageContaining("not supported yet");
  }

  /** The ids of the batches that ran (idle triggers add progress without an addBatch time). */
  static List<Long> batchIds(StreamingQuery q) {
    return Arrays.stream(q.recentProgress())
        .filter(p -> p.durationMs().containsKey("addBatch"))
        .map(StreamingQueryProgress::batchId)
        .toList();
  }
}
