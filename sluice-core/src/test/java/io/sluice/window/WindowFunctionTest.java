package io.sluice.window;

import static io.sluice.functions.avg;
import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.dense_rank;
import static io.sluice.functions.first_value;
import static io.sluice.functions.lag;
import static io.sluice.functions.lead;
import static io.sluice.functions.lit;
import static io.sluice.functions.max;
import static io.sluice.functions.row_number;
import static io.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.expressions.Window;
import io.sluice.expressions.WindowSpec;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Window functions through the engine, in SQL and with {@link Window}: values with ties, nulls and
 * several partitions, frames (rows, range, offsets, empty), Spark's generated column names and
 * types, the analyzed plan's {@code Window} nodes, and the errors of invalid windows.
 */
class WindowFunctionTest {
  private static final StructType SCHEMA =
      StructType.fromDDL("k STRING, o INT, v DOUBLE, s STRING");

  private static Session spark;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").create();
    spark.conf().set("spark.sql.shuffle.partitions", 3);
    data().createOrReplaceTempView("t");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Partition a: o = null, 1, 2, 2, 4; partition b: 5, 7; partition null: 1. */
  static DataFrame data() {
    return spark.createDataFrame(
        Arrays.asList(
            RowFactory.create("a", 1, 10.0, "x"),
            RowFactory.create("a", 2, 20.0, null),
            RowFactory.create("a", 2, 30.0, "y"),
            RowFactory.create("a", null, 5.0, "w"),
            RowFactory.create("a", 4, null, null),
            RowFactory.create("b", 5, null, "p"),
            RowFactory.create("b", 7, 1.0, "q"),
            RowFactory.create(null, 1, 2.0, "n")),
        SCHEMA);
  }

