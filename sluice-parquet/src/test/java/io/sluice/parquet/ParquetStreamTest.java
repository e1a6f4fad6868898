package io.sluice.parquet;

import static io.sluice.functions.col;
import static io.sluice.functions.window;
import static io.sluice.parquet.ParquetWriteTest.list;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.connector.file.FileSinkLog;
import io.sluice.connector.file.SourceFile;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.StreamingQuery;
import io.sluice.testing.StreamTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams of Parquet files in, and the Parquet file sink under restarts (the scenario). */
class ParquetStreamTest {
  private static Session session;
  private static Duck duck;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    session = ParquetReadTest.sessionForTests();
    duck = new Duck();
  }

  @AfterAll
  static void stop() {
    session.stop();
    duck.close();
  }

  /** DuckDB writes {@code select} to a hidden file, then moves it into {@code dir} at once. */
  private void drop(Path dir, String name, String select) {
    try {
      Files.createDirectories(dir);
      Path hidden = tmp.resolve("." + name);
      duck.execute("COPY (" + select + ") TO '" + hidden + "' (FORMAT parquet)");
      Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aStreamReadsEachNewParquetFileOnce() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    DataFrame df =
        session
            .readStream()
            .schema("id BIGINT, s STRING")
            .format("parquet")
            .load(dir.toString())
            .where("id % 2 = 0");
    StreamTest.of(df, OutputMode.Append())
        .execute(
            q -> drop(dir, "part-0.parquet", "SELECT i AS id, 'a' || i AS s FROM range(4) t(i)"))
        .checkAnswer(row(0L, "a0"), row(2L, "a2"))
        .execute(
            q -> drop(dir, "part-1.parquet", "SELECT i AS id, 'b' || i AS s FROM range(4, 7) t(i)"))
        .checkNewAnswer(row(4L, "b4"), row(6L, "b6"))
        .stopStream()
        .execute(q -> drop(dir, "part-2.parquet", "SELECT 8::BIGINT AS id, NULL AS s"))
        .startStream()
        .checkNewAnswer(row(8L, null))
        .run();
  }

  private static Timestamp at(String hhmm) {
    return Timestamp.valueOf("2024-01-01 " + hhmm + ":00");
  }

  /** The non-hidden Parquet files under {@code out}, relative, as DuckDB's glob would find them. */
  private static Set<String> parquetFilesOnDisk(Path out) {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(p -> p.toString().endsWith(".parquet"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> out.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> manifestFiles(Path out) {
    return FileSinkLog.files(out).stream()
        .map(f -> out.relativize(f.path()).toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void deleteLastCommit(Path checkpoint) throws IOException {
    Path commits = checkpoint.resolve("commits");
    long last;
    try (Stream<Path> s = Files.list(commits)) {
      last =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.matches("\\d+"))
              .mapToLong(Long::parseLong)
              .max()
              .orElseThrow();
    }
    Files.delete(commits.resolve(Long.toString(last)));
  }

  /**
   * The "done when": an aggregated stream written as Parquet partitioned by date and hour
   * with a checkpoint, stopped mid-stream, killed after the sink wrote a batch (its commit-log
   * entry deleted) and restarted: DuckDB reads exactly the expected rows, and no file of the
   * replayed batch is written again.
   */
  @Test
  void aWindowedCountWrittenAsPartitionedParquetSurvivesStopsAndAReplayedBatch()
      throws IOException {
    Path out = tmp.resolve("counts");
    Path ck = tmp.resolve("ck");
    MemoryStream events = MemoryStream.of(session, "eventTime TIMESTAMP, user STRING");
    DataFrame counts =
        events
            .toDF()
            .withWatermark("eventTime", "10 minutes")
            .groupBy(window(col("eventTime"), "1 hour"))
            .count()
            .selectExpr(
                "to_date(window.start) AS date",
                "hour(window.start) AS hour",
                "window.start AS window_start",
                "count");
    java.util.function.Supplier<StreamingQuery> start =
        () ->
            counts
                .writeStream()
                .format("parquet")
                .outputMode("append")
                .partitionBy("date", "hour")
                .option("checkpointLocation", ck.toString())
                .start(out.toString());

    // run 1: the 10:00 window closes once the watermark passes 11:00
    StreamingQuery q = start.get();
    events.addData(
        RowFactory.create(at("10:05"), "u1"),
        RowFactory.create(at("10:20"), "u2"),
        RowFactory.create(at("10:40"), "u3"));
    q.processAllAvailable();
    events.addData(RowFactory.create(at("11:15"), "u1"));
    q.processAllAvailable();
    q.stop();
    assertThat(manifestFiles(out))
        .hasSize(1)
        .allMatch(f -> f.startsWith("date=2024-01-01/hour=10/"));

    // run 2 closes the 11:00 window; then a "kill" after the sink wrote: the commit is lost
    q = start.get();
    events.addData(RowFactory.create(at("12:30"), "u2"), RowFactory.create(at("11:50"), "u3"));
    q.processAllAvailable();
    q.stop();
    Set<String> beforeReplay = parquetFilesOnDisk(out);
    assertThat(beforeReplay).hasSize(2);
    deleteLastCommit(ck);

    // run 3 replays the last batch (its files are in the manifest: nothing new), then goes on
    q = start.get();
    q.processAllAvailable();
    assertThat(parquetFilesOnDisk(out)).isEqualTo(beforeReplay);
    events.addData(RowFactory.create(at("14:10"), "u1"));
    q.processAllAvailable();
    q.stop();

    Set<String> committed = manifestFiles(out);
    assertThat(parquetFilesOnDisk(out)).isEqualTo(committed); // no file outside the manifest
    List<java.nio.file.Path> files = FileSinkLog.files(out).stream().map(SourceFile::path).toList();
    String expectedRows =
        "2024-01-01|10|2024-01-01 10:00:00|3,"
            + "2024-01-01|11|2024-01-01 11:00:00|2,"
            + "2024-01-01|12|2024-01-01 12:00:00|1";
    assertThat(
            String.join(
                ",",
                duck.rows(
                    "SELECT date, hour, strftime(window_start, '%Y-%m-%d %H:%M:%S'), count FROM"
                        + " read_parquet("
                        + list(files)
                        + ", hive_partitioning = true) ORDER BY window_start")))
        .isEqualTo(expectedRows);
    // DuckDB's own glob of the directory sees the same rows: nothing uncommitted is visible
    assertThat(
            String.join(
                ",",
                duck.rows(
                    "SELECT date, hour, strftime(window_start, '%Y-%m-%d %H:%M:%S'), count FROM"
                        + " read_parquet('"
                        + out
                        + "/**/*.parquet', hive_partitioning = true) ORDER BY window_start")))
        .isEqualTo(expectedRows);
    // and Sluice's batch reader, which honours the manifest
    assertThat(ParquetReadTest.rows(session.read().parquet(out.toString()).orderBy("window_start")))
        .containsExactly(
            "[2024-01-01 10:00:00.0,3,2024-01-01,10]",
            "[2024-01-01 11:00:00.0,2,2024-01-01,11]",
            "[2024-01-01 12:00:00.0,1,2024-01-01,12]");
  }
}
