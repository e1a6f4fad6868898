package io.sluice;

import static io.sluice.Answers.check;
import static io.sluice.Answers.row;
import static io.sluice.functions.avg;
import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.countDistinct;
import static io.sluice.functions.max;
import static io.sluice.functions.min;
import static io.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** groupBy / agg end to end: Spark's result names, types and null handling. */
class AggregationTest {
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

  static DataFrame emp() {
    return session.createDataFrame(
        List.of(
            row("eng", "ann", 100),
            row("eng", "bob", 200),
            row("ops", "cid", null),
            row("ops", "dee", 50),
            row("hr", "eve", 70)),
        StructType.fromDDL("dept STRING, name STRING, salary INT"));
  }

  @Test
  void aggNamesColumnsAsSpark() {
    DataFrame df =
        emp()
            .groupBy("dept")
            .agg(
                count("*"),
                count("salary"),
                sum("salary"),
                avg("salary"),
                min("salary"),
                max(col("salary")).as("top"));
    assertThat(df.columns())
        .containsExactly(
            "dept",
            "count(1)",
            "count(salary)",
            "sum(salary)",
            "avg(salary)",
            "min(salary)",
            "top");
    assertThat(df.dtypes())
        .extracting(Tuple2::_2)
        .containsExactly(
            "StringType",
            "LongType",
            "LongType",
            "LongType",
            "DoubleType",
            "IntegerType",
            "IntegerType");
    check(
        df,
        row("eng", 2L, 2L, 300L, 150.0, 100, 200),
        row("ops", 2L, 1L, 50L, 50.0, 50, 50),
        row("hr", 1L, 1L, 70L, 70.0, 70, 70));
  }

  @Test
  void groupedShortcuts() {
    DataFrame counted = emp().groupBy(col("dept")).count();
    assertThat(counted.columns()).containsExactly("dept", "count");
    check(counted, row("eng", 2L), row("ops", 2L), row("hr", 1L));
    DataFrame sums = emp().groupBy("dept").sum("salary");
    assertThat(sums.columns()).containsExactly("dept", "sum(salary)");
    check(sums, row("eng", 300L), row("ops", 50L), row("hr", 70L));
    assertThat(emp().groupBy("dept").avg().columns()).containsExactly("dept", "avg(salary)");
    assertThat(emp().groupBy("dept").mean("salary").columns())
        .containsExactly("dept", "avg(salary)");
    check(emp().groupBy("dept").max("salary").filter(col("dept").equalTo("eng")), row("eng", 200));
    check(emp().groupBy("dept").min("salary").filter(col("dept").equalTo("ops")), row("ops", 50));
    assertThatThrownBy(() -> emp().groupBy("dept").sum("name"))
        .isInstanceOfSatisfying(
            AnalysisException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("AGGREGATE_ON_NON_NUMERIC_COLUMN");
              assertThat(e.getMessage()).contains("\"name\" is not a numeric column.");
            });
  }

  @Test
  void aggByMapOfFunctionNames() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("salary", "max");
    m.put("name", "count");
    DataFrame df = emp().groupBy("dept").agg(m);
    assertThat(df.columns()).containsExactly("dept", "max(salary)", "count(name)");
    check(df, row("eng", 200, 2L), row("ops", 50, 2L), row("hr", 70, 1L));
    Map<String, String> star = Map.of("*", "count");
    assertThat(emp().agg(star).columns()).containsExactly("count(1)");
  }

  @Test
  void globalAggregatesYieldOneRowEvenWhenEmpty() {
    check(emp().agg(count("*"), sum("salary"), countDistinct("dept")), row(5L, 420L, 3L));
    DataFrame none = emp().filter(col("salary").gt(1000));
    check(none.agg(count("*"), sum("salary"), max("name")), row(0L, null, null));
    check(none.groupBy("dept").count());
    assertThat(none.count()).isZero();
    assertThat(emp().groupBy().count().collectAsList().get(0).getLong(0)).isEqualTo(5L);
  }

  @Test
  void groupingByExpressionsAndNulls() {
    DataFrame df = emp().groupBy(col("salary").isNull().as("missing")).count();
    assertThat(df.columns()).containsExactly("missing", "count");
    check(df, row(true, 1L), row(false, 4L));
    DataFrame byNull = emp().withColumn("s", col("salary").gt(60)).groupBy("s").count();
    check(byNull, row(true, 3L), row(false, 1L), row(null, 1L));
  }

  @Test
  void sumAndAvgTypesFollowSpark() {
    DataFrame df =
        session.createDataFrame(
            List.of(row(new java.math.BigDecimal("1.25"), 2L, 1.5f)),
            StructType.fromDDL("d DECIMAL(10,2), l BIGINT, f FLOAT"));
    DataFrame agg = df.agg(sum("d"), avg("d"), sum("l"), sum("f"));
    assertThat(agg.schema().fields())
        .extracting(f -> f.dataType())
        .containsExactly(
            DataTypes.createDecimalType(20, 2),
            DataTypes.createDecimalType(14, 6),
            DataTypes.LongType,
            DataTypes.DoubleType);
    check(agg, row(new java.math.BigDecimal("1.25"), new java.math.BigDecimal("1.25"), 2L, 1.5));
  }
}
