package io.sluice.connector.file;

import static io.sluice.connector.file.StreamFiles.filesUnder;
import static io.sluice.connector.file.StreamFiles.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.DataStreamWriter;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.StreamingQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink's manifest over time: log compaction, deletion of obsolete log files after the
 * cleanup delay, retention of entries, batch readers honouring it, and the background compaction of
 * small files under concurrent reads.
 */
class FileSinkManifestTest {
  private static final String PREFIX = "sluice.sql.streaming.fileSink.log.";
  private static Session session;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    session = StreamFiles.session();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @AfterEach
  void unset() {
    for (String k : new String[] {"compactInterval", "cleanupDelay", "deletion"}) {
      session.conf().unset(PREFIX + k);
    }
  }

  private StreamingQuery start(MemoryStream in, Path out, Map<String, String> options) {
    DataStreamWriter w =
        in.toDF()
            .coalesce(1)
            .writeStream()
            .format("json")
            .option("checkpointLocation", tmp.resolve("ck").toString());
    options.forEach(w::option);
    return w.start(out.toString());
  }

  private static void batches(StreamingQuery q, MemoryStream in, int from, int to) {
    for (int i = from; i < to; i++) {
      in.addData(RowFactory.create(i));
      q.processAllAvailable();
    }
  }

  private List<String> logFiles(Path out) {
    return filesUnder(out.resolve(FileSinkLog.DIRECTORY));
  }

  @Test
  void obsoleteLogFilesGoOnlyAfterTheCleanupDelayAndNotAtAllWithoutDeletion() {
    session.conf().set(PREFIX + "compactInterval", "3");
    Path kept = tmp.resolve("kept");
    MemoryStream in = MemoryStream.of(session, "id INT");
    StreamingQuery q = start(in, kept, Map.of()); // default delay: 10 minutes
    try {
      batches(q, in, 0, 7);
    } finally {
      q.stop();
    }
    assertThat(logFiles(kept)).containsExactly("0", "1", "2.compact", "3", "4", "5.compact", "6");

    session.conf().set(PREFIX + "cleanupDelay", "0");
    session.conf().set(PREFIX + "deletion", "false");
    Path noDeletion = tmp.resolve("noDeletion");
    MemoryStream in2 = MemoryStream.of(session, "id INT");
    StreamingQuery q2 =
        start(in2, noDeletion, Map.of("checkpointLocation", tmp.resolve("ck2").toString()));
    try {
      batches(q2, in2, 0, 7);
    } finally {
      q2.stop();
    }
    assertThat(logFiles(noDeletion)).hasSize(7);

    session.conf().set(PREFIX + "deletion", "true");
    Path deleted = tmp.resolve("deleted");
    MemoryStream in3 = MemoryStream.of(session, "id INT");
    StreamingQuery q3 =
        start(in3, deleted, Map.of("checkpointLocation", tmp.resolve("ck3").toString()));
    try {
      batches(q3, in3, 0, 12);
    } finally {
      q3.stop();
    }
    // it never holds more than about two intervals of files
    assertThat(logFiles(deleted)).containsExactlyInAnyOrder("8.compact", "9", "10", "11.compact");
    assertThat(sorted(session.read().schema("id INT").json(deleted.toString()))).hasSize(12);
  }

