package io.sluice.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Column;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedExtractValue;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedNamedLambdaVariable;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Generate;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.ArrayType;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans and expressions built from SQL text, construct by construct. */
class SqlParserTest {
  private final SqlParser parser = new SqlParser();

  private String plan(String sql) {
    return parser.parseQuery(sql).treeString().replaceAll("#\\d+", "#").stripTrailing();
  }

  private Expression expr(String sql) {
    return parser.parseExpression(sql);
  }

  private static UnresolvedAttribute attr(String... parts) {
    return new UnresolvedAttribute(List.of(parts));
  }

  @Test
  void selectFromWhere() {
    assertThat(plan("SELECT a, b AS c FROM t WHERE a > 1"))
        .isEqualTo(
            """
        'Project ['a, 'b AS c#]
        +- 'Filter (a > 1)
           +- 'UnresolvedRelation [t]""");
  }

  @Test
  void keywordsAreCaseInsensitiveAndCommentsIgnored() {
    String expected = plan("SELECT a FROM t WHERE a = 1");
    assertThat(plan("select a -- the column\nfRoM t /* a\n comment */ wHeRe a = 1"))
        .isEqualTo(expected);
  }

  @Test
  void selectWithoutFromReadsOneRow() {
    assertThat(plan("SELECT 1"))
        .isEqualTo(
            """
        'Project [unresolvedalias(1)]
        +- LocalRelation []""");
  }

  @Test
  void distinctStarsAndQualifiedStars() {
    assertThat(plan("SELECT DISTINCT * FROM t"))
        .isEqualTo(
            """
        'Distinct
        +- 'Project [*]
           +- 'UnresolvedRelation [t]""");
    assertThat(expr("t.*")).isEqualTo(new UnresolvedStar(List.of("t")));
    assertThat(expr("data.*")).isEqualTo(new UnresolvedStar(List.of("data")));
  }

  @Test
  void groupByHavingOrderByLimit() {
    assertThat(
            plan(
                "SELECT k, count(*) AS n FROM t GROUP BY k HAVING count(*) > 1"
                    + " ORDER BY n DESC NULLS FIRST, k LIMIT 5"))
        .isEqualTo(
            """
        'Limit 5
        +- 'Sort [n DESC NULLS FIRST, k ASC NULLS FIRST], true
           +- 'Filter (count(1) > 1)
              +- 'Aggregate ['k], ['k, 'count(1) AS n#]
                 +- 'UnresolvedRelation [t]""");
  }

  @Test
  void havingWithoutGroupByIsAGlobalAggregate() {
    assertThat(plan("SELECT count(*) FROM t HAVING count(*) > 0"))
        .isEqualTo(
            """
        'Filter (count(1) > 0)
        +- 'Aggregate [], [unresolvedalias('count(1))]
           +- 'UnresolvedRelation [t]""");
  }

  @Test
  void groupByOrdinalsAndAll() {
    assertThat(plan("SELECT a + 1, b AS x, sum(c) FROM t GROUP BY 1, 2"))
        .isEqualTo(
            """
        'Aggregate [(a + 1), 'b], [unresolvedalias((a + 1)), 'b AS x#, unresolvedalias('sum('c))]
        +- 'UnresolvedRelation [t]""");
    assertThat(plan("SELECT a, sum(c) FROM t GROUP BY ALL"))
        .isEqualTo(
            """
        'Aggregate ['ALL], ['a, unresolvedalias('sum('c))]
        +- 'UnresolvedRelation [t]""");
  }

  @Test
  void orderByOrdinalsNameTheSelectItem() {
    assertThat(plan("SELECT a AS x, b FROM t ORDER BY 1, 2 DESC"))
        .isEqualTo(
            """
        'Sort [x ASC NULLS FIRST, b DESC NULLS LAST], true
        +- 'Project ['a AS x#, 'b]
           +- 'UnresolvedRelation [t]""");
  }