  /** The rows as {@code k,o,results...} strings, sorted. */
  static List<String> rows(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) sb.append(i == 0 ? "" : ",").append(r.get(i));
      out.add(sb.toString());
    }
    out.sort(null);
    return out;
  }

  static String err(Runnable r) {
    try {
      r.run();
    } catch (SluiceException e) {
      return e.getErrorClass();
    }
    throw new AssertionError("no error");
  }

  @Test
  void rankingFunctionsWithTiesAndNulls() {
    DataFrame df =
        spark.sql(
            "SELECT k, o, row_number() OVER w AS rn, rank() OVER w AS r, dense_rank() OVER w AS"
                + " dr, percent_rank() OVER w AS pr, cume_dist() OVER w AS cd, ntile(2) OVER w AS"
                + " nt FROM t WINDOW w AS (PARTITION BY k ORDER BY o)");
    assertThat(rows(df))
        .containsExactly(
            "a,1,2,2,2,0.25,0.4,1",
            "a,2,3,3,3,0.5,0.8,1",
            "a,2,4,3,3,0.5,0.8,2",
            "a,4,5,5,4,1.0,1.0,2",
            "a,null,1,1,1,0.0,0.2,1",
            "b,5,1,1,1,0.0,0.5,1",
            "b,7,2,2,2,1.0,1.0,2",
            "null,1,1,1,1,0.0,1.0,1");
    assertThat(df.schema().get(2).dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(df.schema().get(5).dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(df.schema().get(2).nullable()).isFalse();
  }

  @Test
  void descendingOrderWithNullsLastAndSeveralKeys() {
    DataFrame df =
        spark.sql(
            "SELECT k, o, v, rank() OVER (PARTITION BY k ORDER BY o DESC NULLS LAST, v) AS r FROM"
                + " t WHERE k = 'a'");
    assertThat(rows(df))
        .containsExactly("a,1,10.0,4", "a,2,20.0,2", "a,2,30.0,3", "a,4,null,1", "a,null,5.0,5");
  }

  @Test
  void generatedNamesAreSparks() {
    DataFrame df =
        spark.sql(
            "SELECT row_number() OVER (PARTITION BY k ORDER BY o), rank() OVER (ORDER BY o DESC),"
                + " sum(v) OVER (PARTITION BY k), lag(v) OVER (ORDER BY o), lead(v, 2, 0.0) OVER"
                + " (ORDER BY o), count(*) OVER (ORDER BY o ROWS BETWEEN 2 PRECEDING AND CURRENT"
                + " ROW), nth_value(v, 2) IGNORE NULLS OVER (ORDER BY o), avg(v) OVER (ORDER BY o"
                + " RANGE 1 PRECEDING) FROM t");
    assertThat(df.columns())
        .containsExactly(
            "row_number() OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN UNBOUNDED"
                + " PRECEDING AND CURRENT ROW)",
            "RANK() OVER (ORDER BY o DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT"
                + " ROW)",
            "sum(v) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED"
                + " FOLLOWING)",
            "lag(v, 1, NULL) OVER (ORDER BY o ASC NULLS FIRST ROWS BETWEEN -1 FOLLOWING AND -1"
                + " FOLLOWING)",
            "lead(v, 2, 0.0) OVER (ORDER BY o ASC NULLS FIRST ROWS BETWEEN 2 FOLLOWING AND 2"
                + " FOLLOWING)",
            "count(1) OVER (ORDER BY o ASC NULLS FIRST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)",
            "nth_value(v, 2) ignore nulls OVER (ORDER BY o ASC NULLS FIRST RANGE BETWEEN"
                + " UNBOUNDED PRECEDING AND CURRENT ROW)",
            "avg(v) OVER (ORDER BY o ASC NULLS FIRST RANGE BETWEEN 1 PRECEDING AND CURRENT ROW)");
    WindowSpec w = Window.partitionBy("k").orderBy(col("o").desc()).rowsBetween(-1, 1);
    DataFrame api = data().select(sum(col("v")).over(w), row_number().over(Window.orderBy("o")));
    assertThat(api.columns())
        .containsExactly(
            "sum(v) OVER (PARTITION BY k ORDER BY o DESC NULLS LAST ROWS BETWEEN -1 FOLLOWING AND"
                + " 1 FOLLOWING)",
            "row_number() OVER (ORDER BY o ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND"
                + " CURRENT ROW)");
  }

  @Test
  void lagAndLeadWithDefaultsOffsetsAndIgnoreNulls() {
    DataFrame df =
        spark.sql(
            "SELECT k, o, s, lag(s) OVER w, lead(s, 1, '-') OVER w, lag(s, 2) IGNORE NULLS OVER w,"
                + " lead(s) IGNORE NULLS OVER w, lag(s, -1) OVER w, lag(s, 0) OVER w FROM t WHERE"
                + " k = 'a' WINDOW w AS (PARTITION BY k ORDER BY o, v)");
    assertThat(rows(df))
        .containsExactly(
            "a,1,x,w,null,null,y,null,x",
            "a,2,null,x,y,w,y,y,null",
            "a,2,y,null,null,w,null,null,y",
            "a,4,null,y,-,x,null,null,null",
            "a,null,w,null,x,null,x,x,w");
    DataFrame api =
        data()
            .where(col("k").equalTo("b"))
            .select(
                col("o"),
                lag(col("v"), 1, -1.0).over(Window.orderBy("o")),
                lead("v", 1).over(Window.orderBy("o")),
                lag(col("v"), 1, null, true).over(Window.orderBy("o")));
    assertThat(rows(api)).containsExactly("5,-1.0,1.0,null", "7,null,null,null");
  }

  @Test
  void aggregatesOverFrames() {
    DataFrame df =
        spark.sql(
            "SELECT o, v, sum(v) OVER (ORDER BY o, v) AS running, sum(v) OVER (ORDER BY o) AS"
                + " peers, count(v) OVER (ORDER BY o, v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)"
                + " AS sliding, sum(v) OVER (ORDER BY o, v ROWS BETWEEN CURRENT ROW AND UNBOUNDED"
                + " FOLLOWING) AS rest, sum(v) OVER (ORDER BY o, v ROWS BETWEEN 2 FOLLOWING AND 3"
                + " FOLLOWING) AS ahead, max(v) OVER () AS whole, collect_list(v) OVER (ORDER BY o,"
                + " v) AS list FROM t WHERE k = 'a'");
    assertThat(rows(df))
        .containsExactly(
            "1,10.0,15.0,15.0,3,60.0,30.0,30.0,[5.0, 10.0]",
            "2,20.0,35.0,65.0,3,50.0,null,30.0,[5.0, 10.0, 20.0]",
            "2,30.0,65.0,65.0,2,30.0,null,30.0,[5.0, 10.0, 20.0, 30.0]",
            "4,null,65.0,65.0,1,null,null,30.0,[5.0, 10.0, 20.0, 30.0]",
            "null,5.0,5.0,5.0,2,65.0,50.0,30.0,[5.0]");
    assertThat(df.schema().get(4).dataType()).isEqualTo(DataTypes.LongType);
    assertThat(df.schema().get(4).nullable()).isFalse();
  }

  @Test
  void rangeFramesWithOffsets() {
    DataFrame df =
        spark.sql(
            "SELECT o, sum(v) OVER (ORDER BY o RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s,"
                + " count(*) OVER (ORDER BY o DESC RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS"
                + " c, count(*) OVER (ORDER BY o RANGE BETWEEN 3 FOLLOWING AND UNBOUNDED"
                + " FOLLOWING) AS after FROM t WHERE k = 'a'");
    assertThat(rows(df))
        .containsExactly(
            "1,60.0,3,1", // 1: values in [0, 2]; desc: values in [1, 2]; after: o >= 4
            "2,60.0,2,0", // 2: values in [1, 3]; desc: [2, 3]
            "2,60.0,2,0",
            "4,null,1,0", // 4: [3, 5]; desc: [4, 5]
            // a null value's offsets give its null peers: they come first, so "after" is all
            "null,5.0,1,5");
    DataFrame dates =
        spark.sql(
            "SELECT d, count(*) OVER (ORDER BY d RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS c,"
                + " count(*) OVER (ORDER BY ts RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND CURRENT"
                + " ROW) AS h FROM VALUES (DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00'),"
                + " (DATE '2024-01-02', TIMESTAMP '2024-01-01 10:30:00'), (DATE '2024-01-04',"
                + " TIMESTAMP '2024-01-01 11:30:00') AS v(d, ts)");
    assertThat(rows(dates)).containsExactly("2024-01-01,1,1", "2024-01-02,2,2", "2024-01-04,1,2");
    DataFrame api =
        data()
            .where(col("k").equalTo("a"))
            .select(col("o"), count(lit(1)).over(Window.orderBy("o").rangeBetween(-1, 0)));
    assertThat(api.columns()[1])
        .isEqualTo(
            "count(1) OVER (ORDER BY o ASC NULLS FIRST RANGE BETWEEN -1 FOLLOWING AND CURRENT"
                + " ROW)");
    assertThat(rows(api)).containsExactly("1,1", "2,3", "2,3", "4,1", "null,1");
  }

  @Test
  void firstLastAndNthValueOverFrames() {
    DataFrame df =
        spark.sql(
            "SELECT o, s, first_value(s) OVER w1 AS f, first_value(s) IGNORE NULLS OVER w2 AS fi,"
                + " last_value(s) OVER w1 AS l, last(s, true) OVER w1 AS li, nth_value(s, 2) OVER"
                + " w1 AS n2, nth_value(s, 3) IGNORE NULLS OVER w3 AS n3 FROM t WHERE k = 'a'"
                + " WINDOW w1 AS (ORDER BY o, v), w2 AS (ORDER BY o DESC, v DESC ROWS BETWEEN"
                + " CURRENT ROW AND 1 FOLLOWING), w3 AS (ORDER BY o, v ROWS BETWEEN UNBOUNDED"
                + " PRECEDING AND UNBOUNDED FOLLOWING)");
    assertThat(rows(df))
        .containsExactly(
            "1,x,w,x,x,x,x,y",
            "2,null,w,x,null,x,x,y",
            "2,y,w,y,y,y,x,y",
            "4,null,w,y,null,y,x,y",
            "null,w,w,w,w,w,null,y");
  }

  @Test
  void windowsOverAnAggregationAndAfterHaving() {
    DataFrame df =
        spark.sql(
            "SELECT k, sum(v) AS total, rank() OVER (ORDER BY sum(v) DESC) AS r, sum(sum(v)) OVER"
                + " () AS grand FROM t GROUP BY k HAVING count(*) > 1");
    assertThat(rows(df)).containsExactly("a,65.0,1,66.0", "b,1.0,2,66.0");
    DataFrame global = spark.sql("SELECT sum(v) OVER () AS s, v FROM t WHERE k = 'b'");
    assertThat(rows(global)).containsExactly("1.0,1.0", "1.0,null");
  }

  @Test
  void sortingByAWindowAndFilteringOnIt() {
    DataFrame sorted =
        spark.sql("SELECT k, o FROM t WHERE k = 'a' ORDER BY row_number() OVER (ORDER BY v DESC)");
    assertThat(sorted.columns()).containsExactly("k", "o");
    List<Object> order = new ArrayList<>();
    for (Row r : sorted.collectAsList()) order.add(r.get(1));
    assertThat(order).containsExactly(2, 2, 1, null, 4);
    DataFrame top =
        spark.sql(
            "SELECT k, o FROM (SELECT k, o, row_number() OVER (PARTITION BY k ORDER BY v DESC"
                + " NULLS LAST) AS rn FROM t) WHERE rn = 1");
    assertThat(rows(top)).containsExactly("a,2", "b,7", "null,1");
  }

  @Test
  void aViewWithWindowsJoinsItself() {
    spark.sql(
        "CREATE OR REPLACE TEMPORARY VIEW ranked AS SELECT k, o, row_number() OVER (PARTITION BY"
            + " k ORDER BY o, v) AS rn FROM t");
    DataFrame df =
        spark.sql(
            "SELECT a.k, a.rn, b.o FROM ranked a JOIN ranked b ON a.k = b.k AND a.rn + 1 = b.rn");
    assertThat(rows(df)).containsExactly("a,1,1", "a,2,2", "a,3,2", "a,4,4", "b,1,7");
    spark.sql(
        "CREATE OR REPLACE TEMPORARY VIEW slid AS SELECT window, count(*) AS c FROM VALUES"
            + " (TIMESTAMP '2024-01-01 10:00:00'), (TIMESTAMP '2024-01-01 10:05:00') AS v(ts)"
            + " GROUP BY window(ts, '10 minutes', '5 minutes')");
    DataFrame windows =
        spark.sql("SELECT a.c, b.c FROM slid a JOIN slid b ON a.window.end = b.window.start");
    assertThat(rows(windows)).containsExactly("1,1");
  }

  @Test
  void theAnalyzedPlanHasOneWindowNodePerSpecification() {
    DataFrame df =
        spark.sql(
            "SELECT rank() OVER (PARTITION BY k ORDER BY o), sum(v) OVER (PARTITION BY k ORDER BY"
                + " o), sum(v) OVER (PARTITION BY k), o + max(o) OVER (ORDER BY o) FROM t");
    assertThat(windowNodes(df.queryExecution().analyzed())).isEqualTo(3);
    assertThat(df.columns()[3])
        .isEqualTo(
            "(o + max(o) OVER (ORDER BY o ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND"
                + " CURRENT ROW))");
    assertThat(df.collectAsList()).hasSize(8);
  }

  private static int windowNodes(LogicalPlan p) {
    int n = p instanceof io.sluice.plan.logical.Window ? 1 : 0;
    for (LogicalPlan c : p.children()) n += windowNodes(c);
    return n;
  }

  @Test
  void dataFrameApiMatchesSql() {
    WindowSpec w = Window.partitionBy(col("k")).orderBy("o", "v");
    DataFrame api =
        data()
            .select(
                col("k"),
                col("o"),
                dense_rank().over(w).as("dr"),
                avg(col("v"))
                    .over(w.rowsBetween(Window.unboundedPreceding, Window.currentRow))
                    .as("a"),
                max(col("v")).over(Window.partitionBy("k")).as("m"),
                first_value(col("s")).over(w).as("f"),
                sum(col("o")).over().as("total"));
    DataFrame sql =
        spark.sql(
            "SELECT k, o, dense_rank() OVER w AS dr, avg(v) OVER (PARTITION BY k ORDER BY o, v"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS a, max(v) OVER (PARTITION"
                + " BY k) AS m,"
                + " first_value(s) OVER w AS f, sum(o) OVER () AS total FROM t WINDOW w AS"
                + " (PARTITION BY k ORDER BY o, v)");
    assertThat(rows(api)).isEqualTo(rows(sql)).hasSize(8);
  }

  @Test
  void invalidWindowsAreRefusedWithSparksErrorClasses() {
    Map<String, String> cases = new TreeMap<>();
    cases.put("SELECT row_number() OVER (PARTITION BY k) FROM t", "WINDOW_FUNCTION_REQUIRES_ORDER");
    cases.put("SELECT row_number() FROM t", "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE");
    cases.put(
        "SELECT lag(v) OVER (ORDER BY o ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING) FROM t",
        "CANNOT_SPECIFY_WINDOW_FRAME");
    cases.put(
        "SELECT rank() OVER (ORDER BY o RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t",
        "WINDOW_FRAME_NOT_MATCH_REQUIRED_FRAME");
    cases.put("SELECT k FROM t WHERE rank() OVER (ORDER BY o) = 1", "WINDOW_FUNCTION_NOT_ALLOWED");
    cases.put(
        "SELECT k FROM t GROUP BY k HAVING max(row_number() OVER (ORDER BY k)) > 1",
        "WINDOW_FUNCTION_NOT_ALLOWED");
    cases.put(
        "SELECT count(DISTINCT v) OVER (PARTITION BY k) FROM t",
        "DISTINCT_WINDOW_FUNCTION_UNSUPPORTED");
    cases.put("SELECT upper(s) OVER (PARTITION BY k) FROM t", "UNSUPPORTED_EXPR_FOR_WINDOW");
    cases.put(
        "SELECT sum(v) OVER (ORDER BY o ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM t",
        "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON");
    cases.put(
        "SELECT sum(v) OVER (ORDER BY o ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM t",
        "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND");
    cases.put(
        "SELECT sum(v) OVER (ORDER BY o, v RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
        "DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER");
    cases.put(
        "SELECT sum(v) OVER (ORDER BY s RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
        "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE");
    cases.put(
        "SELECT sum(v) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
        "DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER");
    cases.put(
        "SELECT sum(v) OVER (ORDER BY o ROWS BETWEEN o PRECEDING AND CURRENT ROW) FROM t",
        "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE");
    cases.put("SELECT ntile(0) OVER (ORDER BY o) FROM t", "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE");
    cases.put(
        "SELECT lag(v, o) OVER (ORDER BY o) FROM t",
        "DATATYPE_MISMATCH.FRAME_LESS_OFFSET_WITHOUT_FOLDABLE");
    cases.put("SELECT sum(v) OVER w FROM t", "MISSING_WINDOW_SPECIFICATION");
    cases.put(
        "SELECT sum(v) OVER w2 FROM t WINDOW w AS (ORDER BY o)", "MISSING_WINDOW_SPECIFICATION");
    cases.put(
        "SELECT upper(s) IGNORE NULLS FROM t",
        "INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX");
    Map<String, String> actual = new TreeMap<>();
    for (String q : cases.keySet()) actual.put(q, err(() -> spark.sql(q).schema()));
    assertThat(actual).isEqualTo(cases);
    assertThatThrownBy(() -> Window.rowsBetween(Long.MAX_VALUE, 0))
        .extracting(x -> ((SluiceException) x).getErrorClass())
        .isEqualTo("INVALID_BOUNDARY.START");
  }

  @Test
  void windowFramesMatchANaiveEvaluationOnRandomData() {
    java.util.Random random = new java.util.Random(11);
    List<Row> input = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String k = "k" + random.nextInt(17);
      Integer o = random.nextInt(10) == 0 ? null : random.nextInt(50);
      Double v = random.nextInt(8) == 0 ? null : (double) random.nextInt(1000);
      input.add(RowFactory.create(k, o, v, "r" + i));
    }
    spark.createDataFrame(input, SCHEMA).createOrReplaceTempView("big");
    DataFrame df =
        spark.sql(
            "SELECT s, sum(v) OVER (PARTITION BY k ORDER BY o, s ROWS BETWEEN 3 PRECEDING AND 2"
                + " FOLLOWING), count(v) OVER (PARTITION BY k ORDER BY o RANGE BETWEEN 2 PRECEDING"
                + " AND 1 FOLLOWING), min(v) OVER (PARTITION BY k ORDER BY o, s), row_number()"
                + " OVER (PARTITION BY k ORDER BY o, s) FROM big");
    // the naive reference: sort each partition, then scan every frame
    Map<String, List<Row>> parts = new TreeMap<>();
    for (Row r : input) parts.computeIfAbsent(r.getString(0), x -> new ArrayList<>()).add(r);
    Map<String, String> expected = new TreeMap<>();
    for (List<Row> part : parts.values()) {
      part.sort(
          (a, b) -> {
            Integer x = (Integer) a.get(1);
            Integer y = (Integer) b.get(1);
            int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : Integer.compare(x, y);
            return c != 0 ? c : a.getString(3).compareTo(b.getString(3));
          });
      for (int i = 0; i < part.size(); i++) {
        Double sum = null;
        for (int j = Math.max(0, i - 3); j <= Math.min(part.size() - 1, i + 2); j++) {
          Double v = (Double) part.get(j).get(2);
          if (v != null) sum = sum == null ? v : sum + v;
        }
        Integer o = (Integer) part.get(i).get(1);
        long count = 0;
        for (Row r : part) {
          Integer p = (Integer) r.get(1);
          boolean in = o == null ? p == null : p != null && p >= o - 2 && p <= o + 1;
          if (in && r.get(2) != null) count++;
        }
        Double min = null;
        for (int j = 0; j <= i; j++) {
          Double v = (Double) part.get(j).get(2);
          if (v != null && (min == null || v < min)) min = v;
        }
        expected.put(part.get(i).getString(3), sum + "," + count + "," + min + "," + (i + 1));
      }
    }
    Map<String, String> actual = new TreeMap<>();
    for (Row r : df.collectAsList()) {
      actual.put(r.getString(0), r.get(1) + "," + r.get(2) + "," + r.get(3) + "," + r.get(4));
    }
    assertThat(actual).isEqualTo(expected);
  }
}
