package io.sluice.sql.parser;

import static io.sluice.functions.array;
import static io.sluice.functions.array_contains;
import static io.sluice.functions.array_distinct;
import static io.sluice.functions.array_join;
import static io.sluice.functions.array_sort;
import static io.sluice.functions.cardinality;
import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.element_at;
import static io.sluice.functions.explode;
import static io.sluice.functions.explode_outer;
import static io.sluice.functions.expr;
import static io.sluice.functions.flatten;
import static io.sluice.functions.inline;
import static io.sluice.functions.inline_outer;
import static io.sluice.functions.lit;
import static io.sluice.functions.map;
import static io.sluice.functions.map_from_arrays;
import static io.sluice.functions.map_keys;
import static io.sluice.functions.map_values;
import static io.sluice.functions.posexplode;
import static io.sluice.functions.posexplode_outer;
import static io.sluice.functions.size;
import static io.sluice.functions.slice;
import static io.sluice.functions.sort_array;
import static io.sluice.functions.struct;
import static io.sluice.functions.sum;
import static io.sluice.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Column;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.functions;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL through the real engine: the same rows and column names as the DataFrame API. */
class SqlEngineTest {
  private static Session spark;
  private static DataFrame t;
  private static DataFrame u;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("sql").create();
    StructType schema =
        new StructType()
            .add("k", DataTypes.StringType)
            .add("v", DataTypes.IntegerType)
            .add("d", DataTypes.DoubleType);
    t =
        spark.createDataFrame(
            List.of(
                row("a", 1, 1.5),
                row("a", 2, null),
                row("b", 3, 2.5),
                row("c", null, 0.5),
                row(null, 5, 1.0)),
            schema);
    t.createOrReplaceTempView("t");
    u =
        spark.createDataFrame(
            List.of(row("a", "x"), row("b", "y"), row("z", "w")),
            new StructType().add("k", DataTypes.StringType).add("name", DataTypes.StringType));
    u.createOrReplaceTempView("u");
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
    for (Row r : df.collectAsList()) out.add(r.toString());
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static void same(String sql, DataFrame api) {
    DataFrame s = spark.sql(sql);
    assertThat(s.columns()).as(sql).containsExactly(api.columns());
    assertThat(s.schema()).as(sql).isEqualTo(api.schema());
    assertThat(sorted(s)).as(sql).isEqualTo(sorted(api));
  }

