package io.sluice.fn;

import static io.sluice.functions.col;
import static io.sluice.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code +} and {@code -} over dates, timestamps and ANSI intervals as Spark 4 resolves them: a
 * date shifted by a day interval stays a date, a difference of dates is an {@code INTERVAL DAY}, of
 * timestamps an {@code INTERVAL DAY TO SECOND}; names, types, nulls and the session time zone.
 */
class DateIntervalArithmeticTest {
  private static final DataType INTERVAL_DAY =
      new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY);
  private static final DataType INTERVAL_DAY_TO_SECOND =
      new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.SECOND);

  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[1]").config("sluice.sql.session.timeZone", "UTC").create();
    session
        .sql(
            "SELECT * FROM VALUES"
                + " (DATE '2026-01-01', DATE '2025-12-25', TIMESTAMP '2026-01-01 10:00:00',"
                + "  TIMESTAMP '2025-12-30 08:30:00.5', INTERVAL '3' DAY,"
                + "  INTERVAL '1-2' YEAR TO MONTH, INTERVAL '-1 02:03:04' DAY TO SECOND,"
                + "  INTERVAL 2 HOURS),"
                + " (NULL, DATE '2025-12-25', NULL, TIMESTAMP '2025-12-30 08:30:00', NULL, NULL,"
                + "  NULL, NULL)"
                + " AS t(d, d2, ts, ts2, i, ym, dt, h)")
        .createOrReplaceTempView("t");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** The row's values, dates as {@code LocalDate}. */
  private static List<Object> seq(Row r) {
    List<Object> out = new java.util.ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      Object v = r.get(i);
      out.add(v instanceof java.sql.Date d ? d.toLocalDate() : v);
    }
    return out;
  }

  private static DataFrame select(String... exprs) {
    return session.table("t").selectExpr(exprs);
  }

  @Test
  void aDatePlusOrMinusADayIntervalIsADate() {
    DataFrame df =
        select(
            "d + INTERVAL 2 DAY", "d - INTERVAL '2' DAY", "INTERVAL 2 DAYS + d", "d + i", "d - i");
    assertThat(df.columns())
        .containsExactly(
            "date_add(d, extractansiintervaldays(INTERVAL '2' DAY))",
            "date_add(d, (- extractansiintervaldays(INTERVAL '2' DAY)))",
            "date_add(d, extractansiintervaldays(INTERVAL '2' DAY))",
            "date_add(d, extractansiintervaldays(i))",
            "date_add(d, (- extractansiintervaldays(i)))");
    assertThat(df.schema().fields())
        .allSatisfy(f -> assertThat(f.dataType()).isEqualTo(DataTypes.DateType));
    List<Row> rows = df.collectAsList();
    assertThat(seq(rows.get(0)))
        .containsExactly(
            LocalDate.of(2026, 1, 3),
            LocalDate.of(2025, 12, 30),
            LocalDate.of(2026, 1, 3),
            LocalDate.of(2026, 1, 4),
            LocalDate.of(2025, 12, 29));
    assertThat(seq(rows.get(1))).containsOnlyNulls();
  }

  @Test
  void aDateShiftedByHoursOrMonths() {
    DataFrame df =
        select("d + h", "d - INTERVAL 90 MINUTES", "d + ym", "ym + d", "d - ym", "h + d");
    assertThat(df.columns())
        .containsExactly("d + h", df.columns()[1], "d + ym", "d + ym", "d - ym", "d + h");
    // Spark's TimeAdd and DatetimeSub names: the operands without parentheses
    assertThat(df.columns()[1]).startsWith("d - INTERVAL '").doesNotStartWith("(");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(df.schema().fields()[2].dataType()).isEqualTo(DataTypes.DateType);
    List<Row> rows = df.collectAsList();
    assertThat(rows.get(0).get(0).toString()).isEqualTo("2026-01-01 02:00:00.0");
    assertThat(rows.get(0).get(1).toString()).isEqualTo("2025-12-31 22:30:00.0");
    assertThat(seq(rows.get(0)).subList(2, 6))
        .containsExactly(
            LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 3, 1),
            LocalDate.of(2024, 11, 1),
            rows.get(0).get(5));
    assertThat(rows.get(0).get(5)).isEqualTo(rows.get(0).get(0));
    assertThat(rows.get(1).get(0)).isNull();
    assertThat(rows.get(1).get(3)).isNull();
  }

  @Test
  void theDifferenceOfTwoDatesIsAnIntervalDay() {
    DataFrame df = select("d - d2", "d2 - d", "'2026-01-05' - d2", "d - DATE '2026-01-01'");
    assertThat(df.columns())
        .containsExactly("(d - d2)", "(d2 - d)", "(2026-01-05 - d2)", "(d - DATE '2026-01-01')");
    assertThat(df.schema().fields())
        .allSatisfy(f -> assertThat(f.dataType()).isEqualTo(INTERVAL_DAY));
    assertThat(df.schema().fields()[1].dataType().simpleString()).isEqualTo("interval day");
    List<Row> rows = df.collectAsList();
    assertThat(seq(rows.get(0)))
        .containsExactly(
            Duration.ofDays(7), Duration.ofDays(-7), Duration.ofDays(11), Duration.ZERO);
    assertThat(rows.get(1).get(0)).isNull();
    assertThat(rows.get(1).get(2)).isEqualTo(Duration.ofDays(11));
  }

  @Test
  void theDifferenceOfTimestampsIsAnIntervalDayToSecond() {
    DataFrame df = select("ts - ts2", "ts2 - ts", "ts - d", "d - ts");
    assertThat(df.columns()).containsExactly("(ts - ts2)", "(ts2 - ts)", "(ts - d)", "(d - ts)");
    assertThat(df.schema().fields())
        .allSatisfy(f -> assertThat(f.dataType()).isEqualTo(INTERVAL_DAY_TO_SECOND));
    List<Row> rows = df.collectAsList();
    Duration diff = Duration.ofHours(49).plusMinutes(29).plusSeconds(59).plusMillis(500);
    assertThat(seq(rows.get(0)))
        .containsExactly(diff, diff.negated(), Duration.ofHours(10), Duration.ofHours(-10));
    assertThat(seq(rows.get(1))).containsOnlyNulls();
  }

  @Test
  void timestampArithmeticReadsTheSessionTimeZone() {
    Session la =
        Session.builder()
            .master("local[1]")
            .config("sluice.sql.session.timeZone", "America/Los_Angeles")
            .create();
    try {
      // 2021-03-14 02:00 does not exist in Los Angeles: the clocks went from 02:00 to 03:00
      Row r =
          la.sql(
                  "SELECT TIMESTAMP '2021-03-14 03:30:00' - TIMESTAMP '2021-03-14 01:30:00',"
                      + " CAST(TIMESTAMP '2021-03-13 12:00:00' + INTERVAL 1 DAY AS STRING),"
                      + " CAST(TIMESTAMP '2021-03-13 12:00:00' + INTERVAL '1 00:30' DAY TO MINUTE"
                      + "   AS STRING),"
                      + " CAST(TIMESTAMP '2021-03-13 12:00:00' + INTERVAL 23 HOURS AS STRING),"
                      + " CAST(TIMESTAMP '2021-02-14 02:30:00' + INTERVAL 1 MONTH AS STRING),"
                      + " CAST(TIMESTAMP '2021-01-31 10:00:00' + INTERVAL '0-1' YEAR TO MONTH"
                      + "   AS STRING)")
              .collectAsList()
              .get(0);
      // the local date-times differ by two hours (one hour passed)
      assertThat(r.get(0)).isEqualTo(Duration.ofHours(2));
      // whole days move on the calendar, keeping 12:00; the rest on the time line
      assertThat(r.get(1)).isEqualTo("2021-03-14 12:00:00");
      assertThat(r.get(2)).isEqualTo("2021-03-14 12:30:00");
      assertThat(r.get(3)).isEqualTo("2021-03-14 12:00:00");
      // months on the calendar: a local time in the gap moves later by the gap's length
      assertThat(r.get(4)).isEqualTo("2021-03-14 03:30:00");
      assertThat(r.get(5)).isEqualTo("2021-02-28 10:00:00");
    } finally {
      la.stop();
    }
  }

  @Test
  void signumAbsAndNegationOfAnsiIntervals() {
    DataFrame df =
        select(
            "signum(- i)",
            "sign(h - h)",
            "signum(ym)",
            "abs(dt)",
            "abs(- ym)",
            "- i",
            "negative(ym)",
            "signum(CAST(NULL AS INTERVAL DAY))");
    assertThat(df.columns())
        .containsExactly(
            "SIGNUM((- i))",
            "sign((h - h))",
            "SIGNUM(ym)",
            "abs(dt)",
            "abs((- ym))",
            "(- i)",
            "negative(ym)",
            "SIGNUM(CAST(NULL AS INTERVAL DAY))");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(df.schema().fields()[3].dataType().simpleString())
        .isEqualTo("interval day to second");
    assertThat(seq(df.collectAsList().get(0)))
        .containsExactly(
            -1.0,
            0.0,
            1.0,
            Duration.ofHours(26).plusMinutes(3).plusSeconds(4),
            Period.of(1, 2, 0),
            Duration.ofDays(-3),
            Period.of(-1, -2, 0),
            null);
    assertThat(seq(df.collectAsList().get(1)).subList(0, 7)).containsOnlyNulls();
  }

  @Test
  void overflowRaisesWhateverTheAnsiMode() {
    Session legacy =
        Session.builder().master("local[1]").config("spark.sql.ansi.enabled", "false").create();
    try {
      for (Session s : List.of(session, legacy)) {
        DataFrame far =
            s.sql("SELECT date_add(DATE '2000-01-01', 200000000) - DATE '2000-01-01' AS x");
        assertThatThrownBy(far::collectAsList)
            .isInstanceOfSatisfying(
                SluiceException.class,
                e -> assertThat(e.getErrorClass()).isEqualTo("ARITHMETIC_OVERFLOW"));
      }
      // without ANSI, date - interval still works and a string reads as a date
      Row r =
          legacy
              .sql("SELECT DATE '2026-01-01' - INTERVAL 1 DAY, '2026-01-02' - DATE '2026-01-01'")
              .collectAsList()
              .get(0);
      assertThat(seq(r)).containsExactly(LocalDate.of(2025, 12, 31), Duration.ofDays(1));
    } finally {
      legacy.stop();
    }
  }

  @Test
  void theDataFrameApiResolvesTheSameWay() {
    DataFrame df =
        session
            .table("t")
            .select(
                col("d").plus(expr("INTERVAL 1 DAY")),
                col("d").minus(col("d2")),
                col("ts").minus(col("ts2")));
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.DateType);
    assertThat(df.schema().fields()[1].dataType()).isEqualTo(INTERVAL_DAY);
    assertThat(df.schema().fields()[2].dataType()).isEqualTo(INTERVAL_DAY_TO_SECOND);
    assertThat(seq(df.collectAsList().get(0)).get(0)).isEqualTo(LocalDate.of(2026, 1, 2));
  }
}