  @Test
  void retentionDropsEntriesOfOldFilesAtTheNextCompaction() throws IOException {
    session.conf().set(PREFIX + "compactInterval", "3");
    Path out = tmp.resolve("out");
    MemoryStream in = MemoryStream.of(session, "id INT");
    StreamingQuery q = start(in, out, Map.of("retention", "1ms"));
    try {
      batches(q, in, 0, 2);
      long newest = 0;
      for (SourceFile f : FileSinkLog.files(out)) newest = Math.max(newest, f.modificationTime());
      long deadline = System.currentTimeMillis() + 5_000;
      while (System.currentTimeMillis() <= newest + 2 && System.currentTimeMillis() < deadline) {
        Thread.onSpinWait(); // the entries must be older than 1 ms: a few ms at most
      }
      batches(q, in, 2, 4); // batch 2 compacts
    } finally {
      q.stop();
    }
    // batches 0 and 1 have left the manifest (their files stay on disk, as in Spark)
    assertThat(sorted(session.read().schema("id INT").json(out.toString())))
        .containsExactly("[2]", "[3]");
    assertThat(filesUnder(out).stream().filter(f -> f.startsWith("part-"))).hasSize(4);
    assertThatThrownBy(
            () ->
                start(
                    MemoryStream.of(session, "id INT"),
                    tmp.resolve("bad"),
                    Map.of("retention", "soon")))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "retention"));
  }

  @Test
  void batchReadersReadOnlyWhatTheManifestLists() throws IOException {
    Path out = tmp.resolve("out");
    MemoryStream in = MemoryStream.of(session, "id INT");
    StreamingQuery q = start(in, out, Map.of());
    try {
      batches(q, in, 0, 2);
    } finally {
      q.stop();
    }
    Files.writeString(out.resolve("part-00000-stray-c000.json"), "{\"id\":99}\n");
    Files.createDirectories(out.resolve("_temporary/x"));
    Files.writeString(out.resolve("_temporary/x/part-00000-x-c000.json"), "{\"id\":98}\n");
    assertThat(sorted(session.read().schema("id INT").json(out.toString())))
        .containsExactly("[0]", "[1]");
    assertThat(sorted(session.read().schema("id INT").json(out + "/*.json")))
        .contains("[99]"); // a glob is not the sink's directory: every file is read, as in Spark
  }

  @Test
  void smallFilesAreCompactedInTheBackgroundWhileReadersSeeEveryRowOnce() throws Exception {
    Path out = tmp.resolve("out");
    MemoryStream in = MemoryStream.of(session, "id INT");
    StreamingQuery q = start(in, out, Map.of("compactSmallFiles", "true", "targetFileSize", "60"));
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> problem = new AtomicReference<>();
    AtomicInteger reads = new AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get() && problem.get() == null) {
                try {
                  List<Row> rows =
                      session.read().schema("id INT").json(out.toString()).collectAsList();
                  List<Integer> ids = new ArrayList<>();
                  for (Row r : rows) ids.add(r.getInt(0));
                  ids.sort(null);
                  for (int i = 0; i < ids.size(); i++) {
                    if (ids.get(i) != i) {
                      problem.set("read " + ids + ": a duplicate or a gap");
                    }
                  }
                  reads.incrementAndGet();
                } catch (RuntimeException e) {
                  if (!String.valueOf(e.getMessage()).contains("PATH_NOT_FOUND")) {
                    problem.set(String.valueOf(e));
                  }
                }
              }
            });
    reader.start();
    int next = 0;
    try {
      long deadline = System.currentTimeMillis() + 20_000;
      while ((next < 12 || deletes(out) < 2 || reads.get() < 10)
          && System.currentTimeMillis() < deadline) {
        batches(q, in, next, next + 1);
        next++;
      }
    } finally {
      done.set(true);
      reader.join(10_000);
      q.stop();
    }
    assertThat(problem.get()).isNull();
    assertThat(reads.get()).isGreaterThanOrEqualTo(10);
    assertThat(deletes(out)).isPositive();
    List<SourceFile> live = FileSinkLog.files(out);
    assertThat(live.size()).isLessThan(next);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < next; i++) expected.add("[" + i + "]");
    expected.sort(null);
    assertThat(sorted(session.read().schema("id INT").json(out.toString())))
        .containsExactlyElementsOf(expected);
    assertThat(filesUnder(out)).noneMatch(f -> f.startsWith("_temporary"));
  }

  @Test
  void replacedFilesLeaveTheDiskAfterTheCleanupDelay() throws Exception {
    session.conf().set(PREFIX + "compactInterval", "2");
    session.conf().set(PREFIX + "cleanupDelay", "0");
    Path out = tmp.resolve("out");
    MemoryStream in = MemoryStream.of(session, "id INT");
    StreamingQuery q = start(in, out, Map.of("compactSmallFiles", "true", "targetFileSize", "40"));
    int next = 0;
    try {
      long deadline = System.currentTimeMillis() + 20_000;
      while ((next < 8 || onDisk(out) >= next) && System.currentTimeMillis() < deadline) {
        batches(q, in, next, next + 1);
        next++;
      }
    } finally {
      q.stop();
    }
    // fewer data files on disk than batches written: the rewritten ones were deleted
    assertThat(onDisk(out)).isLessThan(next);
    // what is on disk beyond the live files awaits deletion: the manifest lists it as deleted
    assertThat(onDisk(out) - FileSinkLog.files(out).size()).isLessThanOrEqualTo(deletes(out));
    assertThat(sorted(session.read().schema("id INT").json(out.toString()))).hasSize(next);
  }

  @Test
  void aRestartRemovesDataFilesAKilledRunMovedInButNeverRecorded() throws IOException {
    Path out = tmp.resolve("out");
    MemoryStream in = MemoryStream.of(session, "id INT");
    StreamingQuery q = start(in, out, Map.of());
    try {
      batches(q, in, 0, 2);
    } finally {
      q.stop();
    }
    // as a run killed between moving its files into place and writing the manifest leaves them
    String orphan = "part-00000-00000000-0000-0000-0000-000000000000-c000.json";
    Files.writeString(out.resolve(orphan), "{\"id\":100}\n");
    Path old = out.resolve("part-00001-11111111-1111-1111-1111-111111111111-c000.json");
    Files.writeString(old, "{\"id\":200}\n");
    Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1000));
    StreamingQuery again = start(in, out, Map.of());
    try {
      batches(again, in, 2, 3);
    } finally {
      again.stop();
    }
    assertThat(out.resolve(orphan)).doesNotExist();
    assertThat(old).exists(); // older than the manifest: not the killed run's, left alone
    assertThat(sorted(session.read().schema("id INT").json(out.toString())))
        .containsExactly("[0]", "[1]", "[2]");
    assertThatThrownBy(
            () ->
                start(
                    MemoryStream.of(session, "id INT"),
                    tmp.resolve("bad"),
                    Map.of("compactSmallFiles", "true", "targetFileSize", "0")))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "targetFileSize"));
  }

  @Test
  void smallFilesOfEachPartitionDirectoryAreCompactedSeparately() {
    Path out = tmp.resolve("out");
    MemoryStream in = MemoryStream.of(session, "id INT");
    StreamingQuery q =
        in.toDF()
            .selectExpr("id", "id % 2 AS k")
            .coalesce(1)
            .writeStream()
            .format("csv")
            .partitionBy("k")
            .option("checkpointLocation", tmp.resolve("ck").toString())
            .option("compactSmallFiles", true)
            .option("targetFileSize", 20)
            .start(out.toString());
    int next = 0;
    try {
      long deadline = System.currentTimeMillis() + 20_000;
      while ((next < 8 || deletes(out) == 0) && System.currentTimeMillis() < deadline) {
        batches(q, in, next, next + 1);
        next++;
      }
    } finally {
      q.stop();
    }
    assertThat(deletes(out)).isPositive();
    assertThat(FileSinkLog.files(out).size()).isLessThan(next);
    assertThat(FileSinkLog.files(out))
        .allMatch(f -> f.path().getParent().getFileName().toString().matches("k=[01]"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < next; i++) expected.add("[" + i + "," + (i % 2) + "]");
    expected.sort(null);
    assertThat(sorted(session.read().schema("id INT, k INT").csv(out.toString())))
        .containsExactlyElementsOf(expected);
  }

  private static long onDisk(Path out) {
    return filesUnder(out).stream().filter(f -> f.startsWith("part-")).count();
  }

  private static long deletes(Path out) {
    long n = 0;
    for (String f : filesUnder(out.resolve(FileSinkLog.DIRECTORY))) {
      try {
        String text = Files.readString(out.resolve(FileSinkLog.DIRECTORY).resolve(f));
        n += text.split("\"action\":\"delete\"", -1).length - 1;
      } catch (IOException e) {
        // compacted away meanwhile
      }
    }
    return n;
  }
}