  private static List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) out.add(r.toString());
    return out;
  }

  @Test
  void projectionFilterAndExpressions() {
    same(
        "SELECT k, v + 1 AS w, v * 2, -v FROM t WHERE v > 1",
        t.filter(col("v").gt(1))
            .select(
                col("k"), col("v").plus(1).as("w"), col("v").multiply(2), col("v").unary_minus()));
    same(
        "SELECT * FROM t WHERE v BETWEEN 2 AND 3 OR k IS NULL",
        t.filter(col("v").between(2, 3).or(col("k").isNull())));
    same(
        "SELECT k FROM t WHERE k IN ('a', 'c') AND NOT (v <=> 2)",
        t.filter(col("k").isin("a", "c").and(io.sluice.functions.not(col("v").eqNullSafe(2))))
            .select(col("k")));
    same(
        "SELECT CASE WHEN v > 2 THEN 'big' WHEN v > 1 THEN 'mid' ELSE 'small' END AS size"
            + " FROM t",
        t.select(
            when(col("v").gt(2), "big").when(col("v").gt(1), "mid").otherwise("small").as("size")));
    same(
        "SELECT CAST(v AS STRING) AS s, CAST(d AS INT) FROM t",
        t.select(col("v").cast("string").as("s"), col("d").cast("int")));
  }

  @Test
  void aggregationGroupByOrdinalsAliasesAllAndHaving() {
    DataFrame api = t.groupBy(col("k")).agg(count(lit(1)).as("n"), sum(col("v")));
    same("SELECT k, count(*) AS n, sum(v) FROM t GROUP BY k", api);
    same("SELECT k, count(*) AS n, sum(v) FROM t GROUP BY 1", api);
    same("SELECT k, count(*) AS n, sum(v) FROM t GROUP BY ALL", api);
    same(
        "SELECT upper(k) AS key, count(*) AS n FROM t GROUP BY key",
        t.groupBy(io.sluice.functions.upper(col("k")).as("key")).agg(count(lit(1)).as("n")));
    same(
        "SELECT k, sum(v) AS s FROM t GROUP BY k HAVING count(*) > 1",
        t.groupBy(col("k"))
            .agg(sum(col("v")).as("s"), count(lit(1)).as("c"))
            .filter(col("c").gt(1))
            .select(col("k"), col("s")));
    same(
        "SELECT k, sum(v) AS s FROM t GROUP BY k HAVING s > 2",
        t.groupBy(col("k")).agg(sum(col("v")).as("s")).filter(col("s").gt(2)));
    same("SELECT count(*), max(d) FROM t", t.agg(count(lit(1)), io.sluice.functions.max("d")));
  }

  @Test
  void groupByAliasPrefersAnInputColumnOfThatName() {
    // As Spark: the input column k wins over the select alias k.
    assertThat(
            rows(
                "SELECT upper(k) AS k, count(*) FROM t WHERE k IS NOT NULL GROUP BY k"
                    + " ORDER BY k"))
        .containsExactly("[A,2]", "[B,1]", "[C,1]");
  }

  @Test
  void orderByAliasesOrdinalsAndLimit() {
    assertThat(rows("SELECT k, v * 10 AS x FROM t WHERE v IS NOT NULL ORDER BY x DESC LIMIT 2"))
        .containsExactly("[null,50]", "[b,30]");
    assertThat(rows("SELECT k, v FROM t ORDER BY 2 NULLS LAST, 1"))
        .containsExactly("[a,1]", "[a,2]", "[b,3]", "[null,5]", "[c,null]");
    assertThat(rows("SELECT k FROM t WHERE v IS NOT NULL ORDER BY d DESC"))
        .containsExactly("[b]", "[a]", "[null]", "[a]");
    same("SELECT k, v FROM t ORDER BY v LIMIT 3", t.select("k", "v").orderBy(col("v")).limit(3));
  }

  @Test
  void joins() {
    same(
        "SELECT t.k, v, name FROM t JOIN u ON t.k = u.k",
        t.join(u, t.col("k").equalTo(u.col("k"))).select(t.col("k"), col("v"), col("name")));
    same("SELECT * FROM t LEFT JOIN u USING (k)", t.join(u, List.of("k"), "left"));
    same(
        "SELECT * FROM t x LEFT SEMI JOIN u y ON x.k = y.k",
        t.join(u, t.col("k").equalTo(u.col("k")), "left_semi"));
    same(
        "SELECT * FROM t LEFT ANTI JOIN u ON t.k = u.k",
        t.join(u, t.col("k").equalTo(u.col("k")), "left_anti"));
    same(
        "SELECT * FROM t FULL OUTER JOIN u ON t.k = u.k",
        t.join(u, t.col("k").equalTo(u.col("k")), "full"));
    assertThat(spark.sql("SELECT * FROM t, u").count()).isEqualTo(15);
    assertThat(spark.sql("SELECT * FROM t CROSS JOIN u").count()).isEqualTo(15);
  }

  @Test
  void unionsCtesSubqueriesAndValues() {
    same("SELECT k FROM t UNION ALL SELECT k FROM u", t.select("k").union(u.select("k")));
    same("SELECT k FROM t UNION SELECT k FROM u", t.select("k").union(u.select("k")).distinct());
    assertThat(rows("WITH big AS (SELECT * FROM t WHERE v > 2) SELECT k FROM big ORDER BY k"))
        .containsExactly("[null]", "[b]");
    assertThat(rows("SELECT s.k FROM (SELECT k, v FROM t WHERE v = 1) s")).containsExactly("[a]");
    DataFrame values = spark.sql("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(id, name)");
    assertThat(values.columns()).containsExactly("id", "name");
    assertThat(sorted(values)).containsExactly("[1,a]", "[2,b]");
    assertThat(rows("SELECT DISTINCT k FROM t WHERE k IS NOT NULL ORDER BY k"))
        .containsExactly("[a]", "[b]", "[c]");
    assertThat(spark.sql("SELECT 1 AS one, 'x'").columns()).containsExactly("one", "x");
  }

  @Test
  void stringEntryPoints() {
    assertThat(t.selectExpr("k", "v + 1 AS w", "CAST(d AS STRING)").columns())
        .containsExactly("k", "w", "d"); // a cast keeps the column's name, as in Spark
    assertThat(sorted(t.filter("v > 2 AND k IS NOT NULL").select("k"))).containsExactly("[b]");
    assertThat(sorted(t.where("k = 'c'").select("k"))).containsExactly("[c]");
    assertThat(sorted(t.select(expr("v * 2 AS x")).filter(expr("x > 5"))))
        .containsExactly("[10]", "[6]");
    assertThat(sorted(t.alias("x").join(u.alias("y"), expr("x.k = y.k")).select("name")))
        .containsExactly("[x]", "[x]", "[y]");
  }

  /** A few functions with telling arguments; every function: {@link SqlFunctionRoundTripTest}. */
  @Test
  void coreFunctionsRoundTripByName() {
    String[][] calls = {
      {"count(v)", "count"},
      {"sum(v)", "sum"},
      {"avg(v)", "avg"},
      {"mean(v)", "mean"},
      {"min(v)", "min"},
      {"max(v)", "max"}
    };
    DataFrame api =
        t.agg(
            count(col("v")),
            sum(col("v")),
            io.sluice.functions.avg(col("v")),
            io.sluice.functions.call_function("mean", col("v")),
            io.sluice.functions.min(col("v")),
            io.sluice.functions.max(col("v")));
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < calls.length; i++) sql.append(i > 0 ? ", " : "").append(calls[i][0]);
    same(sql + " FROM t", api);
    same(
        "SELECT coalesce(k, 'none'), nvl(k, 'n'), ifnull(k, 'i'), isnull(k), isnotnull(k),"
            + " not(v > 1), upper(k), ucase(k), lower(k), lcase(k), struct(k, v),"
            + " named_struct('x', k) FROM t",
        t.select(
            io.sluice.functions.coalesce(col("k"), lit("none")),
            io.sluice.functions.call_function("nvl", col("k"), lit("n")),
            io.sluice.functions.call_function("ifnull", col("k"), lit("i")),
            io.sluice.functions.isnull(col("k")),
            col("k").isNotNull(),
            io.sluice.functions.not(col("v").gt(1)),
            io.sluice.functions.upper(col("k")),
            io.sluice.functions.call_function("ucase", col("k")),
            io.sluice.functions.lower(col("k")),
            io.sluice.functions.call_function("lcase", col("k")),
            io.sluice.functions.call_function("struct", col("k"), col("v")),
            io.sluice.functions.call_function("named_struct", lit("x"), col("k"))));
  }

  /** The math and aggregate families: SQL and the DataFrame API give the same columns. */
  @Test
  void mathAndAggregateFunctionsRoundTrip() {
    Column v = col("v");
    Column d = col("d");
    same(
        "SELECT abs(v), sqrt(d), exp(d), expm1(d), ln(d), log10(d), log2(d), log1p(d),"
            + " cbrt(d), sin(d), cos(d), tan(d), asin(d), acos(d), atan(d), sinh(d), cosh(d),"
            + " tanh(d), degrees(d), radians(d), rint(d), signum(d), sign(d), e(), pi() FROM t",
        t.select(
            functions.abs(v),
            functions.sqrt(d),
            functions.exp(d),
            functions.expm1(d),
            functions.ln(d),
            functions.log10(d),
            functions.log2(d),
            functions.log1p(d),
            functions.cbrt(d),
            functions.sin(d),
            functions.cos(d),
            functions.tan(d),
            functions.asin(d),
            functions.acos(d),
            functions.atan(d),
            functions.sinh(d),
            functions.cosh(d),
            functions.tanh(d),
            functions.degrees(d),
            functions.radians(d),
            functions.rint(d),
            functions.signum(d),
            functions.sign(d),
            functions.e(),
            functions.pi()));
    same(
        "SELECT log(d), log(2.0D, d), pow(d, v), power(d, v), atan2(d, v), hypot(d, v),"
            + " round(d), round(d, 1), bround(d, 0), ceil(d), ceiling(d), floor(d),"
            + " greatest(v, d), least(v, d), rand(1), randn(2), random(3) FROM t",
        t.select(
            functions.call_function("log", d),
            functions.log(2.0, d),
            functions.call_function("pow", d, v),
            functions.power(d, v),
            functions.atan2(d, v),
            functions.hypot(d, v),
            functions.round(d),
            functions.round(d, 1),
            functions.bround(d, 0),
            functions.ceil(d),
            functions.ceiling(d),
            functions.floor(d),
            functions.greatest(v, d),
            functions.least(v, d),
            functions.rand(1),
            functions.randn(2),
            functions.call_function("random", lit(3))));
    same(
        "SELECT pmod(v, 2), mod(v, 2), try_add(v, 1), try_subtract(v, 1), try_multiply(v, 2),"
            + " try_divide(v, 0), try_mod(v, 0), negative(v), positive(v) FROM t",
        t.select(
            functions.pmod(v, lit(2)),
            functions.call_function("mod", v, lit(2)),
            functions.try_add(v, lit(1)),
            functions.try_subtract(v, lit(1)),
            functions.try_multiply(v, lit(2)),
            functions.try_divide(v, lit(0)),
            functions.try_mod(v, lit(0)),
            functions.negative(v),
            functions.positive(v)));
    Column k = col("k");
    same(
        "SELECT k, first(k), first_value(k), any_value(k), last(k), last_value(k),"
            + " min_by(k, v), max_by(k, v), collect_list(k), array_agg(k), collect_set(k),"
            + " stddev_samp(v), stddev(v), std(v), stddev_pop(v), var_samp(v), variance(v),"
            + " var_pop(v), corr(v, d), covar_samp(v, d), covar_pop(v, d),"
            + " approx_count_distinct(v), percentile_approx(v, 0.5), approx_percentile(d, 0.5),"
            + " bool_and(v > 1), every(v > 1), bool_or(v > 1), some(v > 1), any(v > 1)"
            + " FROM t GROUP BY k",
        t.groupBy(k)
            .agg(
                functions.first(k),
                functions.first_value(k),
                functions.any_value(k),
                functions.last(k),
                functions.last_value(k),
                functions.min_by(k, v),
                functions.max_by(k, v),
                functions.collect_list(k),
                functions.call_function("array_agg", k),
                functions.collect_set(k),
                functions.stddev_samp(v),
                functions.stddev(v),
                functions.std(v),
                functions.stddev_pop(v),
                functions.var_samp(v),
                functions.variance(v),
                functions.var_pop(v),
                functions.corr(v, d),
                functions.covar_samp(v, d),
                functions.covar_pop(v, d),
                functions.approx_count_distinct(v),
                functions.percentile_approx(v, lit(0.5), lit(10000)),
                functions.approx_percentile(d, lit(0.5), lit(10000)),
                functions.bool_and(v.gt(1)),
                functions.every(v.gt(1)),
                functions.bool_or(v.gt(1)),
                functions.some(v.gt(1)),
                functions.any(v.gt(1))));
  }

  @Test
  void collectionFunctionsRoundTrip() {
    Column v = col("v");
    Column k = col("k");
    same(
        "SELECT array(v, 1), map('a', v), size(array(v)), cardinality(map('a', d)),"
            + " element_at(array(v, 2), 1), element_at(map('a', v), 'a'),"
            + " array_contains(array(v), 1), array_distinct(array(v, v)),"
            + " array_join(array(k, 'x'), '-'), array_join(array(k), '-', '?'),"
            + " sort_array(array(v, 3)), sort_array(array(v, 3), false), array_sort(array(v, 3)),"
            + " slice(array(v, 2, 3), 2, 1), flatten(array(array(v), array(1))),"
            + " map_keys(map('a', v)), map_values(map('a', v)),"
            + " map_from_arrays(array('a'), array(v)) FROM t",
        t.select(
            array(v, lit(1)),
            map(lit("a"), v),
            size(array(v)),
            cardinality(map(lit("a"), col("d"))),
            element_at(array(v, lit(2)), 1),
            element_at(map(lit("a"), v), "a"),
            array_contains(array(v), 1),
            array_distinct(array(v, v)),
            array_join(array(k, lit("x")), "-"),
            array_join(array(k), "-", "?"),
            sort_array(array(v, lit(3))),
            sort_array(array(v, lit(3)), false),
            array_sort(array(v, lit(3))),
            slice(array(v, lit(2), lit(3)), 2, 1),
            flatten(array(array(v), array(lit(1)))),
            map_keys(map(lit("a"), v)),
            map_values(map(lit("a"), v)),
            map_from_arrays(array(lit("a")), array(v))));
    same("SELECT k, explode(array(v, 1)) FROM t", t.select(k, explode(array(v, lit(1)))));
    same("SELECT explode_outer(map('a', v)) FROM t", t.select(explode_outer(map(lit("a"), v))));
    same("SELECT posexplode(array(v)) FROM t", t.select(posexplode(array(v))));
    same("SELECT posexplode_outer(array(d)) FROM t", t.select(posexplode_outer(array(col("d")))));
    same("SELECT inline(array(struct(k, v))) FROM t", t.select(inline(array(struct(k, v)))));
    same(
        "SELECT inline_outer(array(struct(k, v))) FROM t",
        t.select(inline_outer(array(struct(k, v)))));
    same(
        "SELECT k, item FROM t LATERAL VIEW explode(array(v, 1)) x AS item",
        t.select(k, explode(array(v, lit(1))).as("item")));
  }

  @Test
  void lateralViewOuterKeepsRowsWithoutElements() {
    assertThat(
            rows(
                "SELECT k, x.pos, x.item FROM t LATERAL VIEW OUTER posexplode(array())"
                    + " x AS pos, item WHERE k = 'a'"))
        .containsExactly("[a,null,null]", "[a,null,null]");
    assertThat(spark.sql("SELECT * FROM t LATERAL VIEW explode(map('a', v)) m").columns())
        .containsExactly("k", "v", "d", "key", "value");
  }

  /** The date and time family; the current_* functions by a property of their value. */
  @Test
  void dateAndTimeFunctionsRoundTrip() {
    Column day = functions.to_date(lit("2024-02-29"));
    Column ts = functions.to_timestamp(lit("2024-02-29 10:30:45"));
    Column v = col("v");
    same(
        "SELECT year(current_date()) > 2000, now() = current_timestamp(),"
            + " unix_timestamp() > 0, to_date('2024-02-29'),"
            + " to_date('29/02/2024', 'dd/MM/yyyy'), to_timestamp('2024-02-29 10:30:45'),"
            + " to_timestamp('2024-02-29', 'yyyy-MM-dd'),"
            + " unix_timestamp('2024-02-29', 'yyyy-MM-dd'),"
            + " to_unix_timestamp('2024-02-29 00:00:00'),"
            + " date_format(to_timestamp('2024-02-29 10:30:45'), 'yyyy/MM/dd HH'),"
            + " from_unixtime(v), from_unixtime(v, 'yyyy') FROM t",
        t.select(
            functions.year(functions.current_date()).gt(2000),
            functions.now().equalTo(functions.current_timestamp()),
            functions.unix_timestamp().gt(0),
            day,
            functions.to_date(lit("29/02/2024"), "dd/MM/yyyy"),
            ts,
            functions.to_timestamp(lit("2024-02-29"), "yyyy-MM-dd"),
            functions.unix_timestamp(lit("2024-02-29"), "yyyy-MM-dd"),
            functions.to_unix_timestamp(lit("2024-02-29 00:00:00")),
            functions.date_format(ts, "yyyy/MM/dd HH"),
            functions.from_unixtime(v),
            functions.from_unixtime(v, "yyyy")));
    String d = "to_date('2024-02-29')";
    String x = "to_timestamp('2024-02-29 10:30:45')";
    same(
        "SELECT year("
            + d
            + "), quarter("
            + d
            + "), month("
            + d
            + "), dayofmonth("
            + d
            + "), day("
            + d
            + "), dayofweek("
            + d
            + "), dayofyear("
            + d
            + "), weekofyear("
            + d
            + "), hour("
            + x
            + "), minute("
            + x
            + "), second("
            + x
            + "), date_add("
            + d
            + ", v), dateadd("
            + d
            + ", v), date_sub("
            + d
            + ", v), add_months("
            + d
            + ", v),"
            + " datediff("
            + d
            + ", "
            + d
            + "), date_diff("
            + d
            + ", "
            + d
            + "),"
            + " months_between("
            + x
            + ", "
            + d
            + "), last_day("
            + d
            + "),"
            + " next_day("
            + d
            + ", 'MON') FROM t",
        t.select(
            functions.year(day),
            functions.quarter(day),
            functions.month(day),
            functions.dayofmonth(day),
            functions.day(day),
            functions.dayofweek(day),
            functions.dayofyear(day),
            functions.weekofyear(day),
            functions.hour(ts),
            functions.minute(ts),
            functions.second(ts),
            functions.date_add(day, v),
            functions.dateadd(day, v),
            functions.date_sub(day, v),
            functions.add_months(day, v),
            functions.datediff(day, day),
            functions.date_diff(day, day),
            functions.months_between(ts, day),
            functions.last_day(day),
            functions.next_day(day, "MON")));
    same(
        "SELECT date_trunc('HOUR', "
            + x
            + "), trunc("
            + d
            + ", 'MM'), make_date(2024, v, 1),"
            + " make_timestamp(2024, 2, 29, v, 30, 45.5), timestamp_seconds(v),"
            + " timestamp_millis(v), from_utc_timestamp("
            + x
            + ", 'Asia/Tokyo'),"
            + " to_utc_timestamp("
            + x
            + ", 'Asia/Tokyo') FROM t",
        t.select(
            functions.date_trunc("HOUR", ts),
            functions.trunc(day, "MM"),
            functions.make_date(lit(2024), v, lit(1)),
            functions.make_timestamp(
                lit(2024), lit(2), lit(29), v, lit(30), lit(new java.math.BigDecimal("45.5"))),
            functions.timestamp_seconds(v),
            functions.timestamp_millis(v),
            functions.from_utc_timestamp(ts, "Asia/Tokyo"),
            functions.to_utc_timestamp(ts, "Asia/Tokyo")));
  }

  @Test
  void sqlLambdasFailAsInSpark() {
    assertThat(rows("SELECT transform(array(v, 1), v -> v * 10) FROM t WHERE k = 'b'"))
        .containsExactly("[[30, 10]]"); // the lambda argument shadows the column v
    assertThat(spark.sql("SELECT filter(array(v), x -> x > v) FROM t").columns())
        .containsExactly(
            "filter(array(v), lambdafunction((namedlambdavariable() > v),"
                + " namedlambdavariable()))");
    assertLambdaError(
        "SELECT upper(x -> x) FROM t", "INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION");
    assertLambdaError(
        "SELECT transform(array(v), (x, y, z) -> x) FROM t",
        "INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH");
    assertLambdaError(
        "SELECT transform(array(v), (x, X) -> x) FROM t",
        "INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES");
  }

  private static void assertLambdaError(String sql, String errorClass) {
    assertThatThrownBy(() -> spark.sql(sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SluiceException.class, e -> assertThat(e.getErrorClass()).isEqualTo(errorClass));
  }

  @Test
  void viewsCommands() {
    spark.sql("CREATE OR REPLACE TEMPORARY VIEW big AS SELECT k, v FROM t WHERE v > 2");
    assertThat(rows("SELECT k FROM big ORDER BY k")).containsExactly("[null]", "[b]");
    spark.sql("CREATE GLOBAL TEMPORARY VIEW gv AS SELECT 1 AS one");
    try {
      assertThat(rows("SELECT one FROM global_temp.gv")).containsExactly("[1]");
      DataFrame tables = spark.sql("SHOW TABLES");
      assertThat(tables.columns()).containsExactly("namespace", "tableName", "isTemporary");
      assertThat(sorted(tables)).contains("[,big,true]", "[,t,true]", "[,u,true]");
      assertThat(rows("SHOW TABLES LIKE 'b*|u'")).containsExactly("[,big,true]", "[,u,true]");
      assertThat(rows("SHOW VIEWS IN global_temp LIKE 'g*'"))
          .containsExactly("[global_temp,gv,true]");
      assertThat(spark.sql("SHOW VIEWS").columns())
          .containsExactly("namespace", "viewName", "isTemporary");
      DataFrame desc = spark.sql("DESCRIBE TABLE big");
      assertThat(desc.columns()).containsExactly("col_name", "data_type", "comment");
      assertThat(rows("DESCRIBE big")).containsExactly("[k,string,null]", "[v,int,null]");
      spark.sql("DROP VIEW big");
      spark.sql("DROP VIEW IF EXISTS big");
      assertThatThrownBy(() -> spark.sql("DROP VIEW big"))
          .isInstanceOfSatisfying(
              SluiceException.class,
              e -> assertThat(e.getErrorClass()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND"));
      assertThatThrownBy(() -> spark.sql("CREATE TEMPORARY VIEW t AS SELECT 1"))
          .isInstanceOfSatisfying(
              SluiceException.class,
              e -> assertThat(e.getErrorClass()).isEqualTo("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS"));
    } finally {
      spark.sql("DROP VIEW IF EXISTS global_temp.gv");
    }
  }

  @Test
  void functionCommands() {
    DataFrame fns = spark.sql("SHOW FUNCTIONS");
    assertThat(fns.columns()).containsExactly("function");
    // The registry grows: assert properties of the listing, not the exact list.
    List<String> all = names("SHOW FUNCTIONS");
    assertThat(all)
        .hasSize(io.sluice.analysis.FunctionRegistry.builtin().names().size())
        .isSorted()
        .contains("count", "upper", "explode", "transform");
    List<String> c = names("SHOW FUNCTIONS LIKE 'c*'");
    assertThat(c)
        .isSorted()
        .contains("coalesce", "count", "current_date")
        .allMatch(n -> n.startsWith("c"))
        .containsExactlyElementsOf(all.stream().filter(n -> n.startsWith("c")).toList());
    assertThat(names("SHOW FUNCTIONS LIKE 'COUNT|upper'")).containsExactly("count", "upper");
    assertThat(rows("DESCRIBE FUNCTION count"))
        .containsExactly("[Function: count]", "[Usage: count(expr, ...)]");
    assertThatThrownBy(() -> spark.sql("DESCRIBE FUNCTION nope"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("UNRESOLVED_ROUTINE"));
  }

  /** The first column of each row, as strings. */
  private static List<String> names(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) out.add(r.getString(0));
    return out;
  }

  @Test
  void setResetAndExplain() {
    assertThat(rows("SET spark.sql.shuffle.partitions=3"))
        .containsExactly("[spark.sql.shuffle.partitions,3]");
    assertThat(spark.conf().get("sluice.sql.shuffle.partitions")).isEqualTo("3");
    assertThat(rows("SET spark.sql.shuffle.partitions"))
        .containsExactly("[spark.sql.shuffle.partitions,3]");
    assertThat(spark.sql("SET").columns()).containsExactly("key", "value");
    assertThat(rows("SET")).contains("[sluice.sql.shuffle.partitions,3]");
    assertThat(rows("SET no.such.key")).containsExactly("[no.such.key,<undefined>]");
    spark.sql("RESET spark.sql.shuffle.partitions");
    assertThat(rows("SET")).doesNotContain("[sluice.sql.shuffle.partitions,3]");
    DataFrame plan = spark.sql("EXPLAIN SELECT k FROM t WHERE v > 1");
    assertThat(plan.columns()).containsExactly("plan");
    assertThat(plan.collectAsList().get(0).getString(0)).startsWith("== Physical Plan ==");
    assertThat(spark.sql("EXPLAIN EXTENDED SELECT k FROM t").collectAsList().get(0).getString(0))
        .contains("== Parsed Logical Plan ==", "== Analyzed Logical Plan ==");
  }
}
