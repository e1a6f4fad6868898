package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.streaming.runtime.StreamExecution;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint: restart where the last commit left off, re-run a logged but uncommitted batch
 * with exactly its offsets (output exactly once), purge old entries, refuse corrupt files, and the
 * temporary checkpoints of sinks that allow one.
 */
class CheckpointRecoveryTest {
  private final Session session = TestSessions.shared();

  @Test
  void aRestartResumesAfterTheLastCommittedBatch(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest test = StreamTest.of(input.toDF(), OutputMode.Append()).checkpoint(dir);
    test.addData(input, row(1))
        .addData(input, row(2))
        .checkAnswer(row(1), row(2))
        .stopStream()
        .addData(input, row(3))
        .startStream()
        .checkNewAnswer(row(3))
        .assertLastProgress(
            p -> {
              assertThat(p.batchId()).isEqualTo(test.sink().latestBatchId().getAsLong());
              assertThat(p.sources()[0].startOffset()).isEqualTo("1");
              assertThat(p.sources()[0].endOffset()).isEqualTo("2");
              assertThat(p.numInputRows()).isEqualTo(1);
            })
        .stopStream()
        .startStream() // nothing new: no batch is re-run
        .checkAnswer(row(1), row(2), row(3))
        .run();
    for (long id : test.sink().batchIds()) assertThat(test.sink().deliveries(id)).isEqualTo(1);
  }

  @Test
  void aBatchLoggedButNotCommittedIsReRunWithExactlyItsLoggedOffsets(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest test = StreamTest.of(input.toDF(), OutputMode.Append()).checkpoint(dir);
    test.addData(input, row(1))
        .checkNewAnswer(row(1))
        .addData(input, row(2))
        .checkNewAnswer(row(2)) // batch 1
        .stopStream()
        .execute(q -> Files.delete(dir.resolve("commits/1"))) // as if killed before the commit
        .addData(input, row(3)) // arrives while stopped: must not join the re-run batch 1
        .startStream()
        .checkNewAnswer(row(3))
        .checkAnswer(row(1), row(2), row(3))
        .assertQuery(
            q -> {
              StreamingQueryProgress[] runs = q.recentProgress();
              StreamingQueryProgress rerun = runs[0];
              assertThat(rerun.batchId()).isEqualTo(1);
              assertThat(rerun.sources()[0].startOffset()).isEqualTo("0");
              assertThat(rerun.sources()[0].endOffset()).isEqualTo("1");
              assertThat(rerun.numInputRows()).isEqualTo(1);
              assertThat(runs[1].batchId()).isEqualTo(2);
              assertThat(runs[1].sources()[0].endOffset()).isEqualTo("2");
            })
        .run();
    assertThat(test.sink().deliveries(1)).isEqualTo(2); // re-run, but kept once
    assertThat(test.sink().rowsOfBatch(1)).containsExactly(row(2));
    assertThat(test.sink().rowsOfBatch(2)).containsExactly(row(3));
    assertThat(dir.resolve("commits/1")).exists();
  }

  @Test
  void theReRunBatchGetsTheSameRowsAndTimestamp(@TempDir Path dir) throws Exception {
    MemoryStream input = MemoryStream.of(session, "a INT");
    io.sluice.testing.ManualClock clock = new io.sluice.testing.ManualClock(1_000);
    List<String> delivered = new CopyOnWriteArrayList<>();
    DataStreamWriter writer =
        input
            .toDF()
            .withColumn("at", io.sluice.functions.current_timestamp())
            .writeStream()
            .clock(clock)
            .option("checkpointLocation", dir.toString())
            .foreachBatch(
                (df, id) -> {
                  for (Row r : df.collectAsList()) delivered.add(id + ":" + r);
                });
    StreamingQuery q = writer.start();
    input.addData(row(1), row(2));
    q.processAllAvailable();
    q.stop();
    Files.delete(dir.resolve("commits/0"));
    input.addData(row(3));
    clock.setTime(9_000);
    q = writer.start();
    q.processAllAvailable();
    q.stop();
    assertThat(delivered)
        .containsExactly(
            "0:[1,1970-01-01 00:00:01.0]",
            "0:[2,1970-01-01 00:00:01.0]",
            "0:[1,1970-01-01 00:00:01.0]", // the re-run: same offsets, same current_timestamp()
            "0:[2,1970-01-01 00:00:01.0]",
            "1:[3,1970-01-01 00:00:09.0]");
  }

  @Test
  void aSinkFailureInABatchLeavesItUncommittedAndTheRestartRunsItOnce(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest test = StreamTest.of(input.toDF(), OutputMode.Append()).checkpoint(dir);
    test.addData(input, row(1))
        .checkAnswer(row(1))
        .injectSinkFailure(false)
        .addData(input, row(2))
        .expectFailure(IllegalStateException.class, "injected sink failure before writing batch 1")
        .execute(
            q -> {
              assertThat(dir.resolve("offsets/1")).exists();
              assertThat(dir.resolve("commits/1")).doesNotExist();
            })
        .startStream()
        .checkAnswer(row(1), row(2))
        .run();
    assertThat(test.sink().deliveries(1)).isEqualTo(2);
  }

  @Test
  void aSinkThatWroteButFailedBeforeTheCommitKeepsEachRowOnce(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest test = StreamTest.of(input.toDF(), OutputMode.Append()).checkpoint(dir);
    test.addData(input, row(1))
        .checkAnswer(row(1))
        .injectSinkFailure(true)
        .addData(input, row(2), row(3))
        .expectFailure(IllegalStateException.class, "after writing batch 1")
        .addData(input, row(4))
        .startStream()
        .checkAnswer(row(1), row(2), row(3), row(4))
        .run();
    assertThat(test.sink().deliveries(1)).isEqualTo(2);
    assertThat(test.sink().rowsOfBatch(1)).containsExactlyInAnyOrder(row(2), row(3));
    assertThat(test.sink().rowsOfBatch(2)).containsExactly(row(4));
  }

