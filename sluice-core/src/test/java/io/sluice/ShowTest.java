package io.sluice;

import static io.sluice.Answers.row;
import static io.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code show}, {@code explain} and collected value types on real queries. */
class ShowTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[2]").config("spark.sql.session.timeZone", "UTC").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  static DataFrame notes() {
    return session
        .createDataFrame(
            List.of(
                row(1, "ann", 1.5, "short"),
                row(2, null, null, "a very long note that goes past twenty"),
                row(3, "cid", -2.0, "")),
            StructType.fromDDL("id INT, name STRING, score DOUBLE, note STRING"))
        .orderBy("id");
  }

  @Test
  void showTruncatesAndRightAligns() {
    assertThat(notes().showString())
        .isEqualTo(
            "+---+----+-----+--------------------+\n"
                + "| id|name|score|                note|\n"
                + "+---+----+-----+--------------------+\n"
                + "|  1| ann|  1.5|               short|\n"
                + "|  2|NULL| NULL|a very long note ...|\n"
                + "|  3| cid| -2.0|                    |\n"
                + "+---+----+-----+--------------------+\n");
  }

  @Test
  void showWithoutTruncationLeftAligns() {
    assertThat(notes().showString(20, 0, false))
        .isEqualTo(
            "+---+----+-----+--------------------------------------+\n"
                + "|id |name|score|note                                  |\n"
                + "+---+----+-----+--------------------------------------+\n"
                + "|1  |ann |1.5  |short                                 |\n"
                + "|2  |NULL|NULL |a very long note that goes past twenty|\n"
                + "|3  |cid |-2.0 |                                      |\n"
                + "+---+----+-----+--------------------------------------+\n");
  }

  @Test
  void showFewerRowsThanThereAre() {
    assertThat(notes().select("id", "name").showString(2, 20, false))
        .isEqualTo(
            "+---+----+\n"
                + "| id|name|\n"
                + "+---+----+\n"
                + "|  1| ann|\n"
                + "|  2|NULL|\n"
                + "+---+----+\n"
                + "only showing top 2 rows");
    assertThat(session.range(25).showString()).endsWith("| 19|\n+---+\nonly showing top 20 rows");
    assertThat(notes().showString(3, 20, false)).doesNotContain("only showing");
    assertThat(notes().filter(col("id").gt(9)).showString())
        .isEqualTo(
            "+---+----+-----+----+\n| id|name|score|note|\n+---+----+-----+----+\n"
                + "+---+----+-----+----+\n");
  }

  @Test
  void showVertical() {
    assertThat(notes().showString(1, 20, true))
        .isEqualTo(
            "-RECORD 0------\n"
                + " id    | 1     \n"
                + " name  | ann   \n"
                + " score | 1.5   \n"
                + " note  | short \n"
                + "only showing top 1 row");
    assertThat(notes().filter(col("id").gt(9)).showString(20, 20, true)).isEqualTo("(0 rows)");
  }

  @Test
  void showPrintsTheStringAndANewline() {
    String out = DataFrameSchemaTest.captureOut(() -> notes().select("id").show(1));
    assertThat(out).isEqualTo("+---+\n| id|\n+---+\n|  1|\n+---+\nonly showing top 1 row\n");
  }

  @Test
  void showFormatsNestedAndTemporalValuesAsSpark() {
    StructType s =
        StructType.fromDDL(
            "a ARRAY<INT>, m MAP<STRING,INT>, st STRUCT<x: INT, y: "
                + "STRING>, b BINARY, d DATE, t TIMESTAMP, de DECIMAL(5,2)");
    DataFrame df =
        session.createDataFrame(
            List.of(
                row(
                    Arrays.asList(1, null),
                    Map.of("k", 1),
                    row(1, null),
                    new byte[] {1, 2},
                    Date.valueOf("2024-01-31"),
                    Instant.parse("2024-01-31T10:11:12.5Z"),
                    new BigDecimal("1.50"))),
            s);
    assertThat(df.showString(20, 0, false))
        .isEqualTo(
            "+---------+--------+---------+-------+----------+---------------------+----+\n"
                + "|a        |m       |st       |b      |d         |t                    |de  |\n"
                + "+---------+--------+---------+-------+----------+---------------------+----+\n"
                + "|[1, NULL]|{k -> 1}|{1, NULL}|[01 02]|2024-01-31|2024-01-31 10:11:12.5|1.50|\n"
                + "+---------+--------+---------+-------+----------+---------------------+----+\n");
  }

  @Test
  void explainShowsEachStage() {
    DataFrame df = session.range(10).filter(col("id").gt(5)).select("id");
    String extended = df.queryExecution().explainString("extended");
    assertThat(extended).startsWith("== Parsed Logical Plan ==\n'Project ['id]\n+- Filter ");
    assertThat(extended).contains("\n\n== Analyzed Logical Plan ==\nid: bigint\nProject [id#");
    int optimized = extended.indexOf("\n\n== Optimized Logical Plan ==\n");
    int physical = extended.indexOf("\n\n== Physical Plan ==\n");
    assertThat(optimized).isPositive();
    assertThat(physical).isGreaterThan(optimized);
    assertThat(extended).endsWith("\n").doesNotEndWith("\n\n");
    String simple = df.queryExecution().explainString("simple");
    assertThat(simple)
        .startsWith("== Physical Plan ==\n")
        .endsWith("\n\n")
        .isEqualTo(
            "== Physical Plan ==\n" + df.queryExecution().executedPlan().treeString() + "\n");
    String printed = DataFrameSchemaTest.captureOut(() -> df.explain(true));
    assertThat(printed).isEqualTo(extended + "\n");
    assertThat(DataFrameSchemaTest.captureOut(df::explain)).isEqualTo(simple + "\n");
    assertThatThrownBy(() -> df.explain("fancy"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_EXPLAIN_MODE"));
  }

  @Test
  void java8DatetimeApiChangesCollectedTypes() {
    Session s = session.newSession();
    DataFrame df =
        s.createDataFrame(
            List.of(row(Date.valueOf("2020-02-02"), Instant.parse("2020-02-02T00:00:01Z"))),
            StructType.fromDDL("d DATE, t TIMESTAMP"));
    Row legacy = df.collectAsList().get(0);
    assertThat(legacy.get(0)).isInstanceOf(Date.class);
    assertThat(legacy.get(1)).isInstanceOf(java.sql.Timestamp.class);
    s.conf().set("spark.sql.datetime.java8API.enabled", "true");
    Row modern = df.collectAsList().get(0);
    assertThat(modern.getLocalDate(0)).isEqualTo(java.time.LocalDate.of(2020, 2, 2));
    assertThat(modern.getInstant(1)).isEqualTo(Instant.parse("2020-02-02T00:00:01Z"));
  }
}
