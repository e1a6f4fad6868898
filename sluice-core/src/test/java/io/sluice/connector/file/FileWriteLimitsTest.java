package io.sluice.connector.file;

import static io.sluice.connector.file.StreamFiles.filesUnder;
import static io.sluice.connector.file.StreamFiles.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.StreamingQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maxRecordsPerFile (option and conf) and maxBytesPerFile on batch and streaming writes. */
class FileWriteLimitsTest {
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

  private static DataFrame rows(Session s, int n) {
    return s.range(0, n).selectExpr("id", "id % 2 AS k").coalesce(1);
  }

  private static List<String> dataFiles(Path dir) {
    return filesUnder(dir).stream().filter(f -> !f.startsWith("_")).toList();
  }

  private static long lines(Path f) {
    try (var s = Files.lines(f)) {
      return s.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void maxRecordsPerFileStartsFilesC000C001PerTask() {
    Path out = tmp.resolve("out");
    rows(session, 10).write().option("maxRecordsPerFile", 4).json(out.toString());
    List<String> files = dataFiles(out);
    assertThat(files).hasSize(3);
    assertThat(files.stream().map(f -> f.substring(f.length() - 9)))
        .containsExactlyInAnyOrder("c000.json", "c001.json", "c002.json");
    Map<String, Long> counts = new TreeMap<>();
    for (String f : files) counts.put(f.substring(f.length() - 9), lines(out.resolve(f)));
    assertThat(counts)
        .containsExactly(
            Map.entry("c000.json", 4L), Map.entry("c001.json", 4L), Map.entry("c002.json", 2L));
    assertThat(sorted(session.read().json(out.toString()))).hasSize(10);
  }

  @Test
  void maxRecordsPerFileCountsPerPartitionDirectory() {
    Path out = tmp.resolve("out");
    rows(session, 10).write().option("maxRecordsPerFile", 2).partitionBy("k").csv(out.toString());
    List<String> files = dataFiles(out);
    assertThat(files.stream().filter(f -> f.startsWith("k=0/"))).hasSize(3);
    assertThat(files.stream().filter(f -> f.startsWith("k=1/"))).hasSize(3);
    assertThat(files).allMatch(f -> lines(out.resolve(f)) <= 2);
    assertThat(files).anyMatch(f -> f.startsWith("k=0/") && f.endsWith("-c002.csv"));
  }

  @Test
  void theConfSetsTheDefaultAndTheOptionOverridesIt() {
    Session s = session.newSession();
    s.conf().set("sluice.sql.files.maxRecordsPerFile", "3");
    Path a = tmp.resolve("a");
    rows(s, 7).write().json(a.toString());
    assertThat(dataFiles(a)).hasSize(3);
    Path b = tmp.resolve("b");
    rows(s, 7).write().option("maxRecordsPerFile", 0).json(b.toString()); // 0: no limit
    assertThat(dataFiles(b)).hasSize(1);
  }

  @Test
  void maxBytesPerFileEndsAFileOnceItReachesTheTarget() {
    Path out = tmp.resolve("out");
    // ~16 bytes a row, 3000 rows: about 48 KB; a 10k target ends files after the first 1024-row
    // chunk that crosses it
    rows(session, 3000).write().option("maxBytesPerFile", "10k").json(out.toString());
    List<String> files = dataFiles(out);
    assertThat(files).hasSizeBetween(2, 4);
    long total = 0;
    for (String f : files) {
      long size = out.resolve(f).toFile().length();
      total += lines(out.resolve(f));
      assertThat(size).isLessThan(10 * 1024 + 1024 * 32);
    }
    assertThat(total).isEqualTo(3000);
  }

  @Test
  void theByteTargetHasASessionDefaultToo() {
    Session s = session.newSession();
    s.conf().set("sluice.sql.files.maxBytesPerFile", "4k");
    Path out = tmp.resolve("out");
    rows(s, 3000).write().csv(out.toString());
    assertThat(dataFiles(out)).hasSizeGreaterThan(1);
    Path one = tmp.resolve("one");
    rows(s, 3000).write().option("maxBytesPerFile", "0").csv(one.toString());
    assertThat(dataFiles(one)).hasSize(1);
  }

  @Test
  void badLimitsNameTheOption() {
    assertThatThrownBy(
            () ->
                rows(session, 1)
                    .write()
                    .option("maxRecordsPerFile", "many")
                    .json(tmp.resolve("x").toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "maxRecordsPerFile"));
    assertThatThrownBy(
            () ->
                rows(session, 1)
                    .write()
                    .option("maxBytesPerFile", "-1")
                    .json(tmp.resolve("x").toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "maxBytesPerFile"));
  }

  @Test
  void theStreamingSinkHonoursBothLimitsAndTheManifestListsEveryFile() {
    Path out = tmp.resolve("out");
    MemoryStream input = MemoryStream.of(session, "id INT");
    StreamingQuery q =
        input
            .toDF()
            .coalesce(1)
            .writeStream()
            .format("csv")
            .option("checkpointLocation", tmp.resolve("ck").toString())
            .option("maxRecordsPerFile", 2)
            .start(out.toString());
    try {
      input.addData(
          RowFactory.create(1), RowFactory.create(2), RowFactory.create(3), RowFactory.create(4));
      q.processAllAvailable();
      input.addData(RowFactory.create(5));
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(dataFiles(out)).hasSize(3).allMatch(f -> lines(out.resolve(f)) <= 2);
    assertThat(FileSinkLog.files(out)).hasSize(3);
    assertThat(sorted(session.read().schema("id INT").csv(out.toString())))
        .containsExactly("[1]", "[2]", "[3]", "[4]", "[5]");

    Path bytes = tmp.resolve("bytes");
    MemoryStream in2 = MemoryStream.of(session, "id BIGINT");
    StreamingQuery q2 =
        in2.toDF()
            .coalesce(1)
            .writeStream()
            .format("json")
            .option("checkpointLocation", tmp.resolve("ck2").toString())
            .option("maxBytesPerFile", "8k")
            .start(bytes.toString());
    try {
      Object[][] many = new Object[3000][];
      for (int i = 0; i < many.length; i++) many[i] = new Object[] {(long) i};
      in2.addData(java.util.Arrays.stream(many).map(r -> RowFactory.create(r)).toList());
      q2.processAllAvailable();
    } finally {
      q2.stop();
    }
    assertThat(dataFiles(bytes)).hasSizeGreaterThan(1);
    assertThat(sorted(session.read().json(bytes.toString()))).hasSize(3000);
  }
}
