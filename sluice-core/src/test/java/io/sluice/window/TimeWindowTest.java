package io.sluice.window;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.lit;
import static io.sluice.functions.window;
import static io.sluice.functions.window_time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.TimeWindow;
import io.sluice.plan.logical.Expand;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code window(ts, windowDuration[, slideDuration[, startTime]])} and {@code window_time} through
 * the engine: names, types and nullability as Spark resolves them, tumbling and sliding windows
 * (edges, start offsets, times before 1970), durations, and the errors of invalid arguments.
 */
class TimeWindowTest {
  private static final StructType SCHEMA = StructType.fromDDL("k STRING, ts TIMESTAMP, n INT");

  private static Session spark;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").create();
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.datetime.java8API.enabled", true);
    spark.conf().set("spark.sql.shuffle.partitions", 3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Instant t(String hms) {
    return Instant.parse(hms.contains("T") ? hms : "2024-01-01T" + hms + "Z");
  }

  static DataFrame events(Object[]... rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) out.add(RowFactory.create(r));
    return spark.createDataFrame(out, SCHEMA);
  }

  static Object[] e(String k, String ts, int n) {
    return new Object[] {k, ts == null ? null : t(ts), n};
  }

  /** {@code start|end|value}, sorted, for comparing windows of a grouped result. */
  static List<String> windows(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      Row w = r.getStruct(0);
      StringBuilder sb = new StringBuilder(w.get(0) + "|" + w.get(1));
      for (int i = 1; i < r.size(); i++) sb.append('|').append(r.get(i));
      out.add(sb.toString());
    }
    out.sort(null);
    return out;
  }

  static String w(String start, String end, Object... values) {
    StringBuilder sb = new StringBuilder(t(start) + "|" + t(end));
    for (Object v : values) sb.append('|').append(v);
    return sb.toString();
  }

  @Test
  void tumblingWindowGroupsByTheWindowColumnNamedWindow() {
    DataFrame df =
        events(
                e("a", "10:00:00", 1),
                e("a", "10:00:59.999999", 2),
                e("a", "10:01:00", 3),
                e("b", "10:03:10", 4),
                e("b", null, 5))
            .groupBy(window(col("ts"), "1 minute"))
            .agg(count(lit(1)).as("cnt"));
    StructType schema = df.schema();
    assertThat(schema.fieldNames()).containsExactly("window", "cnt");
    assertThat(schema.get(0).dataType()).isEqualTo(TimeWindow.structType(DataTypes.TimestampType));
    assertThat(schema.get(0).nullable()).isFalse();
    assertThat(windows(df))
        .containsExactly(
            w("10:00:00", "10:01:00", 2),
            w("10:01:00", "10:02:00", 1),
            w("10:03:00", "10:04:00", 1));
  }

  @Test
  void windowInAProjectionDropsRowsWithoutTimeAndIsMarked() {
    DataFrame df =
        events(e("a", "10:00:30", 1), e("b", null, 2))
            .select(window(col("ts"), "1 minute"), col("k"));
    assertThat(df.columns()).containsExactly("window", "k");
    List<Row> rows = df.collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getStruct(0).get(0)).isEqualTo(t("10:00:00"));
    assertThat(
            df.queryExecution().analyzed().output().get(0).metadata().contains(TimeWindow.MARKER))
        .isTrue();
  }

  @Test
  void slidingWindowsCountEachRowInEveryWindowThatContainsIt() {
    DataFrame df =
        events(e("a", "10:00:00", 1), e("a", "10:04:59", 2), e("a", "10:05:00", 3))
            .groupBy(window(col("ts"), "10 minutes", "5 minutes"))
            .agg(count(lit(1)).as("cnt"));
    assertThat(df.schema().get(0).nullable()).as("an Expand output, as in Spark").isTrue();
    assertThat(windows(df))
        .containsExactly(
            w("09:55:00", "10:05:00", 2),
            w("10:00:00", "10:10:00", 3),
            w("10:05:00", "10:15:00", 1));
    assertThat(containsExpand(df.queryExecution().analyzed())).isTrue();
  }

  @Test
  void slidingWindowsWhoseSlideDoesNotDivideTheWindowKeepOnlyWindowsHoldingTheRow() {
    // window 10 minutes sliding by 4: up to ceil(10/4) = 3 candidates, of which 2 or 3 hold a row
    DataFrame df =
        events(e("a", "10:01:00", 1))
            .groupBy(window(col("ts"), "10 minutes", "4 minutes"))
            .agg(count(lit(1)).as("cnt"));
    assertThat(windows(df))
        .containsExactly(
            w("09:52:00", "10:02:00", 1),
            w("09:56:00", "10:06:00", 1),
            w("10:00:00", "10:10:00", 1));
  }

  @Test
  void startTimeOffsetsTheWindows() {
    DataFrame df =
        events(e("a", "10:14:00", 1), e("a", "10:15:00", 2))
            .groupBy(window(col("ts"), "1 hour", "1 hour", "15 minutes"))
            .agg(count(lit(1)).as("cnt"));
    assertThat(windows(df))
        .containsExactly(w("09:15:00", "10:15:00", 1), w("10:15:00", "11:15:00", 1));
    DataFrame negative =
        events(e("a", "10:14:00", 1))
            .groupBy(window(col("ts"), "1 hour", "1 hour", "-15 minutes"))
            .agg(count(lit(1)).as("cnt"));
    assertThat(windows(negative)).containsExactly(w("09:45:00", "10:45:00", 1));
  }

  @Test
  void timesBeforeTheEpochFallInTheWindowThatContainsThem() {
    DataFrame df =
        events(
                e("a", "1969-12-31T23:59:30Z", 1),
                e("a", "1969-12-31T23:59:00Z", 2),
                e("a", "1970-01-01T00:00:00Z", 3),
                e("a", "1969-12-31T23:58:59.999999Z", 4))
            .groupBy(window(col("ts"), "1 minute"))
            .agg(count(lit(1)).as("cnt"));
    assertThat(windows(df))
        .containsExactly(
            w("1969-12-31T23:58:00Z", "1969-12-31T23:59:00Z", 1),
            w("1969-12-31T23:59:00Z", "1970-01-01T00:00:00Z", 2),
            w("1970-01-01T00:00:00Z", "1970-01-01T00:01:00Z", 1));
  }

  @Test
  void sqlGroupByWindowWithStartAndEndSelected() {
    events(e("a", "10:00:10", 1), e("b", "10:00:50", 2), e("a", "10:07:00", 3))
        .createOrReplaceTempView("events");
    DataFrame df =
        spark.sql(
            "SELECT window.start, window.end, k, count(*) AS cnt, sum(n) FROM events"
                + " GROUP BY window(ts, '5 minutes'), k");
    assertThat(df.columns()).containsExactly("start", "end", "k", "cnt", "sum(n)");
    assertThat(df.schema().get(0).nullable()).isTrue();
    List<String> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) rows.add(r.get(0) + " " + r.get(2) + " " + r.get(3));
    assertThat(rows)
        .containsExactlyInAnyOrder(
            t("10:00:00") + " a 1", t("10:00:00") + " b 1", t("10:05:00") + " a 1");
    DataFrame unaliased =
        spark.sql(
            "SELECT window(ts, '5 minutes'), count(*) FROM events GROUP BY window(ts, '5 minutes')");
    assertThat(unaliased.columns()).containsExactly("window", "count(1)");
  }

  @Test
  void durationsAsSparkParsesThem() {
    assertThat(windowLength("1 hour 30 minutes")).isEqualTo(5_400_000_000L);
    assertThat(windowLength("30 seconds")).isEqualTo(30_000_000L);
    assertThat(windowLength("interval 1 day")).isEqualTo(86_400_000_000L);
    assertThat(windowLength("2 DAYS -1 hour")).isEqualTo(169_200_000_000L);
    assertThat(windowLength("100 milliseconds")).isEqualTo(100_000L);
    assertThat(windowLength("1.5 seconds")).isEqualTo(1_500_000L);
    events(e("a", "10:00:00", 1)).createOrReplaceTempView("one");
    Row r = spark.sql("SELECT window(ts, 60000000L) AS w FROM one").collectAsList().get(0);
    assertThat(r.getStruct(0).get(1)).isEqualTo(t("10:01:00"));
  }

  private static long windowLength(String duration) {
    Row r =
        events(e("a", "10:00:00", 1))
            .select(window(col("ts"), duration).as("w"))
            .collectAsList()
            .get(0)
            .getStruct(0);
    Instant start = (Instant) r.get(0);
    Instant end = (Instant) r.get(1);
    return (end.getEpochSecond() - start.getEpochSecond()) * 1_000_000L
        + (end.getNano() - start.getNano()) / 1000;
  }

  @Test
  void windowTimeIsTheEndMinusOneMicrosecondOfAMarkedWindowColumn() {
    events(e("a", "10:00:10", 1), e("a", "10:01:10", 2), e("b", "10:02:00", 3))
        .createOrReplaceTempView("events");
    DataFrame df =
        spark.sql(
            "SELECT window_time(window), cnt FROM (SELECT window, count(*) AS cnt FROM events"
                + " GROUP BY window(ts, '1 minute'))");
    assertThat(df.columns()).containsExactly("window_time(window)", "cnt");
    assertThat(df.schema().get(0).dataType()).isEqualTo(DataTypes.TimestampType);
    List<Object> times = new ArrayList<>();
    for (Row r : df.collectAsList()) times.add(r.get(0));
    assertThat(times)
        .containsExactlyInAnyOrder(
            t("2024-01-01T10:00:59.999999Z"),
            t("2024-01-01T10:01:59.999999Z"),
            t("2024-01-01T10:02:59.999999Z"));
    DataFrame api =
        events(e("a", "10:00:10", 1))
            .groupBy(window(col("ts"), "1 minute").as("w"))
            .agg(count(lit(1)).as("c"))
            .select(window_time(col("w")));
    assertThat(api.columns()).containsExactly("window_time(w)");
    assertThat(api.collectAsList().get(0).get(0)).isEqualTo(t("2024-01-01T10:00:59.999999Z"));
  }

  @Test
  void windowOverAWindowColumnUsesItsWindowTime() {
    events(e("a", "10:00:10", 1), e("a", "10:01:10", 2), e("a", "10:06:00", 3))
        .createOrReplaceTempView("events");
    DataFrame df =
        spark.sql(
            "SELECT window(w, '5 minutes') AS window, count(*) AS minutes FROM (SELECT"
                + " window(ts, '1 minute') AS w FROM events GROUP BY window(ts, '1 minute'))"
                + " GROUP BY window(w, '5 minutes')");
    assertThat(windows(df))
        .containsExactly(w("10:00:00", "10:05:00", 2), w("10:05:00", "10:10:00", 1));
  }

  @Test
  void windowTimeOfAStructThatIsNoWindowIsRefused() {
    DataFrame df =
        spark.sql(
            "SELECT named_struct('start', TIMESTAMP '2024-01-01 00:00:00', 'end', TIMESTAMP"
                + " '2024-01-01 00:01:00') AS w");
    assertThatThrownBy(() -> df.select(window_time(col("w"))).schema())
        .isInstanceOf(AnalysisException.class)
        .extracting(x -> ((SluiceException) x).getErrorClass())
        .isEqualTo("WINDOW_TIME_WITHOUT_WINDOW_COLUMN");
  }

  @Test
  void invalidDurationsAreRefusedWithSparksErrorClasses() {
    DataFrame df = events(e("a", "10:00:00", 1));
    assertError(df, window(col("ts"), "0 seconds"), "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE");
    assertError(df, window(col("ts"), "-1 minute"), "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE");
    assertError(
        df,
        window(col("ts"), "1 minute", "2 minutes"),
        "DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION");
    assertError(
        df,
        window(col("ts"), "10 minutes", "5 minutes", "5 minutes"),
        "DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION");
    assertError(df, window(col("ts"), "10 parsecs"), "CANNOT_PARSE_INTERVAL");
    assertError(df, window(col("ts"), "1 month"), "WINDOW_DURATION_WITH_MONTHS");
    assertError(df, window(col("ts"), "1.5 minutes"), "CANNOT_PARSE_INTERVAL");
    df.createOrReplaceTempView("one");
    assertThatThrownBy(() -> spark.sql("SELECT window(ts, k) FROM one").schema())
        .extracting(x -> ((SluiceException) x).getErrorClass())
        .isEqualTo("WINDOW_DURATION_NOT_LITERAL");
    assertThatThrownBy(
            () ->
                spark
                    .sql("SELECT window(ts, '1 minute'), window(ts, '2 minutes') FROM one")
                    .schema())
        .extracting(x -> ((SluiceException) x).getErrorClass())
        .isEqualTo("MULTIPLE_TIME_WINDOW_EXPRESSIONS");
    AnalysisException ex =
        (AnalysisException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> df.select(window(col("ts"), "1 minute", "2 minutes")).schema());
    assertThat(ex.getMessageParameters())
        .containsEntry("leftExprName", "`slide_duration`")
        .containsEntry("leftExprValue", "120000000L")
        .containsEntry("constraint", "<=")
        .containsEntry("rightExprName", "`window_duration`");
  }

  private static void assertError(DataFrame df, io.sluice.Column c, String errorClass) {
    assertThatThrownBy(() -> df.select(c).schema())
        .isInstanceOf(AnalysisException.class)
        .extracting(x -> ((SluiceException) x).getErrorClass())
        .isEqualTo(errorClass);
  }

  /**
   * The windows of random times (before and after the epoch) with random window, slide and start:
   * each time lies in exactly the windows {@code [start + k * slide, + window)} holding it, every
   * one of them listed once.
   */
  @Test
  void everyTimeLiesInExactlyTheWindowsThatContainIt() {
    java.util.Random random = new java.util.Random(42);
    for (int trial = 0; trial < 40; trial++) {
      long slide = 1 + random.nextInt(120_000_000);
      long length =
          slide * (1 + random.nextInt(4))
              + (random.nextBoolean() ? 0 : random.nextInt((int) slide));
      long startTime =
          random.nextBoolean() ? 0 : (long) ((random.nextDouble() * 2 - 1) * (slide - 1));
      List<Row> rows = new ArrayList<>();
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long micros = (long) ((random.nextDouble() * 2 - 1) * 4_000_000_000_000L);
        times.add(micros);
        rows.add(RowFactory.create("k", instant(micros), i));
      }
      spark.createDataFrame(rows, SCHEMA).createOrReplaceTempView("r");
      String q =
          "SELECT n, window.start, window.end FROM (SELECT window(ts, "
              + length
              + "L, "
              + slide
              + "L, "
              + startTime
              + "L) AS window, n FROM r)";
      Map<Integer, List<String>> actual = new TreeMap<>();
      for (Row r : spark.sql(q).collectAsList()) {
        actual
            .computeIfAbsent((Integer) r.get(0), x -> new ArrayList<>())
            .add(micros((Instant) r.get(1)) + ".." + micros((Instant) r.get(2)));
      }
      for (int i = 0; i < times.size(); i++) {
        long ts = times.get(i);
        List<String> expected = new ArrayList<>();
        long first = Math.floorDiv(ts - startTime, slide) * slide + startTime;
        for (long s = first; s > ts - length; s -= slide) expected.add(s + ".." + (s + length));
        assertThat(actual.get(i))
            .as("time %d, window %d, slide %d, start %d", ts, length, slide, startTime)
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected)
            .hasSizeBetween((int) (length / slide), (int) ((length + slide - 1) / slide));
      }
    }
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  private static long micros(Instant i) {
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  private static boolean containsExpand(LogicalPlan p) {
    if (p instanceof Expand) return true;
    for (LogicalPlan c : p.children()) {
      if (containsExpand(c)) return true;
    }
    return false;
  }

  @Test
  void windowColumnTypeFollowsSpark() {
    StructField f = events().select(window(col("ts"), "1 minute")).schema().get(0);
    assertThat(f.dataType().simpleString()).isEqualTo("struct<start:timestamp,end:timestamp>");
    assertThat(Arrays.asList(((StructType) f.dataType()).fields())).allMatch(StructField::nullable);
  }
}