  @Test
  void joins() {
    LogicalPlan p = parser.parseQuery("SELECT * FROM a JOIN b ON a.k = b.k");
    Join j = (Join) p.children().get(0);
    assertThat(j.joinType()).isEqualTo(JoinType.INNER);
    assertThat(j.condition())
        .isEqualTo(new Comparison(Comparison.Op.EQ, attr("a", "k"), attr("b", "k")));
    String[][] types = {
      {"INNER JOIN", "INNER"},
      {"LEFT JOIN", "LEFT_OUTER"},
      {"LEFT OUTER JOIN", "LEFT_OUTER"},
      {"RIGHT JOIN", "RIGHT_OUTER"},
      {"RIGHT OUTER JOIN", "RIGHT_OUTER"},
      {"FULL JOIN", "FULL_OUTER"},
      {"FULL OUTER JOIN", "FULL_OUTER"},
      {"LEFT SEMI JOIN", "LEFT_SEMI"},
      {"SEMI JOIN", "LEFT_SEMI"},
      {"LEFT ANTI JOIN", "LEFT_ANTI"},
      {"ANTI JOIN", "LEFT_ANTI"},
      {"CROSS JOIN", "CROSS"}
    };
    for (String[] t : types) {
      Join jt = (Join) parser.parseQuery("SELECT * FROM a " + t[0] + " b").children().get(0);
      assertThat(jt.joinType()).as(t[0]).isEqualTo(JoinType.valueOf(t[1]));
    }
    Join using =
        (Join) parser.parseQuery("SELECT * FROM a LEFT JOIN b USING (k, `j`)").children().get(0);
    assertThat(using.usingColumns()).containsExactly("k", "j");
    assertThat(using.condition()).isNull();
    assertThat(plan("SELECT * FROM a, b x"))
        .isEqualTo(
            """
        'Project [*]
        +- 'Join Inner
           :- 'UnresolvedRelation [a]
           +- 'SubqueryAlias x
              +- 'UnresolvedRelation [b]""");
  }

  @Test
  void subqueriesViewsAndGlobalTempViews() {
    assertThat(plan("SELECT x.a FROM (SELECT a FROM global_temp.v) AS x"))
        .isEqualTo(
            """
        'Project ['x.a]
        +- 'SubqueryAlias x
           +- 'Project ['a]
              +- 'UnresolvedRelation [global_temp, v]""");
    assertThat(plan("SELECT * FROM (SELECT a FROM v)"))
        .contains("'SubqueryAlias __auto_generated_subquery_name");
    assertThat(plan("TABLE v")).isEqualTo("'UnresolvedRelation [v]");
  }

  @Test
  void setOperations() {
    assertThat(plan("SELECT a FROM x UNION ALL SELECT a FROM y UNION ALL SELECT a FROM z"))
        .startsWith(
            "'Union false, false\n:- 'Project ['a]\n:  +- 'UnresolvedRelation [x]\n"
                + ":- 'Project ['a]");
    assertThat(plan("SELECT a FROM x UNION SELECT a FROM y")).startsWith("'Distinct\n+- 'Union");
    assertThat(plan("SELECT a FROM x UNION DISTINCT SELECT a FROM y"))
        .startsWith("'Distinct\n+- 'Union");
    assertThat(parser.parseQuery("SELECT a FROM x EXCEPT SELECT a FROM y"))
        .isInstanceOfSatisfying(Except.class, e -> assertThat(e.isAll()).isFalse());
    assertThat(parser.parseQuery("SELECT a FROM x EXCEPT ALL SELECT a FROM y"))
        .isInstanceOfSatisfying(Except.class, e -> assertThat(e.isAll()).isTrue());
    // INTERSECT binds tighter than UNION.
    LogicalPlan p =
        parser.parseQuery(
            "SELECT a FROM x UNION ALL SELECT a FROM y INTERSECT " + "SELECT a FROM z");
    assertThat(p.children().get(1)).isInstanceOf(Intersect.class);
  }

