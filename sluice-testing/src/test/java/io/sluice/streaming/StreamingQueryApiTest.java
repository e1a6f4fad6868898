package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.runtime.StreamExecution;
import io.sluice.testing.ManualClock;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link StreamingQuery} handle: ids, name, activity, status, progress, waiting, errors. */
class StreamingQueryApiTest {
  private final Session session = TestSessions.shared();

  @Test
  void idIsStableAcrossRestartsFromOneCheckpointAndRunIdIsNewPerStart(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    List<UUID> ids = new ArrayList<>();
    List<UUID> runIds = new ArrayList<>();
    StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .queryName("api_ids")
        .addData(input, row(1))
        .assertQuery(
            q -> {
              ids.add(q.id());
              runIds.add(q.runId());
              assertThat(q.name()).isEqualTo("api_ids");
              assertThat(q.lastProgress().id()).isEqualTo(q.id());
              assertThat(q.lastProgress().runId()).isEqualTo(q.runId());
              assertThat(q.lastProgress().name()).isEqualTo("api_ids");
            })
        .stopStream()
        .startStream()
        .assertQuery(
            q -> {
              ids.add(q.id());
              runIds.add(q.runId());
            })
        .run();
    assertThat(ids.get(1)).isEqualTo(ids.get(0));
    assertThat(runIds.get(1)).isNotEqualTo(runIds.get(0));
    assertThat(dir.resolve("metadata")).content().contains(ids.get(0).toString());
  }

