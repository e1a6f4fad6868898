package io.sluice.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EXCEPT [ALL], INTERSECT [ALL] and MINUS through SQL and the DataFrame API, with Spark's results:
 * nulls compare equal, the DISTINCT forms deduplicate, the ALL forms keep {@code m - n} and {@code
 * min(m, n)} copies of a row.
 */
class SetOperationsTest {
  private static Session spark;
  private static DataFrame l;
  private static DataFrame r;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("setops").create();
    StructType schema =
        new StructType().add("k", DataTypes.StringType).add("v", DataTypes.IntegerType);
    // left: (a,1) x3, (b,2) x2, (null,3) x2, (c,null) x1, (null,null) x2
    l =
        spark.createDataFrame(
            List.of(
                row("a", 1),
                row("a", 1),
                row("a", 1),
                row("b", 2),
                row("b", 2),
                row(null, 3),
                row(null, 3),
                row("c", null),
                row(null, null),
                row(null, null)),
            schema);
    // right: (a,1) x1, (b,2) x3, (null,3) x1, (null,null) x1, (d,4) x1
    r =
        spark.createDataFrame(
            List.of(
                row("a", 1),
                row("b", 2),
                row("b", 2),
                row("b", 2),
                row(null, 3),
                row(null, null),
                row("d", 4)),
            schema);
    l.createOrReplaceTempView("l");
    r.createOrReplaceTempView("r");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  private static List<String> sorted(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row x : df.collectAsList()) out.add(x.toString());
    out.sort(null);
    return out;
  }

  private static List<String> sql(String text) {
    return sorted(spark.sql(text));
  }

  private static List<String> rows(String... rows) {
    List<String> out = new ArrayList<>(Arrays.asList(rows));
    out.sort(null);
    return out;
  }

  @Test
  void exceptKeepsDistinctLeftRowsWithoutEqualRightRowNullsEqual() {
    List<String> expected = rows("[c,null]");
    assertThat(sql("SELECT * FROM l EXCEPT SELECT * FROM r")).isEqualTo(expected);
    assertThat(sql("SELECT * FROM l EXCEPT DISTINCT SELECT * FROM r")).isEqualTo(expected);
    assertThat(sql("SELECT * FROM l MINUS SELECT * FROM r")).isEqualTo(expected);
    assertThat(sorted(l.except(r))).isEqualTo(expected);
  }

  @Test
  void exceptDeduplicatesEvenWithAnEmptyRightSide() {
    assertThat(sql("SELECT k FROM l EXCEPT SELECT k FROM r WHERE false"))
        .isEqualTo(rows("[a]", "[b]", "[c]", "[null]"));
  }

  @Test
  void exceptAllSubtractsMultiplicities() {
    // a: 3-1=2, b: 2-3<0, null/3: 2-1=1, c/null: 1, null/null: 2-1=1
    List<String> expected = rows("[a,1]", "[a,1]", "[null,3]", "[c,null]", "[null,null]");
    assertThat(sql("SELECT * FROM l EXCEPT ALL SELECT * FROM r")).isEqualTo(expected);
    assertThat(sql("SELECT * FROM l MINUS ALL SELECT * FROM r")).isEqualTo(expected);
    assertThat(sorted(l.exceptAll(r))).isEqualTo(expected);
  }

  @Test
  void intersectKeepsDistinctRowsOnBothSides() {
    List<String> expected = rows("[a,1]", "[b,2]", "[null,3]", "[null,null]");
    assertThat(sql("SELECT * FROM l INTERSECT SELECT * FROM r")).isEqualTo(expected);
    assertThat(sql("SELECT * FROM l INTERSECT DISTINCT SELECT * FROM r")).isEqualTo(expected);
    assertThat(sorted(l.intersect(r))).isEqualTo(expected);
  }

  @Test
  void intersectAllKeepsTheSmallerMultiplicity() {
    // a: min(3,1)=1, b: min(2,3)=2, null/3: min(2,1)=1, null/null: min(2,1)=1
    List<String> expected = rows("[a,1]", "[b,2]", "[b,2]", "[null,3]", "[null,null]");
    assertThat(sql("SELECT * FROM l INTERSECT ALL SELECT * FROM r")).isEqualTo(expected);
    assertThat(sorted(l.intersectAll(r))).isEqualTo(expected);
    assertThat(sorted(r.intersectAll(l))).isEqualTo(expected);
  }

  @Test
  void selfExceptAndIntersect() {
    assertThat(sorted(l.except(l))).isEmpty();
    assertThat(sorted(l.exceptAll(l))).isEmpty();
    assertThat(sorted(l.intersectAll(l))).isEqualTo(sorted(l));
    assertThat(sql("SELECT k FROM l INTERSECT SELECT k FROM l"))
        .isEqualTo(rows("[a]", "[b]", "[c]", "[null]"));
  }

  @Test
  void precedenceChainsAndOrderBy() {
    // INTERSECT binds tighter than EXCEPT and UNION; left to right otherwise.
    assertThat(
            sql("SELECT k FROM l EXCEPT SELECT k FROM r INTERSECT SELECT k FROM l WHERE k = 'a'"))
        .isEqualTo(rows("[b]", "[c]", "[null]"));
    assertThat(
            spark
                .sql("SELECT v FROM l EXCEPT ALL SELECT v FROM r ORDER BY v DESC NULLS LAST")
                .collectAsList()
                .toString())
        .isEqualTo("[[3], [1], [1], [null], [null]]");
  }

  @Test
  void columnsTakeLeftNamesAndWidenedTypes() {
    DataFrame df = spark.sql("SELECT v AS x FROM l EXCEPT SELECT CAST(v AS BIGINT) FROM r");
    assertThat(df.columns()).containsExactly("x");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.LongType);
    assertThat(sorted(df)).isEmpty();
    DataFrame i = spark.sql("SELECT 1.5 AS d INTERSECT SELECT 1");
    assertThat(i.schema().fields()[0].dataType().simpleString()).isEqualTo("decimal(11,1)");
    assertThat(sorted(i)).isEmpty();
    assertThat(sql("SELECT 1 AS d INTERSECT ALL SELECT 1.0")).containsExactly("[1.0]");
  }

  @Test
  void intersectColumnIsNullableOnlyWhenBothSidesAre() {
    DataFrame df = spark.sql("SELECT k FROM l INTERSECT SELECT 'a'");
    assertThat(df.schema().fields()[0].nullable()).isFalse();
    assertThat(spark.sql("SELECT k FROM l EXCEPT SELECT 'a'").schema().fields()[0].nullable())
        .isTrue();
  }

  @Test
  void mismatchedColumnsFailAsInSpark() {
    assertThatThrownBy(() -> spark.sql("SELECT k, v FROM l EXCEPT SELECT k FROM r"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "[NUM_COLUMNS_MISMATCH] EXCEPT can only be performed on inputs with the same number"
                + " of columns, but the first input has 2 columns and the second input has 1"
                + " columns. SQLSTATE: 42826");
    assertThatThrownBy(() -> spark.sql("SELECT k FROM l INTERSECT ALL SELECT array(1)"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith(
            "[INCOMPATIBLE_COLUMN_TYPE] INTERSECT can only be performed on tables with compatible"
                + " column types. The first column of the second table is \"ARRAY<INT>\" type"
                + " which is not compatible with \"STRING\" at the same column of the first"
                + " table.");
  }

  @Test
  void manyCopiesOfOneRowSpanSeveralBatches() {
    String key = "sluice.sql.execution.batchSize";
    spark.conf().set(key, "3");
    try {
      DataFrame sevens = spark.range(7).selectExpr("7 AS x").union(spark.sql("SELECT 8 AS x"));
      DataFrame df = sevens.exceptAll(spark.sql("SELECT 8 AS x"));
      assertThat(df.collectAsList()).hasSize(7).allMatch(x -> x.getInt(0) == 7);
      assertThat(sevens.intersectAll(sevens).count()).isEqualTo(8);
    } finally {
      spark.conf().unset(key);
    }
  }

  @Test
  void streamsAreRefusedWhereSparkRefusesThem() {
    DataFrame stream = io.sluice.streaming.MemoryStream.of(spark, "k STRING, v INT").toDF();
    DataFrame other = io.sluice.streaming.MemoryStream.of(spark, "k STRING, v INT").toDF();
    // the streaming checker's messages; EXCEPT and INTERSECT reach it as their logical nodes
    assertThatThrownBy(() -> l.except(stream).writeStream().format("noop").start())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("Except")
        .hasMessageContaining("STREAMING_UNSUPPORTED_OPERATION");
    assertThatThrownBy(() -> stream.intersect(other).writeStream().format("noop").start())
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[STREAMING_UNSUPPORTED_OPERATION.INTERSECT]");
  }
}