  @Test
  void minusAliasColumnListsGroupingSetsAndSubqueries() {
    assertThat(parser.parseQuery("SELECT a FROM x MINUS ALL SELECT a FROM y"))
        .isInstanceOfSatisfying(Except.class, e -> assertThat(e.isAll()).isTrue());
    assertThat(plan("SELECT * FROM t AS x(p, q)"))
        .isEqualTo(
            "'Project [*]\n+- 'SubqueryAlias x\n   +- 'UnresolvedSubqueryColumnAliases [p, q]\n"
                + "      +- 'UnresolvedRelation [t]");
    assertThat(plan("SELECT a, count(*) FROM t GROUP BY ROLLUP(a, b)"))
        .startsWith("'Aggregate [GROUPING SETS(('a, 'b), ('a), ())]");
    assertThat(plan("SELECT a FROM t GROUP BY CUBE(a, (b, c))"))
        .startsWith("'Aggregate [GROUPING SETS(('a, 'b, 'c), ('a), ('b, 'c), ())]");
    assertThat(plan("SELECT a FROM t GROUP BY a, b WITH ROLLUP"))
        .startsWith("'Aggregate [GROUPING SETS(('a, 'b), ('a), ())]");
    assertThat(plan("SELECT a FROM t GROUP BY a, GROUPING SETS ((b), ())"))
        .startsWith("'Aggregate [GROUPING SETS(('a, 'b), ('a))]");
    assertThat(expr("a IN (SELECT b FROM u)"))
        .isInstanceOfSatisfying(
            io.sluice.plan.logical.InSubquery.class,
            in -> assertThat(in.plan().treeString()).contains("'UnresolvedRelation [u]"));
    assertThat(expr("NOT EXISTS (SELECT 1)"))
        .isInstanceOfSatisfying(
            io.sluice.plan.expr.Not.class,
            n -> assertThat(n.child()).isInstanceOf(io.sluice.plan.logical.Exists.class));
    assertThat(expr("(SELECT max(b) FROM u) + 1").children().get(0))
        .isInstanceOf(io.sluice.plan.logical.ScalarSubquery.class);
    // exists(array, lambda) is still the higher-order function
    assertThat(expr("exists(arr, x -> x > 1)"))
        .isInstanceOf(io.sluice.plan.expr.UnresolvedFunction.class);
  }

  @Test
  void withCtesAreSubstituted() {
    assertThat(plan("WITH c AS (SELECT a FROM t), d AS (SELECT a FROM c) SELECT * FROM d"))
        .isEqualTo(
            """
            'Project [*]
            +- 'SubqueryAlias d
               +- 'Project ['a]
                  +- 'SubqueryAlias c
                     +- 'Project ['a]
                        +- 'UnresolvedRelation [t]""");
  }

  @Test
  void valuesAreUnitedProjectionsOfOneRow() {
    assertThat(plan("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name)"))
        .isEqualTo(
            """
        'Project [*]
        +- SubqueryAlias t
           +- Union false, false
              :- Project [1 AS id#, a AS name#]
              :  +- LocalRelation []
              +- Project [2 AS id#, b AS name#]
                 +- LocalRelation []""");
    assertThat(plan("VALUES 1, 2")).contains("Project [1 AS col1#]");
  }

  @Test
  void lateralViewAndWindowSpecsParse() {
    LogicalPlan p =
        parser.parseQuery(
            "SELECT id, pos, item FROM b LATERAL VIEW OUTER posexplode(items) x AS pos, item");
    Generate g = (Generate) p.children().get(0);
    assertThat(g.outer()).isTrue();
    assertThat(g.qualifier()).isEqualTo("x");
    assertThat(g.outputNames()).containsExactly("pos", "item");
    assertThat(g.generator())
        .isEqualTo(new UnresolvedFunction("posexplode", List.of(attr("items")), false));
    Expression w = expr("row_number() OVER (PARTITION BY u ORDER BY ts)");
    assertThat(w).isInstanceOf(WindowExpression.class);
    assertThat(w.sql()).isEqualTo("row_number() OVER (PARTITION BY u ORDER BY ts ASC NULLS FIRST)");
  }

