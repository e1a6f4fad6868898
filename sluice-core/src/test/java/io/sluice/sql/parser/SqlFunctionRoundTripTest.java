package io.sluice.sql.parser;

import static io.sluice.functions.coalesce;
import static io.sluice.functions.col;
import static io.sluice.functions.lit;
import static io.sluice.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Column;
import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.analysis.FunctionRegistry;
import io.sluice.analysis.FunctionSpec;
import io.sluice.expressions.Window;
import io.sluice.expressions.WindowSpec;
import io.sluice.functions;
import io.sluice.sql.parser.FunctionRoundTrip.Outcome;
import io.sluice.sql.parser.FunctionRoundTrip.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every registered function round-trips by name between SQL and the DataFrame API (issue 4). For
 * each name of the registry an argument list is generated from a pool of typed columns and literals
 * ({@link RoundTripTable}), and {@code SELECT name(args) FROM t} is compared with the same call
 * through {@code io.sluice.functions} (its Spark-named method taking Columns, else {@code
 * call_function}): same column names, types and rows ({@code t.agg} for aggregates). Higher-order
 * functions are checked with written SQL lambdas ({@link #lambdaCases()}). Functions the generator
 * cannot call are listed in {@link #NOT_GENERATED} with a reason; a registered function that is
 * neither generated nor listed fails the test, so coverage cannot drop silently when functions are
 * added.
 */
class SqlFunctionRoundTripTest {
  /** Values depend on the clock: names and types are compared, not values. */
  private static final Set<String> CLOCK_DEPENDENT =
      Set.of("current_date", "current_timestamp", "now");

  /**
   * Functions whose Spark-named method of {@code functions} names its column otherwise, as in
   * Spark: compared in full with {@code call_function}, and with the method on types and rows.
   */
  private static final Map<String, String> METHOD_NAMED_OTHERWISE =
      Map.of(
          "log", "functions.log(e) is the natural logarithm ln(e); SQL log(e) is LOG(E(), e)",
          "mean", "functions.mean(e) is avg(e), named avg(e)",
          "pow", "functions.pow(l, r) is named POWER(l, r)");

  /**
   * Functions neither generated nor written in {@link #lambdaCases()}, with the reason (kept empty
   * when possible: every entry is a function without a round trip here).
   */
  private static final Map<String, String> NOT_GENERATED =
      Map.of(
          "grouping",
          "only valid in an aggregation by ROLLUP, CUBE or GROUPING SETS: GroupingAnalyticsTest",
          "grouping_id",
          "only valid in an aggregation by ROLLUP, CUBE or GROUPING SETS: GroupingAnalyticsTest");

  private static Session spark;
  private static DataFrame t;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("sql-functions").create();
    t = RoundTripTable.create(spark);
    t.createOrReplaceTempView("t");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A written round trip: the SELECT item and the API column meaning the same. */
  private record Case(String name, String sql, Column api) {}

  /**
   * The higher-order functions with SQL lambdas, against the API's Java lambdas (the generator has
   * no lambdas in its pool, so it skips the functions written here).
   */
  private static List<Case> lambdaCases() {
    Column a = col("a");
    return List.of(
        new Case("transform", "transform(a, x -> x + 1)", functions.transform(a, x -> x.plus(1))),
        new Case(
            "transform",
            "transform(a, (x, k) -> x * k)",
            functions.transform(a, (x, k) -> x.multiply(k))),
        // A lambda argument shadows the column of the same name; the body reads a column too.
        new Case(
            "transform", "transform(a, i -> i + d)", functions.transform(a, x -> x.plus(col("d")))),
        new Case(
            "transform",
            "transform(aa, x -> transform(x, y -> y + size(x)))",
            functions.transform(
                col("aa"), x -> functions.transform(x, y -> y.plus(functions.size(x))))),
        new Case("filter", "filter(a, x -> x > 1)", functions.filter(a, x -> x.gt(1))),
        new Case(
            "filter",
            "filter(sa, (x, k) -> k > 0)",
            functions.filter(col("sa"), (x, k) -> k.gt(0))),
        new Case("exists", "exists(a, x -> x IS NULL)", functions.exists(a, Column::isNull)),
        new Case("forall", "forall(a, x -> x > 1)", functions.forall(a, x -> x.gt(1))),
        new Case(
            "aggregate",
            "aggregate(a, 0, (acc, x) -> acc + coalesce(x, 0))",
            functions.aggregate(a, lit(0), (acc, x) -> acc.plus(coalesce(x, lit(0))))),
        new Case(
            "aggregate",
            "aggregate(a, 0L, (acc, x) -> acc + coalesce(x, 0), acc -> acc * 10)",
            functions.aggregate(
                a, lit(0L), (acc, x) -> acc.plus(coalesce(x, lit(0))), acc -> acc.multiply(10))),
        new Case(
            "zip_with",
            "zip_with(a, sa, (x, y) -> concat(y, x))",
            functions.zip_with(a, col("sa"), (x, y) -> functions.concat(y, x))),
        new Case(
            "reduce",
            "reduce(a, 0, (acc, x) -> acc + coalesce(x, 0), acc -> acc * 10)",
            functions.reduce(
                a, lit(0), (acc, x) -> acc.plus(coalesce(x, lit(0))), acc -> acc.multiply(10))),
        new Case(
            "map_filter",
            "map_filter(mp, (k, v) -> v > 0)",
            functions.map_filter(col("mp"), (k, v) -> v.gt(0))),
        new Case(
            "transform_values",
            "transform_values(mp, (k, v) -> v + i)",
            functions.transform_values(col("mp"), (k, v) -> v.plus(col("i")))),
        new Case(
            "transform_keys",
            "transform_keys(mp, (k, v) -> concat(k, s))",
            functions.transform_keys(col("mp"), (k, v) -> functions.concat(k, col("s")))),
        new Case(
            "map_zip_with",
            "map_zip_with(mp, mp, (k, v1, v2) -> v1 + v2)",
            functions.map_zip_with(col("mp"), col("mp"), (k, v1, v2) -> v1.plus(v2))),
        new Case("array_sort", "array_sort(a)", functions.array_sort(a)),
        new Case(
            "array_sort",
            "array_sort(a, (l, r) -> CASE WHEN l < r THEN 1 WHEN l > r THEN -1 ELSE 0 END)",
            functions.array_sort(a, (l, r) -> when(l.lt(r), 1).when(l.gt(r), -1).otherwise(0))),
        // the field of extract/date_part is a constant string the generator does not invent
        new Case(
            "extract",
            "extract(SECOND FROM ts)",
            functions.extract(functions.lit("SECOND"), functions.col("ts"))),
        new Case(
            "date_part",
            "date_part('dow', dt)",
            functions.date_part(functions.lit("dow"), functions.col("dt"))),
        new Case(
            "datepart",
            "datepart('YEAR', ts)",
            functions.datepart(functions.lit("YEAR"), functions.col("ts"))));
  }

  /**
   * The window functions, which are only callable with {@code OVER}, and {@code window_time}, which
   * needs a window column: written with a window over the table.
   */
  private static List<Case> windowCases() {
    WindowSpec w = Window.partitionBy("b").orderBy("i");
    String over = " OVER (PARTITION BY b ORDER BY i)";
    return List.of(
        new Case("row_number", "row_number()" + over, functions.row_number().over(w)),
        new Case("rank", "rank()" + over, functions.rank().over(w)),
        new Case("dense_rank", "dense_rank()" + over, functions.dense_rank().over(w)),
        new Case("percent_rank", "percent_rank()" + over, functions.percent_rank().over(w)),
        new Case("cume_dist", "cume_dist()" + over, functions.cume_dist().over(w)),
        new Case("ntile", "ntile(2)" + over, functions.ntile(2).over(w)),
        new Case("lag", "lag(s, 1, 'x')" + over, functions.lag(col("s"), 1, "x").over(w)),
        new Case("lead", "lead(d)" + over, functions.lead(col("d"), 1).over(w)),
        new Case("nth_value", "nth_value(l, 1)" + over, functions.nth_value(col("l"), 1).over(w)),
        new Case(
            "window_time",
            "window_time(window(ts, '10 minutes'))",
            functions.window_time(functions.window(col("ts"), "10 minutes"))));
  }

  @Test
  void everyRegisteredFunctionRoundTripsByName() {
    FunctionRegistry registry = FunctionRegistry.builtin();
    FunctionRoundTrip generator = new FunctionRoundTrip(spark, t, RoundTripTable.pool());
    List<Outcome> outcomes = new ArrayList<>();
    Set<String> written = new TreeSet<>();
    List<Case> cases = new ArrayList<>(lambdaCases());
    cases.addAll(windowCases());
    for (Case c : cases) {
      outcomes.add(generator.check(c.name(), c.sql(), c.api(), false));
      written.add(c.name());
    }
    for (String name : registry.names()) {
      if (NOT_GENERATED.containsKey(name) || written.contains(name)) continue;
      FunctionSpec spec = registry.lookup(name).orElseThrow();
      outcomes.add(
          generator.generate(
              spec, !CLOCK_DEPENDENT.contains(name), METHOD_NAMED_OTHERWISE.containsKey(name)));
    }
    if (Boolean.getBoolean("sluice.roundtrip.verbose")) outcomes.forEach(System.out::println);
    Map<Status, Set<String>> byStatus = new TreeMap<>();
    for (Outcome o : outcomes) {
      byStatus.computeIfAbsent(o.status(), s -> new TreeSet<>()).add(o.name());
    }
    System.out.println(
        "Function round trips: "
            + byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList()
            + ", written: "
            + written.size()
            + ", not generated: "
            + NOT_GENERATED.size()
            + "\n"
            + byStatus);

    assertThat(outcomes).as("round trips that failed").filteredOn(o -> !o.passed()).isEmpty();
    Set<String> roundTripped = new TreeSet<>();
    for (Outcome o : outcomes) if (o.passed()) roundTripped.add(o.name());
    Set<String> uncovered = new TreeSet<>(registry.names());
    uncovered.removeAll(roundTripped);
    uncovered.removeAll(NOT_GENERATED.keySet());
    assertThat(uncovered).as("registered functions neither generated nor written").isEmpty();
    assertThat(registry.names())
        .as("listed functions must be registered")
        .containsAll(NOT_GENERATED.keySet())
        .containsAll(METHOD_NAMED_OTHERWISE.keySet())
        .containsAll(CLOCK_DEPENDENT)
        .containsAll(written);
  }
}
