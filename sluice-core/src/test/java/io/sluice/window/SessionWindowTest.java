package io.sluice.window;

import static io.sluice.functions.col;
import static io.sluice.functions.concat;
import static io.sluice.functions.count;
import static io.sluice.functions.lit;
import static io.sluice.functions.session_window;
import static io.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.exec.operator.window.SessionMerger;
import io.sluice.plan.expr.SessionWindow;
import io.sluice.types.StructType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code session_window(ts, gap)} in batch: each group's rows within {@code gap} of each other form
 * one session {@code [first, last + gap)}, as Spark's merge of sessions in the aggregation; a row
 * exactly at a session's end joins it; per-row gaps; rows without time or a positive gap are left
 * out.
 */
class SessionWindowTest {
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

  private static DataFrame events(Object[]... rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) out.add(RowFactory.create(r));
    return spark.createDataFrame(out, SCHEMA);
  }

  private static Object[] e(String k, String ts, Integer n) {
    return new Object[] {k, ts == null ? null : TimeWindowTest.t(ts), n};
  }

  /** {@code key start..end values...}, sorted. */
  private static List<String> sessions(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        if (v instanceof Row w) v = clock(w.get(0)) + ".." + clock(w.get(1));
        sb.append(i == 0 ? "" : " ").append(v);
      }
      out.add(sb.toString());
    }
    out.sort(null);
    return out;
  }

  private static String clock(Object instant) {
    return instant.toString().substring(11, instant.toString().length() - 1);
  }

  @Test
  void rowsWithinTheGapMergeIntoOneSessionPerKey() {
    DataFrame df =
        events(
                e("u1", "10:00:00", 1),
                e("u1", "10:03:00", 2),
                e("u1", "10:08:00", 3), // exactly at the end of [10:03, 10:08): joins it
                e("u1", "10:20:00", 4),
                e("u2", "10:01:00", 5),
                e("u2", "10:05:00", 6))
            .groupBy(col("k"), session_window(col("ts"), "5 minutes"))
            .agg(count(lit(1)).as("cnt"), sum(col("n")).as("total"));
    assertThat(df.columns()).containsExactly("k", "session_window", "cnt", "total");
    assertThat(df.schema().get(1).nullable()).isFalse();
    assertThat(sessions(df))
        .containsExactly(
            "u1 10:00:00..10:13:00 3 6", "u1 10:20:00..10:25:00 1 4", "u2 10:01:00..10:10:00 2 11");
  }

  @Test
  void aLateRowBridgesTwoSessions() {
    events(e("u2", "10:00:00", 1), e("u2", "10:08:00", 2), e("u2", "10:04:00", 3), e("u3", null, 4))
        .createOrReplaceTempView("events");
    DataFrame df =
        spark.sql(
            "SELECT session_window.start AS s, session_window.end AS e, k, count(*) AS cnt FROM"
                + " events GROUP BY session_window(ts, '5 minutes'), k");
    assertThat(df.columns()).containsExactly("s", "e", "k", "cnt");
    List<Row> rows = df.collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(0)).isEqualTo(TimeWindowTest.t("10:00:00"));
    assertThat(rows.get(0).get(1)).isEqualTo(TimeWindowTest.t("10:13:00"));
    assertThat(rows.get(0).get(3)).isEqualTo(3L);
  }

  @Test
  void aConditionOnTheMergedSessionIsNotPushedBelowTheMerge() {
    events(e("u", "10:00:00", 1), e("u", "10:04:00", 2), e("u", "10:08:00", 3))
        .createOrReplaceTempView("events");
    DataFrame df =
        spark.sql(
            "SELECT session_window.end AS e, count(*) AS cnt FROM events GROUP BY"
                + " session_window(ts, '5 minutes'), k HAVING session_window.end > TIMESTAMP"
                + " '2024-01-01 10:10:00'");
    List<Row> rows = df.collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(0)).isEqualTo(TimeWindowTest.t("10:13:00"));
    assertThat(rows.get(0).get(1)).isEqualTo(3L);
  }

  @Test
  void withoutOtherKeysAllRowsShareSessions() {
    DataFrame df =
        events(e("a", "10:00:00", 1), e("b", "10:01:00", 2), e("c", "10:30:00", 3))
            .groupBy(session_window(col("ts"), "2 minutes"))
            .agg(count(lit(1)).as("cnt"));
    assertThat(sessions(df)).containsExactly("10:00:00..10:03:00 2", "10:30:00..10:32:00 1");
  }

  @Test
  void aGapPerRowAsInSparksExample() {
    events(
            e("A1", "2021-01-01T00:00:00Z", null),
            e("A1", "2021-01-01T00:04:30Z", null),
            e("A1", "2021-01-01T00:10:00Z", null),
            e("A2", "2021-01-01T00:01:00Z", null),
            e("A2", "2021-01-01T00:04:30Z", null))
        .createOrReplaceTempView("tab");
    DataFrame df =
        spark.sql(
            "SELECT k, session_window.start, session_window.end, count(*) as cnt FROM tab GROUP"
                + " BY k, session_window(ts, CASE WHEN k = 'A1' THEN '5 minutes' WHEN k = 'A2'"
                + " THEN '1 minute' ELSE '10 minutes' END)");
    List<String> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      rows.add(r.get(0) + " " + clock(r.get(1)) + " " + clock(r.get(2)) + " " + r.get(3));
    }
    assertThat(rows)
        .containsExactlyInAnyOrder(
            "A1 00:00:00 00:09:30 2",
            "A1 00:10:00 00:15:00 1",
            "A2 00:01:00 00:02:00 1",
            "A2 00:04:30 00:05:30 1");
  }

  @Test
  void rowsWhoseGapIsNotPositiveOrNullAreLeftOut() {
    DataFrame df =
        events(
                e("a", "10:00:00", 5),
                e("a", "10:00:30", 0),
                e("a", "10:01:00", -1),
                e("a", "10:02:00", null),
                e("a", "10:20:00", 1))
            .groupBy(session_window(col("ts"), concat(col("n").cast("string"), lit(" minutes"))))
            .agg(count(lit(1)).as("cnt"));
    assertThat(sessions(df)).containsExactly("10:00:00..10:05:00 1", "10:20:00..10:21:00 1");
  }

  @Test
  void aConstantInvalidOrNullGapLeavesNoRows() {
    events(e("a", "10:00:00", 1)).createOrReplaceTempView("one");
    assertThat(
            spark
                .sql("SELECT count(*) FROM one GROUP BY session_window(ts, '0 seconds')")
                .collectAsList())
        .isEmpty();
    assertThat(
            spark.sql("SELECT count(*) FROM one GROUP BY session_window(ts, NULL)").collectAsList())
        .isEmpty();
  }

  @Test
  void sessionWindowInAProjectionIsEachRowsOwnSessionAndMarked() {
    DataFrame df =
        events(e("a", "10:00:00", 1), e("a", null, 2))
            .select(col("k"), session_window(col("ts"), "90 seconds"));
    assertThat(df.columns()).containsExactly("k", "session_window");
    assertThat(sessions(df)).containsExactly("a 10:00:00..10:01:30");
    assertThat(
            df.queryExecution()
                .analyzed()
                .output()
                .get(1)
                .metadata()
                .contains(SessionWindow.MARKER))
        .isTrue();
  }

  @Test
  void aGapOfAnotherTypeIsRefused() {
    assertThatThrownBy(
            () ->
                events(e("a", "10:00:00", 1)).select(session_window(col("ts"), col("n"))).schema())
        .extracting(x -> ((SluiceException) x).getErrorClass())
        .isEqualTo("SESSION_WINDOW_GAP_DURATION_TYPE");
  }

  @Test
  void manyKeysOverSeveralPartitionsMergeLikeASequentialScan() {
    java.util.Random random = new java.util.Random(7);
    List<Row> rows = new ArrayList<>();
    java.util.Map<String, List<Long>> byKey = new java.util.TreeMap<>();
    for (int i = 0; i < 3000; i++) {
      String k = "k" + random.nextInt(40);
      long seconds = random.nextInt(20_000);
      rows.add(RowFactory.create(k, Instant.ofEpochSecond(seconds), i));
      byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(seconds);
    }
    DataFrame df =
        spark
            .createDataFrame(rows, SCHEMA)
            .groupBy(col("k"), session_window(col("ts"), "60 seconds"))
            .agg(count(lit(1)).as("cnt"));
    List<String> expected = new ArrayList<>();
    for (var entry : byKey.entrySet()) {
      List<Long> times = entry.getValue();
      times.sort(null);
      long start = times.get(0);
      long end = start + 60;
      int cnt = 0;
      for (long t : times) {
        if (t <= end) {
          end = Math.max(end, t + 60);
          cnt++;
        } else {
          expected.add(entry.getKey() + " " + start + " " + end + " " + cnt);
          start = t;
          end = t + 60;
          cnt = 1;
        }
      }
      expected.add(entry.getKey() + " " + start + " " + end + " " + cnt);
    }
    List<String> actual = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      Row w = r.getStruct(1);
      actual.add(
          r.get(0)
              + " "
              + ((Instant) w.get(0)).getEpochSecond()
              + " "
              + ((Instant) w.get(1)).getEpochSecond()
              + " "
              + r.get(2));
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void sessionMergerMergesSortedRowsPerGroup() {
    int[] order = {0, 1, 2, 3, 4};
    int[] group = {0, 0, 0, 1, 1};
    long[] start = {0, 5, 20, 3, 4};
    long[] end = {5, 10, 25, 8, 5};
    int[] sessionOf = new int[5];
    long[] ms = new long[5];
    long[] me = new long[5];
    int n = SessionMerger.merge(order, 5, group, start, end, sessionOf, ms, me);
    assertThat(n).isEqualTo(3);
    assertThat(sessionOf).containsExactly(0, 0, 1, 2, 2);
    assertThat(java.util.Arrays.copyOf(ms, n)).containsExactly(0, 20, 3);
    assertThat(java.util.Arrays.copyOf(me, n)).containsExactly(10, 25, 8);
  }
}