  @Test
  void arithmeticAndComparisonsAsTheDataFrameApiBuildsThem() {
    Column a = io.sluice.functions.col("a");
    assertThat(expr("a + 1")).isEqualTo(a.plus(1).expr());
    assertThat(expr("a - 1 * 2")).isEqualTo(a.minus(io.sluice.functions.lit(1).multiply(2)).expr());
    assertThat(expr("a / 2")).isEqualTo(a.divide(2).expr());
    assertThat(expr("a % 2")).isEqualTo(a.mod(2).expr());
    assertThat(expr("a div 2"))
        .isEqualTo(
            new BinaryArithmetic(
                BinaryArithmetic.Op.INTEGRAL_DIVIDE, attr("a"), Literal.of(2), EvalMode.ANSI));
    assertThat(expr("-a")).isEqualTo(a.unary_minus().expr());
    assertThat(expr("a = 1")).isEqualTo(a.equalTo(1).expr());
    assertThat(expr("a == 1")).isEqualTo(a.equalTo(1).expr());
    assertThat(expr("a <> 1")).isEqualTo(a.notEqual(1).expr());
    assertThat(expr("a != 1")).isEqualTo(a.notEqual(1).expr());
    assertThat(expr("a < 1")).isEqualTo(a.lt(1).expr());
    assertThat(expr("a <= 1")).isEqualTo(a.leq(1).expr());
    assertThat(expr("a > 1")).isEqualTo(a.gt(1).expr());
    assertThat(expr("a >= 1")).isEqualTo(a.geq(1).expr());
    assertThat(expr("a <=> 1")).isEqualTo(a.eqNullSafe(1).expr());
    Column b = io.sluice.functions.col("b");
    assertThat(expr("a AND b OR NOT a")).isEqualTo(a.and(b).or(io.sluice.functions.not(a)).expr());
    assertThat(expr("a IS NULL")).isEqualTo(a.isNull().expr());
    assertThat(expr("a IS NOT NULL")).isEqualTo(a.isNotNull().expr());
    assertThat(new SqlParser(false).parseExpression("a + 1"))
        .isEqualTo(
            new BinaryArithmetic(
                BinaryArithmetic.Op.ADD, attr("a"), Literal.of(1), EvalMode.LEGACY));
  }

  @Test
  void predicates() {
    Column a = io.sluice.functions.col("a");
    assertThat(expr("a BETWEEN 1 AND 3")).isEqualTo(a.geq(1).and(a.leq(3)).expr());
    assertThat(expr("a NOT BETWEEN 1 AND 3"))
        .isEqualTo(io.sluice.functions.not(a.geq(1).and(a.leq(3))).expr());
    assertThat(expr("a IN (1, 2)").sql()).isEqualTo("(a IN (1, 2))");
    assertThat(expr("a NOT IN (1, 2)").sql()).isEqualTo("(NOT (a IN (1, 2)))");
    assertThat(expr("a LIKE 'x%'"))
        .isEqualTo(new UnresolvedFunction("like", List.of(attr("a"), Literal.of("x%")), false));
    assertThat(expr("a NOT RLIKE '^x'").sql()).isEqualTo("(NOT rlike(a, ^x))");
    assertThat(expr("a IS DISTINCT FROM b").sql()).isEqualTo("(NOT (a <=> b))");
    assertThat(expr("a IS NOT DISTINCT FROM b").sql()).isEqualTo("(a <=> b)");
    assertThat(expr("a IS TRUE").sql()).isEqualTo("(a <=> true)");
  }

