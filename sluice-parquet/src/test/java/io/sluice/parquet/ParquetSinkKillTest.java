package io.sluice.parquet;

import static io.sluice.functions.col;
import static io.sluice.functions.window;
import static io.sluice.parquet.ParquetWriteTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Session;
import io.sluice.connector.file.FileSinkLog;
import io.sluice.connector.file.SourceFile;
import io.sluice.streaming.StreamingQuery;
import io.sluice.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario with a real kill: a child JVM runs the windowed count of a stream of JSON
 * files into Parquet partitioned by date and hour; the test kills it (no shutdown, mid-stream)
 * after its third batch, restarts the query here from the same checkpoint, and DuckDB then reads
 * every hour's count exactly once from the files the manifest lists.
 */
class ParquetSinkKillTest {
  @TempDir Path tmp;

  /** The query of both runs: hourly counts, append mode, one input file per batch. */
  static StreamingQuery start(Session session, Path in, Path out, Path ck) {
    return session
        .readStream()
        .schema("eventTime TIMESTAMP, user STRING")
        .option("maxFilesPerTrigger", 1)
        .json(in.toString())
        .withWatermark("eventTime", "10 minutes")
        .groupBy(window(col("eventTime"), "1 hour"))
        .count()
        .selectExpr(
            "to_date(window.start) AS date",
            "hour(window.start) AS hour",
            "window.start AS window_start",
            "count")
        .writeStream()
        .format("parquet")
        .outputMode("append")
        .partitionBy("date", "hour")
        .option("checkpointLocation", ck.toString())
        .start(out.toString());
  }

  @Test
  void aKilledQueryRestartsIntoExactlyOnceParquetOutput() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    Path ck = tmp.resolve("ck");
    // file i holds i + 1 events in hour 10 + i; the last file's hour stays open
    for (int i = 0; i < 8; i++) {
      StringBuilder sb = new StringBuilder();
      for (int e = 0; e <= i; e++) {
        sb.append(
            String.format(
                "{\"eventTime\":\"2024-01-01T%02d:%02d:00Z\",\"user\":\"u%d\"}%n",
                10 + i, 5 + e, e));
      }
      Files.writeString(in.resolve(String.format("part-%02d.json", i)), sb.toString());
    }

    ChildJvm child =
        ChildJvm.start(
            tmp.resolve("child.err"),
            ParquetSinkKillMain.class,
            in.toString(),
            out.toString(),
            ck.toString());
    try {
      child.awaitLine("COMMITTED 2");
    } finally {
      child.kill();
    }

    Session session = ParquetReadTest.sessionForTests();
    try (Duck duck = new Duck()) {
      StreamingQuery q = start(session, in, out, ck);
      try {
        q.processAllAvailable();
      } finally {
        q.stop();
      }
      List<Path> files = FileSinkLog.files(out).stream().map(SourceFile::path).toList();
      assertThat(
              duck.rows(
                  "SELECT date, hour, count FROM read_parquet("
                      + list(files)
                      + ", hive_partitioning = true) ORDER BY hour"))
          .containsExactly(
              "2024-01-01|10|1",
              "2024-01-01|11|2",
              "2024-01-01|12|3",
              "2024-01-01|13|4",
              "2024-01-01|14|5",
              "2024-01-01|15|6",
              "2024-01-01|16|7");
      // nothing but the manifest's files is left among the visible Parquet files
      try (var walk = Files.walk(out)) {
        assertThat(
                walk.filter(p -> p.toString().endsWith(".parquet"))
                    .filter(p -> !out.relativize(p).toString().startsWith("_"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .count())
            .isEqualTo(files.size());
      }
    } finally {
      session.stop();
    }
  }
}