  @Test
  void oldOffsetAndCommitEntriesArePurgedBeyondMinBatchesToRetain(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .conf("sluice.sql.streaming.minBatchesToRetain", "2")
        .addData(input, row(1))
        .processAllAvailable()
        .addData(input, row(2))
        .processAllAvailable()
        .addData(input, row(3))
        .processAllAvailable()
        .addData(input, row(4))
        .processAllAvailable()
        .addData(input, row(5))
        .processAllAvailable()
        .execute(
            q -> {
              assertThat(entries(dir.resolve("offsets"))).containsExactly("3", "4");
              assertThat(entries(dir.resolve("commits"))).containsExactly("3", "4");
            })
        .stopStream()
        .addData(input, row(6))
        .startStream()
        .checkLastBatch(row(6))
        .checkAnswer(row(1), row(2), row(3), row(4), row(5), row(6))
        .run();
  }

  @Test
  void aCorruptOffsetLogEntryIsAnErrorNamingTheFile(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    Path entry = dir.resolve("offsets").resolve("1");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .addData(input, row(1))
        .processAllAvailable()
        .addData(input, row(2))
        .processAllAvailable()
        .stopStream()
        .execute(q -> Files.writeString(entry, "v1\n{\"batchWatermarkMs\":0,"))
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", entry.toString())
        .execute(q -> Files.writeString(entry, "v1\n{\"batchWatermarkMs\":0}\nnot-an-offset"))
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", entry.toString())
        .execute(q -> Files.writeString(entry, "v7\n{}\n1"))
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", "newer than")
        .run();
  }

  @Test
  void aCorruptCommitLogEntryIsAnErrorNamingTheFile(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    Path entry = dir.resolve("commits").resolve("0");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .addData(input, row(1))
        .checkAnswer(row(1))
        .stopStream()
        .execute(q -> Files.writeString(entry, "v1\n{\"nextBatchWatermarkMs\":\"soon\"}"))
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", entry.toString())
        .execute(q -> Files.writeString(entry, "garbage"))
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", entry.toString())
        .run();
  }

  @Test
  void missingCommitsBeforeTheLastLoggedBatchAreAnErrorNotASilentReset(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .addData(input, row(1))
        .processAllAvailable()
        .addData(input, row(2))
        .processAllAvailable()
        .addData(input, row(3))
        .processAllAvailable()
        .stopStream()
        .execute(
            q -> {
              Files.delete(dir.resolve("commits/2"));
              Files.delete(dir.resolve("commits/1"));
            })
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", "the last commit is for batch 0")
        .execute(q -> Files.writeString(dir.resolve("offsets/2"), ""))
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", dir.resolve("offsets/2").toString())
        .run();
  }

  @Test
  void aCorruptMetadataFileIsAnErrorNamingTheFile(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    Path metadata = dir.resolve("metadata");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .addData(input, row(1))
        .checkAnswer(row(1))
        .stopStream()
        .execute(q -> Files.writeString(metadata, "{\"id\":\"not-a-uuid\"}"))
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", metadata.toString())
        .execute(q -> Files.writeString(metadata, "\u0000\u0001"))
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", metadata.toString())
        .run();
  }

  @Test
  void aCheckpointOfAnotherQueryIsRefused(@TempDir Path dir) {
    MemoryStream a = MemoryStream.of(session, "x INT");
    MemoryStream b = MemoryStream.of(session, "x INT");
    StreamTest.of(a.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .addData(a, row(1))
        .checkAnswer(row(1))
        .run();
    StreamTest.of(a.toDF().union(b.toDF()), OutputMode.Append())
        .checkpoint(dir)
        .startStream()
        .expectFailure("CHECKPOINT_FILE_CORRUPT", "1 sources but the query has 2")
        .run();
  }

  @Test
  void memoryAndNoopSinksUseATemporaryCheckpointDeletedOnStop() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    for (String format : List.of("noop", "memory")) {
      StreamingQuery q =
          input.toDF().writeStream().format(format).queryName("tmp_ckpt_" + format).start();
      Path checkpoint = ((StreamExecution) q).checkpointLocation();
      input.addData(row(1));
      q.processAllAvailable();
      assertThat(checkpoint.resolve("commits")).isDirectory();
      q.stop();
      assertThat(checkpoint).doesNotExist();
    }
  }

  @Test
  void foreachBatchWithoutACheckpointLocationIsRefused() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    assertThatThrownBy(() -> input.toDF().writeStream().foreachBatch((df, id) -> {}).start())
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("CHECKPOINT_LOCATION_REQUIRED"))
        .hasMessageContaining("checkpointLocation");
    assertThat(session.streams().active()).isEmpty();
  }

  @Test
  void theSessionCheckpointRootGivesEachNamedQueryItsDirectory(@TempDir Path dir) {
    MemoryStream input = MemoryStream.of(session, "a INT");
    session.conf().set("sluice.sql.streaming.checkpointLocation", dir.toString());
    StreamingQuery q;
    try {
      q =
          input
              .toDF()
              .filter(col("a").gt(0))
              .writeStream()
              .queryName("rooted")
              .foreachBatch((df, id) -> {})
              .start();
    } finally {
      session.conf().unset("sluice.sql.streaming.checkpointLocation");
    }
    try {
      input.addData(row(1));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(dir.resolve("rooted/commits/0")).exists();
  }

  private static List<String> entries(Path logDir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(logDir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .forEach(names::add);
    }
    names.sort(null);
    return names;
  }
}