  @Test
  void caseCastAndAccessors() {
    assertThat(expr("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END").sql())
        .isEqualTo("CASE WHEN (a > 1) THEN x WHEN (a > 0) THEN y ELSE z END");
    assertThat(expr("CASE a WHEN 1 THEN 'x' END").sql()).isEqualTo("CASE WHEN (a = 1) THEN x END");
    assertThat(expr("CAST(a AS INT)"))
        .isEqualTo(Cast.user(attr("a"), DataTypes.IntegerType, EvalMode.ANSI));
    assertThat(expr("a::string"))
        .isEqualTo(Cast.user(attr("a"), DataTypes.StringType, EvalMode.ANSI));
    assertThat(expr("TRY_CAST(a AS BIGINT)"))
        .isEqualTo(Cast.user(attr("a"), DataTypes.LongType, EvalMode.TRY));
    assertThat(expr("a.b.c")).isEqualTo(attr("a", "b", "c"));
    assertThat(expr("arr[0]")).isEqualTo(new UnresolvedExtractValue(attr("arr"), Literal.of(0)));
    assertThat(expr("m['k']")).isEqualTo(new UnresolvedExtractValue(attr("m"), Literal.of("k")));
    assertThat(expr("arr[0].f"))
        .isEqualTo(
            new UnresolvedExtractValue(
                new UnresolvedExtractValue(attr("arr"), Literal.of(0)), Literal.of("f")));
    assertThat(expr("window.end")).isEqualTo(attr("window", "end"));
    assertThat(expr("`a.b`.`c``d`")).isEqualTo(attr("a.b", "c`d"));
  }

  @Test
  void typesBySqlName() {
    String[][] cases = {
      {"STRING", "string"},
      {"INT", "int"},
      {"INTEGER", "int"},
      {"BIGINT", "bigint"},
      {"DOUBLE", "double"},
      {"FLOAT", "float"},
      {"BOOLEAN", "boolean"},
      {"TIMESTAMP", "timestamp"},
      {"DATE", "date"},
      {"BINARY", "binary"},
      {"SMALLINT", "smallint"},
      {"TINYINT", "tinyint"},
      {"DECIMAL(10, 2)", "decimal(10,2)"},
      {"DECIMAL", "decimal(10,0)"},
      {"ARRAY<INT>", "array<int>"},
      {"MAP<STRING, ARRAY<INT>>", "map<string,array<int>>"},
      {"STRUCT<a: INT, b STRING>", "struct<a:int,b:string>"},
      {"INTERVAL DAY TO SECOND", "interval day to second"},
      {"INTERVAL YEAR TO MONTH", "interval year to month"}
    };
    for (String[] c : cases) {
      assertThat(parser.parseDataType(c[0]).simpleString()).as(c[0]).isEqualTo(c[1]);
    }
    assertThat(parser.parseDataType("array<struct<x: double>>"))
        .isEqualTo(new ArrayType(new StructType().add("x", DataTypes.DoubleType), true));
    assertThat(parser.parseDataType("map<int,int>")).isInstanceOf(MapType.class);
  }

  @Test
  void functionsCountStarAndDistinct() {
    assertThat(expr("count(*)"))
        .isEqualTo(io.sluice.functions.count(io.sluice.functions.col("*")).expr());
    assertThat(expr("count(DISTINCT x)")).isEqualTo(io.sluice.functions.countDistinct("x").expr());
    assertThat(expr("window(ts, '1 minute', '30 seconds')"))
        .isEqualTo(
            new UnresolvedFunction(
                "window",
                List.of(attr("ts"), Literal.of("1 minute"), Literal.of("30 seconds")),
                false));
    assertThat(expr("to_json(struct(*))").sql()).isEqualTo("to_json(struct(*))");
    assertThat(expr("current_timestamp()"))
        .isEqualTo(new UnresolvedFunction("current_timestamp", List.of(), false));
    assertThat(expr("current_date"))
        .isEqualTo(new UnresolvedFunction("current_date", List.of(), false));
    assertThat(expr("a || b"))
        .isEqualTo(new UnresolvedFunction("concat", List.of(attr("a"), attr("b")), false));
    assertThat(expr("left(s, 2)").sql()).isEqualTo("left(s, 2)");
  }

