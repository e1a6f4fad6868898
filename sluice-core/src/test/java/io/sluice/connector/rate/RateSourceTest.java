package io.sluice.connector.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryException;
import io.sluice.streaming.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateSourceTest {
  private static final long T0 = 1_700_000_000_000L;
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[2]").config("spark.sql.shuffle.partitions", "2").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void valuesRampUpLinearlyAsSparkComputesThem() {
    // 10 rows per second reached after a 4-second ramp-up: the speed grows by 10 / 5 = 2 a second
    long[] expected = {0, 2, 6, 12, 20, 30, 40, 50};
    for (int s = 0; s < expected.length; s++) {
      assertThat(RateValues.valueAtSecond(s, 10, 4)).as("second %d", s).isEqualTo(expected[s]);
    }
    assertThat(RateValues.valueAtSecond(7, 3, 0)).isEqualTo(21);
    // the speed step is rounded down: 3 rows per second over a 4-second ramp-up never speeds up
    assertThat(RateValues.valueAtSecond(4, 3, 4)).isZero();
    assertThat(RateValues.valueAtSecond(5, 3, 4)).isEqualTo(3);
    // odd and even seconds halve different factors and must not overflow early
    long big = 3_037_000_499L; // about sqrt(2^63)
    assertThat(RateValues.valueAtSecond(big, 1, big)).isZero();
    assertThat(RateValues.valueAtSecond(big, big + 1, big)).isEqualTo((big + 1) / 2 * big);
  }

  @Test
  void partitionsTakeValuesRoundRobinWithTimestampsSpreadOverTheSeconds() {
    // values [10, 17) over seconds 1..2 of a source started at T0: 7 values in 1000 ms
    RateScan scan = new RateScan("rate", 3, 10, 17, T0 + 1000, 1000.0 / 7);
    assertThat(scan.numPartitions()).isEqualTo(3);
    assertThat(values(scan, 0)).containsExactly(10L, 13L, 16L);
    assertThat(values(scan, 1)).containsExactly(11L, 14L);
    assertThat(values(scan, 2)).containsExactly(12L, 15L);
    List<Long> micros = new ArrayList<>();
    try (var it = scan.read(1, RateScan.SCHEMA, 1)) {
      for (var b = it.next(); b != null; b = it.next()) {
        assertThat(b.numRows()).isEqualTo(1); // batches of the requested size
        micros.add(((io.sluice.exec.vector.LongVector) b.column(0)).get(0));
      }
    }
    // value 11 is 1/7 s after the batch start, value 14 is 4/7 s: 142.857 → 143, 571.4 → 571
    assertThat(micros).containsExactly((T0 + 1143) * 1000, (T0 + 1571) * 1000);
  }

  private static List<Long> values(RateScan scan, int partition) {
    List<Long> out = new ArrayList<>();
    var readSchema =
        new io.sluice.types.StructType(
            new io.sluice.types.StructField[] {RateScan.SCHEMA.fields()[1]});
    try (var it = scan.read(partition, readSchema, 1024)) {
      for (var b = it.next(); b != null; b = it.next()) {
        var v = (io.sluice.exec.vector.LongVector) b.column(0);
        for (int i = 0; i < b.numRows(); i++) out.add(v.get(i));
      }
    }
    return out;
  }

  @Test
  void eachBatchTakesTheWholeSecondsElapsedOnTheQueryClock(@TempDir Path dir) {
    TestClock clock = new TestClock(T0);
    DataFrame rate =
        session
            .readStream()
            .format("rate")
            .option("rowsPerSecond", 4)
            .option("numPartitions", 3)
            .load();
    assertThat(rate.schema().toDDL()).isEqualTo("timestamp TIMESTAMP,value BIGINT");
    StreamingQuery q = start(rate, "rate_seconds", dir.resolve("ck"), clock);
    try {
      q.processAllAvailable();
      assertThat(rows("rate_seconds")).isEmpty(); // no whole second has passed
      clock.advance(999);
      q.processAllAvailable();
      assertThat(rows("rate_seconds")).isEmpty();
      clock.advance(1501); // 2.5 s after the start: seconds (0, 2]
      q.processAllAvailable();
      assertThat(rows("rate_seconds"))
          .containsExactly(
              "0@0", "1@250", "2@500", "3@750", "4@1000", "5@1250", "6@1500", "7@1750");
      assertThat(q.lastProgress().numInputRows()).isEqualTo(8);
      assertThat(q.lastProgress().sources()[0].description())
          .isEqualTo("RateStreamV2[rowsPerSecond=4, rampUpTimeSeconds=0, numPartitions=3");
      assertThat(q.lastProgress().sources()[0].startOffset()).isNull(); // the first batch
      assertThat(q.lastProgress().sources()[0].endOffset()).isEqualTo("2");
      clock.advance(500); // 3 s: one more second
      q.processAllAvailable();
      assertThat(q.lastProgress().numInputRows()).isEqualTo(4);
      assertThat(rows("rate_seconds")).hasSize(12).endsWith("11@2750");
    } finally {
      q.stop();
    }
    assertThat(lastLine(dir.resolve("ck/offsets/1"))).isEqualTo("3");
    assertThat(readString(dir.resolve("ck/sources/0/0"))).isEqualTo("v1\n" + T0);
  }

  @Test
  void rampUpGrowsTheRowsPerBatch(@TempDir Path dir) {
    TestClock clock = new TestClock(T0);
    DataFrame rate =
        session
            .readStream()
            .format("rate")
            .option("rowsPerSecond", "10")
            .option("rampUpTime", "4s")
            .load();
    StreamingQuery q = start(rate.select("value"), "rate_ramp", dir.resolve("ck"), clock);
    List<Long> perBatch = new ArrayList<>();
    try {
      for (int s = 0; s < 6; s++) {
        clock.advance(1000);
        q.processAllAvailable();
        perBatch.add(q.lastProgress().numInputRows());
      }
    } finally {
      q.stop();
    }
    assertThat(perBatch).containsExactly(2L, 4L, 6L, 8L, 10L, 10L);
    List<Long> values = new ArrayList<>();
    for (Row r : session.sql("SELECT value FROM rate_ramp ORDER BY value").collectAsList()) {
      values.add(r.getLong(0));
    }
    assertThat(values).hasSize(40).startsWith(0L, 1L).endsWith(38L, 39L);
    assertThat(values).doesNotHaveDuplicates();
  }

  @Test
  void aRestartKeepsTheStartTimeFromTheCheckpoint(@TempDir Path dir) {
    Path ck = dir.resolve("ck");
    DataFrame rate = session.readStream().format("rate").option("rowsPerSecond", 2).load();
    TestClock clock = new TestClock(T0);
    StreamingQuery q = start(rate, "rate_restart", ck, clock);
    try {
      clock.advance(2000);
      q.processAllAvailable();
      assertThat(rows("rate_restart")).containsExactly("0@0", "1@500", "2@1000", "3@1500");
    } finally {
      q.stop();
    }
    // the query is down for three seconds; its clock says 5 s since the start when it comes back
    TestClock later = new TestClock(T0 + 5000);
    StreamingQuery again = start(rate, "rate_restart", ck, later);
    try {
      again.processAllAvailable();
      assertThat(again.lastProgress().batchId()).isEqualTo(1);
      assertThat(again.lastProgress().sources()[0].startOffset()).isEqualTo("2");
      assertThat(again.lastProgress().sources()[0].endOffset()).isEqualTo("5");
      assertThat(rows("rate_restart"))
          .containsExactly("4@2000", "5@2500", "6@3000", "7@3500", "8@4000", "9@4500");
    } finally {
      again.stop();
    }
  }

  @Test
  void availableNowReadsTheSecondsElapsedAtStartThenStops(@TempDir Path dir) throws Exception {
    Path ck = dir.resolve("ck");
    // a checkpoint whose source started three seconds before the query's clock says now
    Files.createDirectories(ck.resolve("sources/0"));
    Files.writeString(ck.resolve("sources/0/0"), "v1\n" + (T0 - 3000));
    DataFrame rate = session.readStream().format("rate").option("rowsPerSecond", 1).load();
    StreamingQuery q =
        rate.writeStream()
            .format("memory")
            .queryName("rate_now")
            .option("checkpointLocation", ck.toString())
            .trigger(io.sluice.streaming.Trigger.AvailableNow())
            .clock(new TestClock(T0 + 500))
            .start();
    q.awaitTermination();
    assertThat(rows("rate_now")).containsExactly("0@-3000", "1@-2000", "2@-1000");
    assertThat(lastLine(ck.resolve("offsets/0"))).isEqualTo("3");
  }

  @Test
  void aCorruptStartTimeFileStopsTheStartNamingTheFile(@TempDir Path dir) throws Exception {
    Path ck = dir.resolve("ck");
    Files.createDirectories(ck.resolve("sources/0"));
    Files.writeString(ck.resolve("sources/0/0"), "v1\nnot a time");
    DataFrame rate = session.readStream().format("rate").load();
    assertThatThrownBy(() -> start(rate, "rate_corrupt", ck, new TestClock(T0)))
        .isInstanceOf(StreamingQueryException.class)
        .cause()
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("CHECKPOINT_FILE_CORRUPT")
        .hasMessageContaining(ck.resolve("sources/0/0").toString());
    Files.writeString(ck.resolve("sources/0/0"), "v2\n" + T0);
    assertThatThrownBy(() -> start(rate, "rate_corrupt", ck, new TestClock(T0)))
        .cause()
        .hasMessageContaining("v2");
  }

  @Test
  void badOptionsAreNamed() {
    assertOptionError(Map.of("rowsPerSecond", "0"), "rowsPerSecond", "0");
    assertOptionError(Map.of("rowsPerSecond", "many"), "rowsPerSecond", "many");
    assertOptionError(Map.of("ROWSPERSECOND", "-3"), "ROWSPERSECOND", "-3");
    assertOptionError(Map.of("rampUpTime", "-1s"), "rampUpTime", "-1s");
    assertOptionError(Map.of("rampUpTime", "5 parsecs"), "rampUpTime", "5 parsecs");
    assertOptionError(Map.of("rampUpTime", "5y"), "rampUpTime", "5y");
    assertOptionError(Map.of("numPartitions", "0"), "numPartitions", "0");
    assertOptionError(Map.of("numPartitions", "1.5"), "numPartitions", "1.5");
    assertOptionError(
        Map.of("rowsPerSecond", "1000000000000", "rampUpTime", "1000000000"),
        "rampUpTime",
        "1000000000");
  }

  @Test
  void rampUpTimeTakesSparksTimeStrings() {
    assertThat(seconds("90")).isEqualTo(90);
    assertThat(seconds("5s")).isEqualTo(5);
    assertThat(seconds("1500ms")).isEqualTo(1);
    assertThat(seconds("2m")).isEqualTo(120);
    assertThat(seconds("2min")).isEqualTo(120);
    assertThat(seconds(" 1H ")).isEqualTo(3600);
    assertThat(seconds("1d")).isEqualTo(86400);
    assertThat(seconds("999999us")).isZero();
  }

  private static long seconds(String text) {
    return io.sluice.connector.StreamingOptions.ofSource("rate", Map.of("rampUpTime", text))
        .getSeconds("rampUpTime", 0);
  }

  @Test
  void aUserSchemaMustBeTheSourceSchema() {
    assertThatThrownBy(() -> session.readStream().format("rate").schema("value BIGINT").load())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("rate")
        .hasMessageContaining("timestamp TIMESTAMP,value BIGINT");
    DataFrame same =
        session.readStream().format("rate").schema("timestamp TIMESTAMP, value BIGINT").load();
    assertThat(same.isStreaming()).isTrue();
  }

  static void assertOptionError(Map<String, String> options, String option, String value) {
    assertOptionError(session, "rate", options, option, value);
  }

  static void assertOptionError(
      Session session, String format, Map<String, String> options, String option, String value) {
    assertThatThrownBy(() -> session.readStream().format(format).options(options).load())
        .isInstanceOf(SluiceIllegalArgumentException.class)
        .satisfies(
            e -> {
              SluiceException s = (SluiceException) e;
              assertThat(s.getErrorClass()).isEqualTo("STREAMING_SOURCE_OPTION_INVALID");
              assertThat(s.getMessageParameters())
                  .containsEntry("option", option)
                  .containsEntry("value", value)
                  .containsEntry("format", format);
            });
  }

  static StreamingQuery start(DataFrame df, String name, Path ck, TestClock clock) {
    return df.writeStream()
        .format("memory")
        .queryName(name)
        .option("checkpointLocation", ck.toString())
        .clock(clock)
        .start();
  }

  /** Rows as {@code value@ms-after-T0}, in value order. */
  static List<String> rows(String view) {
    List<String> out = new ArrayList<>();
    for (Row r :
        session.sql("SELECT value, timestamp FROM " + view + " ORDER BY value").collectAsList()) {
      out.add(r.getLong(0) + "@" + (r.getTimestamp(1).getTime() - T0));
    }
    return out;
  }

  static String lastLine(Path file) {
    String[] lines = readString(file).split("\n");
    return lines[lines.length - 1];
  }

  static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
