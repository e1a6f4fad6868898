package io.sluice.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.ParseException;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL constructs with a syntax of their own: column lists of table aliases, ILIKE and LIKE ANY/ALL,
 * TRIM/SUBSTRING/POSITION/EXTRACT special forms, IGNORE/RESPECT NULLS, typed literals,
 * count(DISTINCT a, b). Each checks Spark's column name, type and rows.
 */
class SqlSpecialFormsTest {
  private static Session spark;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").appName("forms").create();
    StructType schema =
        new StructType()
            .add("k", DataTypes.StringType)
            .add("v", DataTypes.IntegerType)
            .add("s", DataTypes.StringType);
    spark
        .createDataFrame(
            List.of(
                row("a", 1, "xxAbcxx"),
                row("a", null, "Hello"),
                row("b", 2, null),
                row(null, 2, "hello world"),
                row("b", 3, "ABC")),
            schema)
        .createOrReplaceTempView("t");
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
    return out;
  }

  private static List<String> sortedRows(String sql) {
    List<String> out = rows(sql);
    out.sort(null);
    return out;
  }

  private static String name(String sql) {
    return spark.sql(sql).columns()[0];
  }

  @Test
  void tableAliasWithColumnList() {
    DataFrame df = spark.sql("SELECT x.a, b FROM t AS x(a, b, c) WHERE x.c = 'ABC'");
    assertThat(df.columns()).containsExactly("a", "b");
    assertThat(df.collectAsList().toString()).isEqualTo("[[b,3]]");
    assertThat(rows("SELECT * FROM (SELECT k, v FROM t WHERE v = 1) q(p, r)"))
        .containsExactly("[a,1]");
    assertThat(spark.sql("SELECT * FROM (SELECT 1, 2) AS q(p, r)").columns())
        .containsExactly("p", "r");
    assertThat(spark.sql("SELECT t2.* FROM VALUES (1, 'x') AS t2(id, name)").columns())
        .containsExactly("id", "name");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM t AS x(a)"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "[ASSIGNMENT_ARITY_MISMATCH] The number of columns or variables assigned or aliased:"
                + " 3 does not match the number of source expressions: 1. SQLSTATE: 42802");
  }

  @Test
  void ilike() {
    assertThat(name("SELECT s ILIKE 'h%' FROM t")).isEqualTo("ilike(s, h%)");
    assertThat(sortedRows("SELECT s FROM t WHERE s ILIKE 'h%'"))
        .containsExactly("[Hello]", "[hello world]");
    assertThat(sortedRows("SELECT s FROM t WHERE s NOT ILIKE '%B%'"))
        .containsExactly("[Hello]", "[hello world]");
    assertThat(rows("SELECT 'A_b' ILIKE 'a!_B' ESCAPE '!'")).containsExactly("[true]");
  }

  @Test
  void likeAnyAndAll() {
    assertThat(sortedRows("SELECT s FROM t WHERE s LIKE ANY ('H%', '%C')"))
        .containsExactly("[ABC]", "[Hello]");
    assertThat(sortedRows("SELECT s FROM t WHERE s LIKE SOME ('H%', '%C')"))
        .containsExactly("[ABC]", "[Hello]");
    assertThat(rows("SELECT s FROM t WHERE s LIKE ALL ('%x', 'x%', '%A%')"))
        .containsExactly("[xxAbcxx]");
    assertThat(sortedRows("SELECT s FROM t WHERE s NOT LIKE ANY ('%l%', '%x%')"))
        .containsExactly("[ABC]", "[Hello]", "[hello world]", "[xxAbcxx]");
    assertThat(sortedRows("SELECT s FROM t WHERE s NOT LIKE ALL ('%l%', '%x%')"))
        .containsExactly("[ABC]");
    assertThat(sortedRows("SELECT s FROM t WHERE s ILIKE ANY ('a%', 'x%')"))
        .containsExactly("[ABC]", "[xxAbcxx]");
    // Three-valued: a null pattern leaves an undecided result null.
    assertThat(
            rows(
                "SELECT 'a' LIKE ANY ('b', NULL), 'a' LIKE ANY ('a', NULL),"
                    + " 'a' LIKE ALL ('a', NULL), 'a' LIKE ALL ('b', NULL)"))
        .containsExactly("[null,true,null,false]");
    assertThatThrownBy(() -> spark.sql("SELECT s LIKE ANY () FROM t"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("PARSE_SYNTAX_ERROR");
  }

  @Test
  void trimForms() {
    assertThat(name("SELECT TRIM(BOTH 'x' FROM s) FROM t")).isEqualTo("TRIM(BOTH x FROM s)");
    assertThat(name("SELECT TRIM(LEADING 'x' FROM s) FROM t")).isEqualTo("TRIM(LEADING x FROM s)");
    assertThat(name("SELECT TRIM(TRAILING 'x' FROM s) FROM t"))
        .isEqualTo("TRIM(TRAILING x FROM s)");
    assertThat(name("SELECT TRIM('x' FROM s) FROM t")).isEqualTo("TRIM(BOTH x FROM s)");
    assertThat(name("SELECT TRIM(FROM s) FROM t")).isEqualTo("trim(s)");
    assertThat(
            rows(
                "SELECT TRIM(BOTH 'x' FROM s), TRIM(LEADING 'x' FROM s),"
                    + " TRIM(TRAILING 'x' FROM s), TRIM(BOTH FROM '  a  '), trim(s)"
                    + " FROM t WHERE v = 1"))
        .containsExactly("[Abc,Abcxx,xxAbc,a,xxAbcxx]");
    assertThat(rows("SELECT trim(k) FROM t WHERE v = 1")).containsExactly("[a]");
  }

  @Test
  void substringAndPositionForms() {
    assertThat(name("SELECT SUBSTRING(s FROM 2 FOR 3) FROM t")).isEqualTo("substring(s, 2, 3)");
    assertThat(name("SELECT SUBSTRING(s FROM 2) FROM t")).isEqualTo("substring(s, 2, 2147483647)");
    assertThat(rows("SELECT SUBSTRING(s FROM 2 FOR 3), SUBSTR(s FROM 3) FROM t WHERE v = 1"))
        .containsExactly("[xAb,Abcxx]");
    assertThat(name("SELECT POSITION('b' IN s) FROM t")).isEqualTo("locate(b, s, 1)");
    assertThat(rows("SELECT POSITION('b' IN s), POSITION(NULL IN s) FROM t WHERE v = 1"))
        .containsExactly("[4,null]");
    // the function-call forms are unchanged
    assertThat(rows("SELECT substring(s, 2, 3), position('b', s) FROM t WHERE v = 1"))
        .containsExactly("[xAb,4]");
  }

  @Test
  void ignoreAndRespectNulls() {
    DataFrame df =
        spark.sql(
            "SELECT first(v) IGNORE NULLS AS f, last(s) RESPECT NULLS AS l,"
                + " first_value(v) IGNORE NULLS FROM (SELECT * FROM t WHERE k = 'a' ORDER BY v)");
    assertThat(df.columns()).containsExactly("f", "l", "first_value(v)");
    assertThat(df.collectAsList().toString()).isEqualTo("[[1,xxAbcxx,1]]");
    assertThat(name("SELECT last(v) IGNORE NULLS FROM t")).isEqualTo("last(v)");
    assertThat(rows("SELECT abs(-1) RESPECT NULLS")).containsExactly("[1]");
    assertThatThrownBy(() -> spark.sql("SELECT abs(v) IGNORE NULLS FROM t"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "[INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX] Invalid SQL syntax: The"
                + " function `abs` does not support IGNORE NULLS. SQLSTATE: 42000");
  }

  @Test
  void typedLiteralsAreLiteralsNamedAsInSpark() {
    DataFrame df =
        spark.sql(
            "SELECT TIMESTAMP '2024-01-01 00:00:00', DATE '2024-02-29',"
                + " TIMESTAMP '2024-01-01 10:11:12.5', X'CAFE'");
    assertThat(df.columns())
        .containsExactly(
            "TIMESTAMP '2024-01-01 00:00:00'",
            "DATE '2024-02-29'",
            "TIMESTAMP '2024-01-01 10:11:12.5'",
            "X'CAFE'");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(df.schema().fields()[0].nullable()).isFalse();
    assertThat(name("SELECT TIMESTAMP '2024-01-01 00:00:00' < TIMESTAMP '2024-01-02'"))
        .isEqualTo("(TIMESTAMP '2024-01-01 00:00:00' < TIMESTAMP '2024-01-02 00:00:00')");
    assertThat(rows("SELECT TIMESTAMP '2024-01-01T00:00:00Z' = TIMESTAMP '2024-01-01 00:00:00'"))
        .containsExactly("[true]");
    assertThatThrownBy(() -> spark.sql("SELECT TIMESTAMP '2024-13-01'"))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith(
            "[INVALID_TYPED_LITERAL] The value of the typed literal \"TIMESTAMP\" is invalid:"
                + " '2024-13-01'.");
  }

  @Test
  void timestampLiteralsAreReadInTheSessionTimeZone() {
    String key = "sluice.sql.session.timeZone";
    spark.conf().set(key, "America/New_York");
    try {
      assertThat(
              rows(
                  "SELECT TIMESTAMP '2024-01-01 00:00:00' = TIMESTAMP '2024-01-01 05:00:00Z',"
                      + " hour(TIMESTAMP '2024-01-01 00:00:00')"))
          .containsExactly("[true,0]");
      assertThat(
              spark
                  .range(1)
                  .selectExpr("hour(TIMESTAMP '2024-01-01 00:00:00') AS h")
                  .collectAsList()
                  .toString())
          .isEqualTo("[[0]]");
    } finally {
      spark.conf().unset(key);
    }
  }

  @Test
  void countOfSeveralDistinctColumns() {
    DataFrame df = spark.sql("SELECT count(DISTINCT k, v) FROM t");
    assertThat(df.columns()).containsExactly("count(DISTINCT k, v)");
    // (a,1) (a,null)x (b,2) (null,2)x (b,3): rows with a null in any argument are not counted
    assertThat(df.collectAsList().toString()).isEqualTo("[[3]]");
    assertThat(rows("SELECT k, count(DISTINCT v, s) FROM t GROUP BY k ORDER BY k"))
        .containsExactly("[null,1]", "[a,1]", "[b,1]");
  }

  @Test
  void extractFieldsOfDatesAndTimestamps() {
    String ts = "TIMESTAMP '2024-12-30 10:11:12.345678'";
    DataFrame df =
        spark.sql(
            "SELECT extract(YEAR FROM "
                + ts
                + "), EXTRACT(month FROM DATE '2024-02-29'), extract(SECOND FROM "
                + ts
                + "), date_part('DOW', "
                + ts
                + "), datepart('doy', DATE '2024-12-31')");
    assertThat(df.columns())
        .containsExactly(
            "extract(YEAR FROM TIMESTAMP '2024-12-30 10:11:12.345678')",
            "extract(month FROM DATE '2024-02-29')",
            "extract(SECOND FROM TIMESTAMP '2024-12-30 10:11:12.345678')",
            "date_part(DOW, TIMESTAMP '2024-12-30 10:11:12.345678')",
            "datepart(doy, DATE '2024-12-31')");
    assertThat(df.schema().fields()[2].dataType().simpleString()).isEqualTo("decimal(8,6)");
    assertThat(df.collectAsList().toString()).isEqualTo("[[2024,2,12.345678,2,366]]");
    // 2024-12-30 is a Monday in ISO week 1 of 2025
    assertThat(
            rows(
                "SELECT extract(WEEK FROM d), extract(YEAROFWEEK FROM d), extract(DOW_ISO FROM d),"
                    + " extract(QUARTER FROM d), extract(D FROM d), extract(H FROM d),"
                    + " extract(MINS FROM d) FROM VALUES (DATE '2024-12-30') AS v(d)"))
        .containsExactly("[1,2025,1,4,30,0,0]");
    assertThat(rows("SELECT extract(HOUR FROM '2024-01-01 07:08:09'), extract(YEAR FROM NULL)"))
        .containsExactly("[7,null]");
  }

  @Test
  void extractErrors() {
    assertThatThrownBy(() -> spark.sql("SELECT extract(FORTNIGHT FROM DATE '2024-01-01')"))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "[INVALID_EXTRACT_FIELD] Cannot extract `FORTNIGHT` from \"DATE '2024-01-01'\"."
                + " SQLSTATE: 42601");
    assertThatThrownBy(() -> spark.sql("SELECT date_part(k, DATE '2024-01-01') FROM t"))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith(
            "[NON_FOLDABLE_ARGUMENT] The function `date_part` requires the parameter `field` to be"
                + " a foldable expression of the type \"STRING\", but the actual argument is a"
                + " non-foldable.");
  }
}