  @Test
  void lambdasAsTheDataFrameApiBuildsThem() {
    UnresolvedNamedLambdaVariable x = new UnresolvedNamedLambdaVariable("x");
    UnresolvedNamedLambdaVariable acc = new UnresolvedNamedLambdaVariable("acc");
    // Uses in the body stay names: the analyzer binds them to the arguments first.
    assertThat(expr("transform(a, x -> x + 1)"))
        .isEqualTo(
            new UnresolvedFunction(
                "transform",
                List.of(
                    attr("a"),
                    new LambdaFunction(
                        new BinaryArithmetic(
                            BinaryArithmetic.Op.ADD, attr("x"), Literal.of(1), EvalMode.ANSI),
                        List.of(x))),
                false));
    assertThat(expr("aggregate(a, 0, (acc, x) -> acc + x, acc -> acc)"))
        .isEqualTo(
            new UnresolvedFunction(
                "aggregate",
                List.of(
                    attr("a"),
                    Literal.of(0),
                    new LambdaFunction(
                        new BinaryArithmetic(
                            BinaryArithmetic.Op.ADD, attr("acc"), attr("x"), EvalMode.ANSI),
                        List.of(acc, x)),
                    new LambdaFunction(attr("acc"), List.of(acc))),
                false));
    // The body extends to the end of the argument: a whole boolean expression.
    assertThat(expr("filter(a, x -> x > 1 AND x < 3)").sql())
        .isEqualTo("filter(a, lambdafunction(((x > 1) AND (x < 3)), x))");
    assertThat(expr("transform(a, `my x` -> `my x`)").sql())
        .isEqualTo("transform(a, lambdafunction(`my x`, my x))");
    assertThat(expr("a - -1").sql()).isEqualTo("(a - -1)");
  }

  @Test
  void reservedWordsThatNameFunctions() {
    assertThat(expr("like(s, 'a%')"))
        .isEqualTo(new UnresolvedFunction("like", List.of(attr("s"), Literal.of("a%")), false));
    assertThat(expr("RLIKE(s, 'a')"))
        .isEqualTo(new UnresolvedFunction("rlike", List.of(attr("s"), Literal.of("a")), false));
    assertThat(expr("s LIKE 'a%'")).isEqualTo(expr("like(s, 'a%')"));
    assertThat(expr("right(s, 1)"))
        .isEqualTo(new UnresolvedFunction("right", List.of(attr("s"), Literal.of(1)), false));
  }

  @Test
  void numericLiterals() {
    assertThat(expr("1")).isEqualTo(Literal.of(1));
    assertThat(expr("-1")).isEqualTo(Literal.of(-1));
    assertThat(expr("2147483648")).isEqualTo(Literal.of(2147483648L));
    assertThat(expr("1L")).isEqualTo(Literal.of(1L));
    assertThat(expr("7S")).isEqualTo(new Literal((short) 7, DataTypes.ShortType));
    assertThat(expr("7Y")).isEqualTo(new Literal((byte) 7, DataTypes.ByteType));
    assertThat(expr("1.5")).isEqualTo(new Literal(new BigDecimal("1.5"), new DecimalType(2, 1)));
    assertThat(expr(".5")).isEqualTo(new Literal(new BigDecimal("0.5"), new DecimalType(1, 1)));
    assertThat(expr("1.5D")).isEqualTo(Literal.of(1.5));
    assertThat(expr("1e3")).isEqualTo(Literal.of(1000.0));
    assertThat(expr("1.5F")).isEqualTo(new Literal(1.5f, DataTypes.FloatType));
    assertThat(expr("1.50BD"))
        .isEqualTo(new Literal(new BigDecimal("1.50"), new DecimalType(3, 2)));
    assertThat(expr("12345678901234567890"))
        .isEqualTo(new Literal(new BigDecimal("12345678901234567890"), new DecimalType(20, 0)));
  }

