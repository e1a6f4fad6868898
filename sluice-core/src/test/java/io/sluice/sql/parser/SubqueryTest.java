package io.sluice.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subqueries in expressions: scalar subqueries, [NOT] EXISTS and [NOT] IN, uncorrelated and
 * correlated by equality, with Spark's results (nulls in NOT IN, counts over no row) and names.
 */
class SubqueryTest {
  private static Session spark;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("subqueries").create();
    StructType schema =
        new StructType().add("k", DataTypes.StringType).add("v", DataTypes.IntegerType);
    spark
        .createDataFrame(
            List.of(row("a", 1), row("a", 2), row("b", 3), row("c", null), row(null, 5)), schema)
        .createOrReplaceTempView("t");
    spark
        .createDataFrame(
            List.of(row("a", 10), row("b", 20), row("b", 30), row("z", 40)),
            new StructType().add("k", DataTypes.StringType).add("x", DataTypes.IntegerType))
        .createOrReplaceTempView("u");
    spark
        .createDataFrame(
            List.of(row("a", 1), row(null, 2)),
            new StructType().add("k", DataTypes.StringType).add("y", DataTypes.IntegerType))
        .createOrReplaceTempView("withnull");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  private static List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) out.add(r.toString());
    out.sort(null);
    return out;
  }

  @Test
  void uncorrelatedScalarSubqueries() {
    DataFrame df = spark.sql("SELECT k, (SELECT max(x) FROM u) FROM t WHERE v = 1");
    assertThat(df.columns()).containsExactly("k", "scalarsubquery()");
    assertThat(df.schema().fields()[1].dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(df.schema().fields()[1].nullable()).isTrue();
    assertThat(df.collectAsList().toString()).isEqualTo("[[a,40]]");
    assertThat(rows("SELECT k FROM t WHERE v > (SELECT avg(v) FROM t)"))
        .containsExactly("[b]", "[null]");
    assertThat(rows("SELECT (SELECT x FROM u WHERE k = 'z') + 1 AS p")).containsExactly("[41]");
    // no row: null
    assertThat(rows("SELECT (SELECT x FROM u WHERE k = 'nope') AS p")).containsExactly("[null]");
    // the same view inside and out
    assertThat(rows("SELECT v, (SELECT count(*) FROM t) AS n FROM t WHERE v < 3"))
        .containsExactly("[1,5]", "[2,5]");
  }

  @Test
  void scalarSubqueryReturningSeveralRowsFailsWhenRun() {
    DataFrame df = spark.sql("SELECT (SELECT x FROM u WHERE k = 'b') AS p");
    assertThatThrownBy(df::collectAsList)
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("SCALAR_SUBQUERY_TOO_MANY_ROWS"))
        .hasMessageStartingWith(
            "[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an"
                + " expression.");
  }

  @Test
  void scalarSubqueriesInAggregations() {
    assertThat(rows("SELECT k, sum(v) * 100 / (SELECT sum(v) FROM t) AS pct FROM t GROUP BY k"))
        .containsExactly(
            "[a,27.272727272727273]",
            "[b,27.272727272727273]",
            "[c,null]",
            "[null,45.45454545454545]");
    assertThat(rows("SELECT count(*) + (SELECT count(*) FROM u) AS n FROM t"))
        .containsExactly("[9]");
    assertThat(
            rows(
                "SELECT k FROM t GROUP BY k HAVING sum(v) >= (SELECT min(x) FROM u) / 5 ORDER BY"
                    + " k"))
        .containsExactly("[a]", "[b]", "[null]");
  }

  @Test
  void inAndNotInSubqueries() {
    assertThat(rows("SELECT k, v FROM t WHERE k IN (SELECT k FROM u)"))
        .containsExactly("[a,1]", "[a,2]", "[b,3]");
    assertThat(rows("SELECT k, v FROM t WHERE k NOT IN (SELECT k FROM u)"))
        .containsExactly("[c,null]");
    // a null in the subquery makes NOT IN unknown for every row
    assertThat(rows("SELECT k FROM t WHERE k NOT IN (SELECT k FROM withnull)")).isEmpty();
    // ... and an empty subquery keeps every row, null keys included
    assertThat(rows("SELECT v FROM t WHERE k NOT IN (SELECT k FROM u WHERE false)"))
        .containsExactly("[1]", "[2]", "[3]", "[5]", "[null]");
    // the types of both sides are widened
    assertThat(rows("SELECT k FROM t WHERE v IN (SELECT CAST(x / 10 AS BIGINT) FROM u)"))
        .containsExactly("[a]", "[a]", "[b]");
    assertThat(rows("SELECT k FROM t WHERE v IN (SELECT x / 10 FROM u) AND v > 1"))
        .containsExactly("[a]", "[b]");
  }

  @Test
  void existsAndNotExists() {
    assertThat(rows("SELECT count(*) FROM t WHERE EXISTS (SELECT 1 FROM u WHERE x > 35)"))
        .containsExactly("[5]");
    assertThat(rows("SELECT count(*) FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE x > 35)"))
        .containsExactly("[0]");
    DataFrame df = spark.sql("SELECT EXISTS (SELECT 1 FROM u WHERE x > 35) AS e, 1 AS o");
    assertThat(df.collectAsList().toString()).isEqualTo("[[true,1]]");
    assertThat(df.schema().fields()[0].nullable()).isFalse();
    assertThat(rows("SELECT NOT EXISTS (SELECT 1 FROM u WHERE x > 99)")).hasSize(1);
  }

  @Test
  void correlatedExistsAndIn() {
    assertThat(rows("SELECT k, v FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.k = t.k)"))
        .containsExactly("[a,1]", "[a,2]", "[b,3]");
    assertThat(rows("SELECT k, v FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.k)"))
        .containsExactly("[c,null]", "[null,5]");
    assertThat(
            rows("SELECT k, v FROM t WHERE EXISTS (SELECT * FROM u WHERE u.k = t.k AND u.x > 25)"))
        .containsExactly("[b,3]");
    // correlation by a different column than the IN value
    assertThat(rows("SELECT k, v FROM t WHERE v * 10 IN (SELECT x FROM u WHERE u.k = t.k)"))
        .containsExactly("[a,1]", "[b,3]");
    // a self-correlated subquery over the same view
    assertThat(
            rows(
                "SELECT k, v FROM t t1 WHERE EXISTS (SELECT 1 FROM t t2 WHERE t2.k = t1.k AND"
                    + " t2.v > t1.v)"))
        .containsExactly("[a,1]");
  }

  @Test
  void correlatedScalarSubqueries() {
    DataFrame df = spark.sql("SELECT k, (SELECT sum(x) FROM u WHERE u.k = t.k) AS total FROM t");
    assertThat(df.columns()).containsExactly("k", "total");
    assertThat(rows("SELECT k, (SELECT sum(x) FROM u WHERE u.k = t.k) AS total FROM t"))
        .containsExactly("[a,10]", "[a,10]", "[b,50]", "[c,null]", "[null,null]");
    assertThat(spark.sql("SELECT (SELECT max(x) FROM u WHERE u.k = t.k) FROM t").columns())
        .containsExactly("scalarsubquery(k)");
    // a count over no row is 0, not null
    assertThat(rows("SELECT k, (SELECT count(*) FROM u WHERE u.k = t.k) AS n FROM t"))
        .containsExactly("[a,1]", "[a,1]", "[b,2]", "[c,0]", "[null,0]");
    assertThat(rows("SELECT k FROM t WHERE v * 10 <= (SELECT max(x) FROM u WHERE u.k = t.k)"))
        .containsExactly("[a]", "[b]");
  }

  @Test
  void subqueriesInDataFrameStringsAndCtes() {
    DataFrame t = spark.table("t");
    assertThat(t.filter("k IN (SELECT k FROM u WHERE x > 15)").count()).isEqualTo(1);
    assertThat(
            rows(
                "WITH big AS (SELECT k FROM u WHERE x > 15) SELECT v FROM t WHERE k IN (SELECT k"
                    + " FROM big)"))
        .containsExactly("[3]");
  }

  @Test
  void errorsOfSubqueries() {
    assertThatThrownBy(() -> spark.sql("SELECT (SELECT k, x FROM u) FROM t"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "[INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN]"
                + " Invalid subquery: Scalar subquery must return only one column, but got 2."
                + " SQLSTATE: 42823");
    assertThatThrownBy(() -> spark.sql("SELECT (SELECT x FROM u WHERE u.k = t.k) FROM t"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY]"
                + " Unsupported subquery expression: Correlated scalar subqueries must be"
                + " aggregated to return at most one row. SQLSTATE: 0A000");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM t WHERE k IN (SELECT k, x FROM u)"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith(
            "[DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH] Cannot resolve \"(k IN"
                + " (listquery()))\" due to data type mismatch: The number of columns in the left"
                + " hand side of an IN subquery does not match the number of columns in the"
                + " output of subquery. Left hand side columns(length: 1): [\"k\"], right hand"
                + " side columns(length: 2): [\"k\", \"x\"].");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM t WHERE v IN (SELECT array(x) FROM u)"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("[DATATYPE_MISMATCH.IN_SUBQUERY_DATA_TYPE_MISMATCH]")
        .hasMessageContaining(
            "Mismatched columns: [(v:int, `array(x)`:array<int>)], left side: [\"INT\"], right"
                + " side: [\"ARRAY<INT>\"].");
    assertThatThrownBy(() -> spark.sql("SELECT k IN (SELECT k FROM u) FROM t"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith(
            "[UNSUPPORTED_FEATURE.SLUICE_SQL] IN (SELECT ...) outside the AND-ed conditions of"
                + " WHERE or HAVING is not supported by Sluice yet.");
    assertThatThrownBy(
            () ->
                spark.sql("SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.k = t.k LIMIT 1)"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith(
            "[UNSUPPORTED_FEATURE.SLUICE_SQL] A correlated condition below Limit in a subquery");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM t WHERE EXISTS (SELECT nope FROM u)"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("[UNRESOLVED_COLUMN.WITH_SUGGESTION]");
  }
}
