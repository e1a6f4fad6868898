package io.sluice.connector.file;

import static io.sluice.connector.file.FileStreamSourceTest.rootSluice;
import static io.sluice.connector.file.StreamFiles.filesUnder;
import static io.sluice.connector.file.StreamFiles.sorted;
import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static io.sluice.functions.to_timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.DataStreamWriter;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.StreamingQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The json/csv file sink through the engine: output, manifest, restarts, partitioning. */
class FileStreamSinkTest {
  private static final String PART = "part-\\d{5}-[0-9a-f-]{36}-c000\\.";
  private static Session session;

  @TempDir Path tmp;
  private Path out;
  private Path ck;

  @BeforeAll
  static void start() {
    session = StreamFiles.session();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @BeforeEach
  void dirs() {
    out = tmp.resolve("out");
    ck = tmp.resolve("ck");
  }

  private DataStreamWriter writer(DataFrame df, String format) {
    return df.writeStream().format(format).option("checkpointLocation", ck.toString());
  }

  private static void run(StreamingQuery q, Runnable... steps) {
    try {
      for (Runnable s : steps) {
        s.run();
        q.processAllAvailable();
      }
    } finally {
      q.stop();
    }
  }

  @Test
  void theJsonSinkWritesJsonLinesThatTheBatchReaderReadsBack() throws IOException {
    MemoryStream input = MemoryStream.of(session, "id INT, name STRING");
    DataFrame df = input.toDF().withColumn("ts", to_timestamp(lit("2024-01-02 03:04:05.678")));
    StreamingQuery q = writer(df, "json").start(out.toString());
    run(
        q,
        () -> input.addData(RowFactory.create(1, "a"), RowFactory.create(2, null)),
        () -> input.addData(RowFactory.create(3, "c")));
    assertThat(q.lastProgress().sink().description()).isEqualTo("FileSink[" + out + "]");
    assertThat(
            sorted(session.read().schema("id INT, name STRING, ts TIMESTAMP").json(out.toString())))
        .containsExactly(
            "[1,a,2024-01-02 03:04:05.678]",
            "[2,null,2024-01-02 03:04:05.678]",
            "[3,c,2024-01-02 03:04:05.678]");
    List<String> files = filesUnder(out);
    assertThat(files).contains("_sluice_metadata/0", "_sluice_metadata/1");
    List<String> data = files.stream().filter(f -> !f.startsWith("_")).toList();
    assertThat(data).isNotEmpty().allMatch(f -> f.matches(PART + "json"));
    StringBuilder all = new StringBuilder();
    for (String f : data) all.append(Files.readString(out.resolve(f)));
    assertThat(all.toString())
        .contains("{\"id\":2,\"ts\":\"2024-01-02T03:04:05.678Z\"}\n")
        .contains("{\"id\":3,\"name\":\"c\",\"ts\":\"2024-01-02T03:04:05.678Z\"}\n");
    String manifest = Files.readString(out.resolve("_sluice_metadata/1"));
    assertThat(manifest).startsWith("v1\n{\"path\":\"part-");
    assertThat(manifest)
        .containsPattern("\"size\":\\d+,\"modificationTime\":\\d+,\"action\":\"add\"");
  }

  @Test
  void theCsvSinkHonoursHeaderSepQuotingNullsAndEmptyStrings() throws IOException {
    MemoryStream input = MemoryStream.of(session, "id INT, name STRING");
    StreamingQuery q =
        writer(input.toDF(), "csv").option("header", true).option("sep", ";").start(out.toString());
    run(
        q,
        () ->
            input.addData(
                RowFactory.create(1, "a;b"),
                RowFactory.create(2, null),
                RowFactory.create(3, ""),
                RowFactory.create(4, "say \"hi\""),
                RowFactory.create(5, "  padded  ")));
    List<String> data = filesUnder(out).stream().filter(f -> !f.startsWith("_")).toList();
    assertThat(data).hasSize(1).allMatch(f -> f.matches(PART + "csv"));
    assertThat(Files.readString(out.resolve(data.get(0))))
        .isEqualTo("id;name\n1;\"a;b\"\n2;\n3;\"\"\n4;\"say \\\"hi\\\"\"\n5;padded\n");
    assertThat(
            sorted(
                session
                    .read()
                    .schema("id INT, name STRING")
                    .option("header", true)
                    .option("sep", ";")
                    .csv(out.toString())))
        .hasSize(5) // (how "" reads back is the reader's business)
        .contains("[1,a;b]", "[2,null]", "[4,say \"hi\"]", "[5,padded]");
  }

  @Test
  void partitionByWritesHiveDirectoriesThatNoValueCanLeave() {
    MemoryStream input = MemoryStream.of(session, "p STRING, v INT");
    StreamingQuery q = writer(input.toDF(), "json").partitionBy("p").start(out.toString());
    run(
        q,
        () ->
            input.addData(
                RowFactory.create("../x", 1),
                RowFactory.create("a/b", 2),
                RowFactory.create(null, 3),
                RowFactory.create("plain", 4),
                RowFactory.create("plain", 5),
                RowFactory.create("k=v:*", 6)));
    List<String> dirs =
        filesUnder(out).stream()
            .filter(f -> !f.startsWith("_"))
            .map(f -> f.substring(0, f.lastIndexOf('/')))
            .distinct()
            .sorted()
            .toList();
    assertThat(dirs)
        .containsExactly(
            "p=..%2Fx", "p=__HIVE_DEFAULT_PARTITION__", "p=a%2Fb", "p=k%3Dv%3A%2A", "p=plain");
    assertThat(filesUnder(tmp)).allMatch(f -> f.startsWith("out/") || f.startsWith("ck/"));
    assertThat(sorted(session.read().json(out.toString())))
        .containsExactly("[1,../x]", "[2,a/b]", "[3,null]", "[4,plain]", "[5,plain]", "[6,k=v:*]");
  }

  @Test
  void aBatchRunAgainAfterARestartAddsNothing() throws IOException {
    MemoryStream input = MemoryStream.of(session, "id INT");
    StreamingQuery q = writer(input.toDF(), "json").start(out.toString());
    run(q, () -> input.addData(RowFactory.create(1)), () -> input.addData(RowFactory.create(2)));
    List<String> before = filesUnder(out);
    Files.delete(ck.resolve("commits/1")); // the sink wrote batch 1 but the query never committed
    q = writer(input.toDF(), "json").start(out.toString());
    run(q, () -> {}, () -> input.addData(RowFactory.create(3)));
    assertThat(sorted(session.read().json(out.toString()))).containsExactly("[1]", "[2]", "[3]");
    List<String> after = filesUnder(out);
    assertThat(after).containsAll(before);
    assertThat(after.stream().filter(f -> !before.contains(f)))
        .allMatch(f -> f.equals("_sluice_metadata/2") || f.matches(PART + "json"));
  }

  @Test
  void filesOfUnfinishedBatchesAreNeverRead() throws IOException {
    MemoryStream input = MemoryStream.of(session, "id INT");
    StreamingQuery q = writer(input.toDF(), "json").start(out.toString());
    run(q, () -> input.addData(RowFactory.create(1)));
    Files.writeString(
        out.resolve("part-00000-aaaaaaaa-0000-0000-0000-000000000000-c000.json"), "{\"id\":99}\n");
    assertThat(sorted(session.read().json(out.toString()))).containsExactly("[1]");
    StreamingQuery reader =
        session
            .readStream()
            .schema("id INT")
            .json(out.toString())
            .writeStream()
            .format("memory")
            .queryName("sink_output_stream")
            .start();
    run(reader, () -> {});
    assertThat(sorted(session.sql("SELECT * FROM sink_output_stream"))).containsExactly("[1]");
    deleteRecursively(out.resolve(FileSinkLog.DIRECTORY));
    assertThat(sorted(session.read().json(out.toString()))).containsExactly("[1]", "[99]");
  }

  @Test
  void aSinksOutputCannotBeCleanedUpByAStreamReadingIt() {
    MemoryStream input = MemoryStream.of(session, "id INT");
    run(
        writer(input.toDF(), "json").start(out.toString()),
        () -> input.addData(RowFactory.create(1)));
    StreamingQuery reader =
        session
            .readStream()
            .schema("id INT")
            .option("cleanSource", "delete")
            .json(out.toString())
            .writeStream()
            .format("memory")
            .queryName("cleaned_sink_output")
            .start();
    assertThatThrownBy(() -> run(reader, () -> {}))
        .satisfies(
            t -> {
              SluiceException e = rootSluice(t);
              assertThat(e.getErrorClass()).isEqualTo("STREAMING_SOURCE_OPTION_INVALID");
              assertThat(e.getMessageParameters()).containsEntry("option", "cleanSource");
            });
    assertThat(sorted(session.read().json(out.toString()))).containsExactly("[1]");
  }

  @Test
  void theManifestIsCompactedSoItHoldsAFewFilesOnly() {
    session.conf().set("sluice.sql.streaming.fileSink.log.compactInterval", "3");
    session.conf().set("sluice.sql.streaming.fileSink.log.cleanupDelay", "0");
    try {
      MemoryStream input = MemoryStream.of(session, "id INT");
      StreamingQuery q = writer(input.toDF(), "csv").start(out.toString());
      Runnable[] steps = new Runnable[7];
      for (int i = 0; i < steps.length; i++) {
        int id = i;
        steps[i] = () -> input.addData(RowFactory.create(id));
      }
      run(q, steps);
    } finally {
      session.conf().unset("sluice.sql.streaming.fileSink.log.compactInterval");
      session.conf().unset("sluice.sql.streaming.fileSink.log.cleanupDelay");
    }
    assertThat(filesUnder(out.resolve(FileSinkLog.DIRECTORY)))
        .containsExactly("2.compact", "3", "4", "5.compact", "6");
    assertThat(sorted(session.read().schema("id INT").csv(out.toString())))
        .containsExactly("[0]", "[1]", "[2]", "[3]", "[4]", "[5]", "[6]");
  }

  @Test
  void aCorruptManifestFileIsAnErrorNamingIt() throws IOException {
    MemoryStream input = MemoryStream.of(session, "id INT");
    run(
        writer(input.toDF(), "json").start(out.toString()),
        () -> input.addData(RowFactory.create(1)));
    Path manifest = out.resolve("_sluice_metadata/0");
    Files.writeString(manifest, "v1\n{\"path\":\"part-1.json\",\"size\":\"big\"}\n");
    assertThatThrownBy(() -> session.read().json(out.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("FILE_SINK_LOG_CORRUPT");
              assertThat(e.getMessageParameters()).containsEntry("path", "file:" + manifest);
              assertThat(e.getMessage()).contains("'size' must be a number");
            });
    Files.writeString(manifest, "v7\n");
    assertThatThrownBy(() -> session.read().json(out.toString()))
        .satisfies(t -> assertThat(rootSluice(t).getMessage()).contains("v7", manifest.toString()));
  }

  @Test
  void gzipCompressedOutputReadsBack() {
    MemoryStream input = MemoryStream.of(session, "id INT");
    StreamingQuery q =
        writer(input.toDF(), "json").option("compression", "gzip").start(out.toString());
    run(q, () -> input.addData(RowFactory.create(1), RowFactory.create(2)));
    assertThat(filesUnder(out).stream().filter(f -> !f.startsWith("_")))
        .isNotEmpty()
        .allMatch(f -> f.matches(PART + "json\\.gz"));
    assertThat(sorted(session.read().json(out.toString()))).containsExactly("[1]", "[2]");
  }

  @Test
  void onlyAppendModeIsSupported() {
    MemoryStream input = MemoryStream.of(session, "id INT");
    assertThatThrownBy(
            () -> writer(input.toDF(), "json").outputMode("update").start(out.toString()))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass())
                  .isEqualTo("STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE");
              assertThat(e.getMessageParameters())
                  .containsEntry("outputMode", "update")
                  .containsEntry("className", "json");
            });
  }

  @Test
  void badSinkSettingsNameWhatIsWrong() {
    MemoryStream input = MemoryStream.of(session, "id INT, s STRING");
    assertThatThrownBy(() -> writer(input.toDF(), "json").start())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("STREAMING_SINK_OPTION_INVALID");
              assertThat(e.getMessageParameters()).containsEntry("option", "path");
            });
    assertThatThrownBy(
            () -> writer(input.toDF(), "csv").partitionBy("id", "s").start(out.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("ALL_PARTITION_COLUMNS_NOT_ALLOWED"));
    assertThatThrownBy(
            () -> writer(input.toDF(), "csv").option("compression", "snappy").start(out.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "compression"));
    assertThatThrownBy(
            () ->
                writer(
                        input.toDF().select(col("id"), io.sluice.functions.array(col("s")).as("a")),
                        "csv")
                    .start(out.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE"));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