  @Test
  void stringBooleanNullAndTypedLiterals() {
    assertThat(expr("'it''s'")).isEqualTo(Literal.of("it's"));
    assertThat(expr("\"a\\tb\"")).isEqualTo(Literal.of("a\tb"));
    assertThat(expr("'a' 'b'")).isEqualTo(Literal.of("ab"));
    assertThat(expr("'\\u0041'")).isEqualTo(Literal.of("A"));
    assertThat(expr("TRUE")).isEqualTo(Literal.TRUE);
    assertThat(expr("false")).isEqualTo(Literal.FALSE);
    assertThat(expr("NULL")).isEqualTo(Literal.NULL);
    assertThat(expr("DATE '2024-02-29'")).isEqualTo(new Literal(19782, DataTypes.DateType));
    // read in the parser's (session) time zone
    assertThat(
            new SqlParser(true, java.time.ZoneId.of("UTC"))
                .parseExpression("TIMESTAMP '2024-01-01 10:00:00'"))
        .isEqualTo(new Literal(1_704_103_200_000_000L, DataTypes.TimestampType));
    assertThat(
            new SqlParser(true, java.time.ZoneId.of("+02:00"))
                .parseExpression("TIMESTAMP '2024-01-01 10:00:00'"))
        .isEqualTo(new Literal(1_704_096_000_000_000L, DataTypes.TimestampType));
    assertThat(expr("X'0aFF'"))
        .isEqualTo(new Literal(new byte[] {0x0a, (byte) 0xff}, DataTypes.BinaryType));
  }