  @Test
  void aQueryWithoutANameHasANullName() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .addData(input, row(1))
        .assertQuery(q -> assertThat(q.name()).isNull())
        .assertLastProgress(p -> assertThat(p.json()).contains("\"name\":null"))
        .run();
  }

  @Test
  void isActiveUntilStoppedAndStopIsIdempotent() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery q = input.toDF().writeStream().format("noop").start();
    assertThat(q.isActive()).isTrue();
    q.stop();
    assertThat(q.isActive()).isFalse();
    q.stop();
    assertThat(q.status().message()).isEqualTo("Stopped");
    assertThat(q.exception()).isEmpty();
  }

  @Test
  void stopEndsABatchBlockedInItsSinkWithoutErrorAndTheBatchIsReRunLater(@TempDir Path dir)
      throws Exception {
    MemoryStream input = MemoryStream.of(session, "a INT");
    CountDownLatch inBatch = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    List<Long> completed = new java.util.concurrent.CopyOnWriteArrayList<>();
    DataStreamWriter writer =
        input
            .toDF()
            .writeStream()
            .option("checkpointLocation", dir.toString())
            .foreachBatch(
                (df, id) -> {
                  if (completed.isEmpty()) {
                    inBatch.countDown();
                    never.await(); // blocked until the stop interrupts it
                  }
                  completed.add(id);
                });
    StreamingQuery q = writer.start();
    input.addData(row(1));
    assertThat(inBatch.await(10, TimeUnit.SECONDS)).isTrue();
    q.stop();
    assertThat(q.isActive()).isFalse();
    assertThat(q.exception()).isEmpty();
    assertThat(dir.resolve("offsets/0")).exists();
    assertThat(dir.resolve("commits/0")).doesNotExist();
    completed.add(-1L); // the next delivery completes
    StreamingQuery again = writer.start();
    again.processAllAvailable();
    again.stop();
    assertThat(completed).containsExactly(-1L, 0L);
  }

  @Test
  void statusSaysWhatTheQueryDoes(@TempDir Path dir) throws Exception {
    MemoryStream input = MemoryStream.of(session, "a INT");
    CountDownLatch inBatch = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ManualClock clock = new ManualClock();
    StreamingQuery q =
        input
            .toDF()
            .writeStream()
            .trigger(Trigger.ProcessingTime(1000))
            .clock(clock)
            .option("checkpointLocation", dir.toString())
            .foreachBatch(
                (df, id) -> {
                  inBatch.countDown();
                  release.await();
                })
            .start();
    try {
      assertThat(clock.awaitQueryWaiting(10_000)).isTrue();
      assertThat(q.status())
          .isEqualTo(new StreamingQueryStatus("Waiting for next trigger", false, false));
      input.addData(row(1));
      clock.advance(1000);
      assertThat(inBatch.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(q.status()).isEqualTo(new StreamingQueryStatus("Processing new data", true, true));
      assertThat(q.status().json())
          .isEqualTo(
              "{\"message\":\"Processing new data\",\"isDataAvailable\":true,"
                  + "\"isTriggerActive\":true}");
      release.countDown();
      assertThat(clock.awaitQueryWaiting(10_000)).isTrue();
      assertThat(q.status())
          .isEqualTo(new StreamingQueryStatus("Waiting for next trigger", true, false));
    } finally {
      release.countDown();
      q.stop();
    }
    assertThat(q.status()).isEqualTo(new StreamingQueryStatus("Stopped", false, false));
  }

  @Test
  void lastProgressIsTheLatestBatchAndRecentProgressIsBounded() {
    ManualClock clock = new ManualClock(); // a still clock: no idle progress between batches
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .clock(clock)
        .conf("sluice.sql.streaming.numRecentProgressUpdates", "3")
        .addData(input, row(1))
        .processAllAvailable()
        .addData(input, row(2))
        .processAllAvailable()
        .addData(input, row(3))
        .processAllAvailable()
        .addData(input, row(4), row(5))
        .processAllAvailable()
        .assertQuery(
            q -> {
              StreamingQueryProgress[] recent = q.recentProgress();
              assertThat(recent).hasSize(3);
              assertThat(recent)
                  .extracting(StreamingQueryProgress::batchId)
                  .containsExactly(1L, 2L, 3L);
              assertThat(q.lastProgress().batchId()).isEqualTo(3);
              assertThat(q.lastProgress().numInputRows()).isEqualTo(2);
            })
        .run();
  }

  @Test
  void progressBeforeAnyBatchIsAnIdleProgressOfBatchMinusOne() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .processAllAvailable()
        .assertQuery(
            q -> {
              assertThat(q.recentProgress()).hasSize(1);
              assertThat(q.lastProgress().batchId()).isEqualTo(-1);
              assertThat(q.lastProgress().numInputRows()).isZero();
            })
        .run();
  }

  @Test
  void awaitTerminationWithAndWithoutTimeout(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamingQuery running = input.toDF().writeStream().format("noop").start();
    try {
      assertThat(running.awaitTermination(20)).isFalse();
      assertThat(running.isActive()).isTrue();
    } finally {
      running.stop();
    }
    assertThat(running.awaitTermination(0)).isTrue();
    running.awaitTermination(); // returns at once after a stop

    input.addData(row(1));
    StreamingQuery once =
        input
            .toDF()
            .writeStream()
            .trigger(Trigger.Once())
            .option("checkpointLocation", dir.toString())
            .foreachBatch((df, id) -> {})
            .start();
    once.awaitTermination();
    assertThat(once.isActive()).isFalse();
    assertThat(once.awaitTermination(1)).isTrue();
  }

  @Test
  void aFailedQueryKeepsItsExceptionAndAwaitTerminationRethrowsIt() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF().select(lit(10).divide(col("a")).as("x")), OutputMode.Append())
        .addData(input, row(2))
        .checkAnswer(row(5.0))
        .addData(input, row(0))
        .expectFailure("DIVIDE_BY_ZERO")
        .execute(
            q -> {
              assertThat(q.isActive()).isFalse();
              assertThat(q.exception()).isPresent();
              StreamingQueryException e = q.exception().get();
              assertThat(e.getErrorClass()).isEqualTo("STREAM_FAILED");
              assertThat(e.queryId()).isEqualTo(q.id());
              assertThat(e.runId()).isEqualTo(q.runId());
              assertThat(e.cause()).isInstanceOf(SluiceException.class);
              assertThat(((SluiceException) e.cause()).getErrorClass()).isEqualTo("DIVIDE_BY_ZERO");
              assertThat(e.getMessage()).contains(q.id().toString()).contains("DIVIDE_BY_ZERO");
              assertThatThrownBy(q::awaitTermination).isSameAs(e);
              assertThatThrownBy(() -> q.awaitTermination(10)).isSameAs(e);
              assertThatThrownBy(q::processAllAvailable).isSameAs(e);
              assertThat(q.status().message()).isEqualTo("Stopped");
            })
        .run();
  }

  @Test
  void explainPrintsThePhysicalPlanAndExtendedAddsTheLogicalPlans() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF().filter(col("a").gt(1)), OutputMode.Append())
        .addData(input, row(1))
        .assertQuery(
            q -> {
              String plain = captureOut(q::explain);
              assertThat(plain).contains("== Physical Plan ==").doesNotContain("Logical Plan");
              assertThat(plain).isEqualTo(((StreamExecution) q).explainString(false) + "\n");
              String extended = captureOut(() -> q.explain(true));
              assertThat(extended)
                  .contains("== Analyzed Logical Plan ==")
                  .contains("== Optimized Logical Plan ==")
                  .contains("== Physical Plan ==")
                  .contains(input.toString());
            })
        .run();
  }

  private static String captureOut(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