  @Test
  void intervalLiteralsAreAnsiIntervalsWhenTheUnitsAllowIt() {
    long minute = 60_000_000L;
    assertThat(expr("INTERVAL 5 MINUTES"))
        .isEqualTo(
            new Literal(
                5 * minute,
                new DayTimeIntervalType(DayTimeIntervalType.MINUTE, DayTimeIntervalType.MINUTE)));
    assertThat(expr("INTERVAL '5' MINUTE")).isEqualTo(expr("INTERVAL 5 MINUTES"));
    assertThat(expr("INTERVAL 1 HOUR 30 MINUTES"))
        .isEqualTo(
            new Literal(
                90 * minute,
                new DayTimeIntervalType(DayTimeIntervalType.HOUR, DayTimeIntervalType.MINUTE)));
    assertThat(expr("INTERVAL 90 SECONDS"))
        .isEqualTo(
            new Literal(
                90_000_000L,
                new DayTimeIntervalType(DayTimeIntervalType.MINUTE, DayTimeIntervalType.SECOND)));
    assertThat(expr("INTERVAL 2 DAYS").sql()).isEqualTo("INTERVAL '2' DAY");
    assertThat(expr("INTERVAL 14 MONTHS"))
        .isEqualTo(
            new Literal(
                14,
                new YearMonthIntervalType(
                    YearMonthIntervalType.YEAR, YearMonthIntervalType.MONTH)));
    assertThat(expr("INTERVAL 1 YEAR"))
        .isEqualTo(
            new Literal(
                12,
                new YearMonthIntervalType(YearMonthIntervalType.YEAR, YearMonthIntervalType.YEAR)));
    assertThat(expr("INTERVAL 1 MONTH 2 DAYS"))
        .isEqualTo(new Literal(new CalendarInterval(1, 2, 0), DataTypes.CalendarIntervalType));
    assertThat(expr("INTERVAL '10 minutes'"))
        .isEqualTo(
            new Literal(new CalendarInterval(0, 0, 10 * minute), DataTypes.CalendarIntervalType));
    assertThat(expr("INTERVAL '1 02:03' DAY TO MINUTE"))
        .isEqualTo(
            Cast.user(
                Literal.of("1 02:03"),
                new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.MINUTE),
                EvalMode.ANSI));
  }

  @Test
  void nonReservedKeywordsAndCommonNamesAreIdentifiers() {
    for (String name :
        new String[] {
          "date",
          "timestamp",
          "window",
          "type",
          "value",
          "key",
          "year",
          "hour",
          "first",
          "last",
          "comment",
          "range",
          "view",
          "table",
          "function"
        }) {
      assertThat(plan("SELECT " + name + " FROM t AS " + name))
          .as(name)
          .startsWith("'Project ['" + name + "]");
    }
    assertThat(expr("`select`")).isEqualTo(attr("select"));
  }

  @Test
  void aliasesWithAndWithoutAs() {
    assertThat(plan("SELECT a x, b AS `y z` FROM t")).startsWith("'Project ['a AS x#, 'b AS y z#]");
  }

  @Test
  void statements() {
    assertThat(parser.parseStatement("CREATE OR REPLACE TEMPORARY VIEW v AS SELECT 1"))
        .isInstanceOfSatisfying(
            Statement.CreateTempView.class,
            v -> {
              assertThat(v.name()).isEqualTo("v");
              assertThat(v.replace()).isTrue();
              assertThat(v.global()).isFalse();
            });
    assertThat(parser.parseStatement("create global temp view g as select 1"))
        .isInstanceOfSatisfying(
            Statement.CreateTempView.class, v -> assertThat(v.global()).isTrue());
    assertThat(parser.parseStatement("DROP VIEW IF EXISTS global_temp.g"))
        .isEqualTo(new Statement.DropView(List.of("global_temp", "g"), true));
    assertThat(parser.parseStatement("SHOW TABLES"))
        .isEqualTo(new Statement.ShowTables(List.of(), null, false));
    assertThat(parser.parseStatement("SHOW VIEWS IN global_temp LIKE 'a*'"))
        .isEqualTo(new Statement.ShowTables(List.of("global_temp"), "a*", true));
    assertThat(parser.parseStatement("SHOW FUNCTIONS 'c*'"))
        .isEqualTo(new Statement.ShowFunctions("c*"));
    assertThat(parser.parseStatement("DESCRIBE TABLE v"))
        .isEqualTo(new Statement.DescribeRelation(List.of("v"), false));
    assertThat(parser.parseStatement("DESC v"))
        .isEqualTo(new Statement.DescribeRelation(List.of("v"), false));
    assertThat(parser.parseStatement("DESCRIBE FUNCTION EXTENDED count"))
        .isEqualTo(new Statement.DescribeFunction("count", true));
    assertThat(parser.parseStatement("EXPLAIN EXTENDED SELECT 1"))
        .isInstanceOfSatisfying(
            Statement.Explain.class, e -> assertThat(e.mode()).isEqualTo("extended"));
    assertThat(parser.parseStatement("SET spark.sql.shuffle.partitions = 4;"))
        .isEqualTo(new Statement.SetConfig("spark.sql.shuffle.partitions", "4", false));
    assertThat(parser.parseStatement("SET")).isEqualTo(new Statement.SetConfig(null, null, false));
    assertThat(parser.parseStatement("SET -v"))
        .isEqualTo(new Statement.SetConfig(null, null, true));
    assertThat(parser.parseStatement("set a.b"))
        .isEqualTo(new Statement.SetConfig("a.b", null, false));
    assertThat(parser.parseStatement("RESET")).isEqualTo(new Statement.ResetConfig(null));
    assertThat(parser.parseStatement("RESET a.b")).isEqualTo(new Statement.ResetConfig("a.b"));
  }

  @Test
  void identifiersAndAliasedExpressions() {
    assertThat(parser.parseMultipartIdentifier("global_temp.`my view`"))
        .containsExactly("global_temp", "my view");
    assertThat(expr("a + 1 AS b").sql()).isEqualTo("(a + 1) AS b");
  }
}
