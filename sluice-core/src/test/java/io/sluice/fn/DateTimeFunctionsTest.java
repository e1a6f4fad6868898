package io.sluice.fn;

import static io.sluice.functions.add_months;
import static io.sluice.functions.call_function;
import static io.sluice.functions.col;
import static io.sluice.functions.current_date;
import static io.sluice.functions.current_timestamp;
import static io.sluice.functions.date_add;
import static io.sluice.functions.date_format;
import static io.sluice.functions.date_sub;
import static io.sluice.functions.date_trunc;
import static io.sluice.functions.datediff;
import static io.sluice.functions.day;
import static io.sluice.functions.dayofmonth;
import static io.sluice.functions.dayofweek;
import static io.sluice.functions.dayofyear;
import static io.sluice.functions.from_unixtime;
import static io.sluice.functions.from_utc_timestamp;
import static io.sluice.functions.hour;
import static io.sluice.functions.last_day;
import static io.sluice.functions.lit;
import static io.sluice.functions.make_date;
import static io.sluice.functions.make_timestamp;
import static io.sluice.functions.minute;
import static io.sluice.functions.month;
import static io.sluice.functions.months_between;
import static io.sluice.functions.next_day;
import static io.sluice.functions.now;
import static io.sluice.functions.quarter;
import static io.sluice.functions.second;
import static io.sluice.functions.timestamp_millis;
import static io.sluice.functions.timestamp_seconds;
import static io.sluice.functions.to_date;
import static io.sluice.functions.to_timestamp;
import static io.sluice.functions.to_unix_timestamp;
import static io.sluice.functions.to_utc_timestamp;
import static io.sluice.functions.trunc;
import static io.sluice.functions.unix_timestamp;
import static io.sluice.functions.weekofyear;
import static io.sluice.functions.year;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.Column;
import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The date and time functions through the whole engine (registry, coercion, kernels, names), in UTC
 * and in a daylight-saving zone, with ANSI mode on and off.
 */
class DateTimeFunctionsTest {
  private static final StructType SCHEMA =
      StructType.fromDDL("d DATE, ts TIMESTAMP, s STRING, n INT");

  private static Session utc;
  private static Session la;
  private static Session legacy;

  @BeforeAll
  static void start() {
    utc = session("UTC", true);
    la = session("America/Los_Angeles", true);
    legacy = session("UTC", false);
  }

  private static Session session(String zone, boolean ansi) {
    Session s = Session.builder().master("local[2]").create();
    s.conf().set("spark.sql.session.timeZone", zone);
    s.conf().set("spark.sql.ansi.enabled", ansi);
    s.conf().set("spark.sql.datetime.java8API.enabled", true);
    return s;
  }

  @AfterAll
  static void stop() {
    utc.stop();
    la.stop();
    legacy.stop();
  }

  private static DataFrame data(Session s) {
    return s.createDataFrame(
        Arrays.asList(
            RowFactory.create(
                LocalDate.parse("2024-02-29"),
                Instant.parse("2024-03-10T10:30:45Z"),
                "2016-12-31 00:12:00",
                1),
            RowFactory.create(
                LocalDate.parse("2021-01-03"), Instant.parse("1969-12-31T23:59:59.5Z"), "abc", -2),
            RowFactory.create(null, null, null, null)),
        SCHEMA);
  }

  private static DataFrame one(Session s) {
    return s.range(1);
  }

  private static Object value(Session s, Column c) {
    return one(s).select(c).collectAsList().get(0).get(0);
  }

  private static List<Row> rows(DataFrame df) {
    return df.collectAsList();
  }

  private static Column date(String text) {
    return to_date(lit(text));
  }

  private static Column ts(String text) {
    return to_timestamp(lit(text));
  }

  // --- fields ---------------------------------------------------------------------------------

  @Test
  void dateFieldsOfLeapDaySundayAndNull() {
    DataFrame df =
        data(utc)
            .select(
                year(col("d")),
                quarter(col("d")),
                month(col("d")),
                dayofmonth(col("d")),
                dayofweek(col("d")),
                dayofyear(col("d")),
                weekofyear(col("d")),
                day(col("d")));
    assertThat(df.columns())
        .containsExactly(
            "year(d)",
            "quarter(d)",
            "month(d)",
            "dayofmonth(d)",
            "dayofweek(d)",
            "dayofyear(d)",
            "weekofyear(d)",
            "day(d)");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(rows(df))
        .containsExactly(
            RowFactory.create(2024, 1, 2, 29, 5, 60, 9, 29),
            RowFactory.create(2021, 1, 1, 3, 1, 3, 53, 3),
            RowFactory.create(null, null, null, null, null, null, null, null));
  }

  @Test
  void fieldsOfTimestampsAndStringsAreCoercedToDates() {
    assertThat(value(utc, year(col("id").cast("timestamp")))).isEqualTo(1970);
    assertThat(value(utc, month(lit("2019-07-04")))).isEqualTo(7);
    assertThatThrownBy(() -> value(utc, month(lit("2019-13-04"))))
        .isInstanceOf(SluiceException.class)
        .extracting(e -> ((SluiceException) e).getErrorClass())
        .isEqualTo("CAST_INVALID_INPUT");
    assertThat(value(legacy, month(lit("2019-13-04")))).isNull();
  }

  @Test
  void timeFieldsUseTheSessionTimeZone() {
    DataFrame utcDf = data(utc).select(hour(col("ts")), minute(col("ts")), second(col("ts")));
    assertThat(utcDf.columns()).containsExactly("hour(ts)", "minute(ts)", "second(ts)");
    assertThat(rows(utcDf))
        .containsExactly(
            RowFactory.create(10, 30, 45),
            RowFactory.create(23, 59, 59),
            RowFactory.create(null, null, null));
    // 10:30Z on the day daylight-saving time starts is 03:30 PDT; 23:59:59Z is 15:59:59 PST.
    assertThat(rows(data(la).select(hour(col("ts")), minute(col("ts")), second(col("ts")))))
        .containsExactly(
            RowFactory.create(3, 30, 45),
            RowFactory.create(15, 59, 59),
            RowFactory.create(null, null, null));
  }

  // --- date arithmetic ------------------------------------------------------------------------

  @Test
  void dateArithmetic() {
    DataFrame df =
        data(utc)
            .select(
                date_add(col("d"), 1),
                date_sub(col("d"), 1),
                date_add(col("d"), col("n")),
                add_months(col("d"), 12),
                datediff(col("d"), lit("2024-01-01")),
                last_day(col("d")));
    assertThat(df.columns())
        .containsExactly(
            "date_add(d, 1)",
            "date_sub(d, 1)",
            "date_add(d, n)",
            "add_months(d, 12)",
            "datediff(d, 2024-01-01)",
            "last_day(d)");
    assertThat(rows(df))
        .containsExactly(
            RowFactory.create(
                LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-02-28"),
                LocalDate.parse("2024-03-01"),
                LocalDate.parse("2025-02-28"),
                59,
                LocalDate.parse("2024-02-29")),
            RowFactory.create(
                LocalDate.parse("2021-01-04"),
                LocalDate.parse("2021-01-02"),
                LocalDate.parse("2021-01-01"),
                LocalDate.parse("2022-01-03"),
                -1093,
                LocalDate.parse("2021-01-31")),
            RowFactory.create(null, null, null, null, null, null));
  }

  @Test
  void addMonthsClampsToTheEndOfTheMonth() {
    assertThat(value(utc, add_months(date("2024-01-31"), 1)))
        .isEqualTo(LocalDate.parse("2024-02-29"));
    assertThat(value(utc, add_months(date("2024-03-31"), -13)))
        .isEqualTo(LocalDate.parse("2023-02-28"));
    assertThat(value(utc, call_function("date_diff", date("2024-03-01"), date("2024-02-01"))))
        .isEqualTo(29);
    assertThat(one(utc).select(call_function("dateadd", date("2024-03-01"), lit(2))).columns())
        .containsExactly("dateadd(to_date(2024-03-01), 2)");
  }

  @Test
  void dateAddCastsATextDayCount() {
    assertThat(value(utc, date_add(date("2024-03-01"), lit("2"))))
        .isEqualTo(LocalDate.parse("2024-03-03"));
    assertError(
        () -> value(utc, date_add(date("2024-03-01"), lit("x"))), "CAST_INVALID_INPUT", null);
    assertThat(value(legacy, date_add(date("2024-03-01"), lit("x")))).isNull();
  }

  @Test
  void dateOperatorArithmeticIsDateAddAndDateSub() {
    DataFrame df =
        data(utc)
            .select(
                col("d").plus(1),
                lit(2).plus(col("d")),
                col("d").minus(col("n")),
                col("d").plus(lit(null)));
    assertThat(df.columns())
        .containsExactly("date_add(d, 1)", "date_add(d, 2)", "date_sub(d, n)", "date_add(d, NULL)");
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.DateType);
    assertThat(rows(df))
        .containsExactly(
            RowFactory.create(
                LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-03-02"),
                LocalDate.parse("2024-02-28"),
                null),
            RowFactory.create(
                LocalDate.parse("2021-01-04"),
                LocalDate.parse("2021-01-05"),
                LocalDate.parse("2021-01-05"),
                null),
            RowFactory.create(null, null, null, null));
  }

  @Test
  void timestampShiftedByADayTimeInterval() {
    DataFrame df =
        la.sql(
            "SELECT TIMESTAMP'2024-03-09 12:00:00' + INTERVAL 1 DAY,"
                + " TIMESTAMP'2024-03-09 12:00:00' - INTERVAL '1:30' MINUTE TO SECOND");
    // Spark's timestampAddDayTime: whole days on the local calendar (12:00 the next day, though
    // that day is an hour shorter), the rest of the interval as an instant shift.
    assertThat(rows(df))
        .containsExactly(
            RowFactory.create(
                Instant.parse("2024-03-10T19:00:00Z"), Instant.parse("2024-03-09T19:58:30Z")));
    assertThat(df.schema().fields()[0].dataType()).isEqualTo(DataTypes.TimestampType);
  }

  @Test
  void monthsBetweenRoundsToEightDigitsAsSpark() {
    Column a = ts("1997-02-28 10:30:00");
    Column b = ts("1996-10-30");
    DataFrame df = one(utc).select(months_between(a, b), months_between(a, b, false));
    assertThat(df.columns())
        .containsExactly(
            "months_between(to_timestamp(1997-02-28 10:30:00), to_timestamp(1996-10-30), true)",
            "months_between(to_timestamp(1997-02-28 10:30:00), to_timestamp(1996-10-30), false)");
    assertThat(rows(df)).containsExactly(RowFactory.create(3.94959677, 3.9495967741935485));
    // Both month ends, or the same day of month: whole months, the time of day ignored.
    assertThat(value(utc, months_between(ts("2024-02-29 23:00:00"), ts("2023-11-30"))))
        .isEqualTo(3.0);
    assertThat(value(utc, months_between(ts("2024-01-15 01:00:00"), ts("2024-03-15 23:00:00"))))
        .isEqualTo(-2.0);
  }

  @Test
  void nextDayAndItsAnsiError() {
    assertThat(value(utc, next_day(date("2015-01-14"), "TU")))
        .isEqualTo(LocalDate.parse("2015-01-20"));
    assertThat(value(utc, next_day(date("2015-01-20"), "tuesday")))
        .isEqualTo(LocalDate.parse("2015-01-27"));
    assertThat(value(utc, next_day(date("2015-01-14"), "Sun")))
        .isEqualTo(LocalDate.parse("2015-01-18"));
    assertThat(value(legacy, next_day(date("2015-01-14"), "xx"))).isNull();
    assertError(
        () -> value(utc, next_day(date("2015-01-14"), "xx")),
        "ILLEGAL_DAY_OF_WEEK",
        Map.of("string", "xx"));
  }

  @Test
  void truncAndDateTrunc() {
    Column d = date("2024-02-29");
    assertThat(
            rows(
                one(utc)
                    .select(
                        trunc(d, "YEAR"),
                        trunc(d, "mm"),
                        trunc(d, "Q"),
                        trunc(d, "quarter"),
                        trunc(d, "week"),
                        trunc(d, "dd"))))
        .containsExactly(
            RowFactory.create(
                LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-02-01"),
                null,
                LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-02-26"),
                null));
    Column t = ts("2024-11-03 01:30:45.123456");
    assertThat(
            rows(
                one(utc)
                    .select(
                        date_trunc("HOUR", t),
                        date_trunc("millisecond", t),
                        date_trunc("YY", t),
                        date_trunc("week", t),
                        date_trunc("bogus", t))))
        .containsExactly(
            RowFactory.create(
                Instant.parse("2024-11-03T01:00:00Z"),
                Instant.parse("2024-11-03T01:30:45.123Z"),
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-10-28T00:00:00Z"),
                null));
    assertThatThrownBy(() -> one(utc).select(date_trunc("HOUR", col("id"))))
        .isInstanceOfSatisfying(
            io.sluice.AnalysisException.class,
            e ->
                assertThat(e.getErrorClass()).isEqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
  }

  @Test
  void dateTruncKeepsTheOffsetInADaylightSavingOverlap() {
    // 2024-11-03 01:30 happens twice in Los Angeles; 09:30Z is the second (PST) one.
    Column second = lit(Instant.parse("2024-11-03T09:30:00Z"));
    assertThat(value(la, date_trunc("HOUR", second)))
        .isEqualTo(Instant.parse("2024-11-03T09:00:00Z"));
    Column first = lit(Instant.parse("2024-11-03T08:30:00Z"));
    assertThat(value(la, date_trunc("HOUR", first)))
        .isEqualTo(Instant.parse("2024-11-03T08:00:00Z"));
    assertThat(value(la, date_trunc("DAY", second)))
        .isEqualTo(Instant.parse("2024-11-03T07:00:00Z"));
  }

  // --- construction ---------------------------------------------------------------------------

  @Test
  void makeDateAndItsAnsiError() {
    DataFrame df = one(utc).select(make_date(lit(2013), lit(7), lit(15)));
    assertThat(df.columns()).containsExactly("make_date(2013, 7, 15)");
    assertThat(rows(df)).containsExactly(RowFactory.create(LocalDate.parse("2013-07-15")));
    assertThat(value(legacy, make_date(lit(2019), lit(13), lit(1)))).isNull();
    assertThat(value(legacy, make_date(lit(2023), lit(2), lit(29)))).isNull();
    assertError(
        () -> value(utc, make_date(lit(2019), lit(13), lit(1))),
        "DATETIME_FIELD_OUT_OF_BOUNDS",
        Map.of(
            "rangeMessage",
            "Invalid value for MonthOfYear (valid values 1 - 12): 13",
            "ansiConfig",
            "\"spark.sql.ansi.enabled\""));
    assertThat(
            one(legacy)
                .select(make_date(lit(2013), lit(7), lit(15)))
                .schema()
                .fields()[0]
                .nullable())
        .isTrue();
  }

  @Test
  void makeTimestampInSessionAndGivenZones() {
    Column sec = lit(new BigDecimal("45.887"));
    assertThat(value(utc, make_timestamp(lit(2014), lit(12), lit(28), lit(6), lit(30), sec)))
        .isEqualTo(Instant.parse("2014-12-28T06:30:45.887Z"));
    assertThat(value(la, make_timestamp(lit(2014), lit(12), lit(28), lit(6), lit(30), sec)))
        .isEqualTo(Instant.parse("2014-12-28T14:30:45.887Z"));
    assertThat(
            value(
                utc, make_timestamp(lit(2014), lit(12), lit(28), lit(6), lit(30), sec, lit("CET"))))
        .isEqualTo(Instant.parse("2014-12-28T05:30:45.887Z"));
    assertThat(value(utc, make_timestamp(lit(2019), lit(6), lit(30), lit(23), lit(59), lit(60))))
        .isEqualTo(Instant.parse("2019-07-01T00:00:00Z"));
    // In the spring-forward gap 02:30 does not exist: it moves an hour later.
    assertThat(value(la, make_timestamp(lit(2024), lit(3), lit(10), lit(2), lit(30), lit(0))))
        .isEqualTo(Instant.parse("2024-03-10T10:30:00Z"));
    assertThat(
            value(
                legacy,
                make_timestamp(
                    lit(2019), lit(6), lit(30), lit(23), lit(59), lit(new BigDecimal("60.5")))))
        .isNull();
    assertError(
        () ->
            value(
                utc,
                make_timestamp(
                    lit(2019), lit(6), lit(30), lit(23), lit(59), lit(new BigDecimal("60.5")))),
        "INVALID_FRACTION_OF_SECOND",
        Map.of("ansiConfig", "\"spark.sql.ansi.enabled\""));
    assertError(
        () -> value(utc, make_timestamp(lit(2019), lit(6), lit(30), lit(25), lit(0), lit(0))),
        "DATETIME_FIELD_OUT_OF_BOUNDS",
        Map.of(
            "rangeMessage",
            "Invalid value for HourOfDay (valid values 0 - 23): 25",
            "ansiConfig",
            "\"spark.sql.ansi.enabled\""));
    assertThat(
            value(
                legacy,
                make_timestamp(
                    lit(2019), lit(6), lit(30), lit(1), lit(0), lit(0), lit("Mars/Olympus"))))
        .isNull();
  }

  @Test
  void timestampsFromEpochNumbers() {
    DataFrame df =
        one(utc)
            .select(
                timestamp_seconds(lit(1230219000)),
                timestamp_millis(lit(1230219000123L)),
                timestamp_seconds(lit(1.5)),
                timestamp_seconds(lit(Double.NaN)));
    assertThat(df.columns())
        .containsExactly(
            "timestamp_seconds(1230219000)",
            "timestamp_millis(1230219000123)",
            "timestamp_seconds(1.5)",
            "timestamp_seconds(NaN)");
    assertThat(rows(df))
        .containsExactly(
            RowFactory.create(
                Instant.parse("2008-12-25T15:30:00Z"),
                Instant.parse("2008-12-25T15:30:00.123Z"),
                Instant.parse("1970-01-01T00:00:01.5Z"),
                null));
    assertError(
        () -> value(utc, timestamp_seconds(lit(Long.MAX_VALUE))), "ARITHMETIC_OVERFLOW", null);
  }

  @Test
  void utcConversionsIgnoreTheSessionZone() {
    Column t = ts("2016-08-31 00:00:00");
    for (Session s : List.of(utc, la)) {
      Instant local = (Instant) value(s, t);
      assertThat(value(s, from_utc_timestamp(t, "Asia/Seoul")))
          .isEqualTo(local.plusSeconds(9 * 3600));
      assertThat(value(s, to_utc_timestamp(t, "Asia/Seoul")))
          .isEqualTo(local.minusSeconds(9 * 3600));
    }
    assertThat(value(utc, from_utc_timestamp(t, "PST")))
        .isEqualTo(Instant.parse("2016-08-30T17:00:00Z"));
    assertError(
        () -> value(utc, from_utc_timestamp(t, "Mars/Olympus")),
        "INVALID_TIMEZONE",
        Map.of("timeZone", "Mars/Olympus"));
  }

  // --- current time ---------------------------------------------------------------------------

  @Test
  void currentTimeIsOneInstantPerExecution() {
    Instant before = Instant.now();
    DataFrame df =
        utc.range(0, 1000, 1, 4)
            .select(current_timestamp(), now(), current_date(), unix_timestamp());
    assertThat(df.columns())
        .containsExactly(
            "current_timestamp()",
            "now()",
            "current_date()",
            "unix_timestamp(current_timestamp(), yyyy-MM-dd HH:mm:ss)");
    List<Row> rows = df.collectAsList();
    Instant after = Instant.now();
    Instant first = (Instant) rows.get(0).get(0);
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.get(0)).isEqualTo(first);
              assertThat(r.get(1)).isEqualTo(first);
              assertThat(r.get(2)).isEqualTo(LocalDate.ofInstant(first, ZoneId.of("UTC")));
              assertThat(r.get(3)).isEqualTo(first.getEpochSecond());
            });
    assertThat(first).isBetween(before.minusMillis(1), after.plusMillis(1));
    assertThat(df.schema().fields()[0].nullable()).isFalse();
  }

  @Test
  void currentTimeInFiltersGroupingsAndRepeatedExecutions() {
    DataFrame df =
        utc.range(0, 10, 1, 3)
            .filter(current_timestamp().gt(lit(Instant.parse("2020-01-01T00:00:00Z"))))
            .groupBy(current_date())
            .count();
    List<Row> first = df.collectAsList();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).get(1)).isEqualTo(10L);
    DataFrame stamps = utc.range(1).select(current_timestamp());
    Instant a = (Instant) stamps.collectAsList().get(0).get(0);
    Instant b = (Instant) stamps.collectAsList().get(0).get(0);
    assertThat(b).isAfterOrEqualTo(a); // each execution reads the clock again
  }

  // --- text -----------------------------------------------------------------------------------

  @Test
  void dateFormatWithSparkPatterns() {
    DataFrame df =
        data(utc)
            .select(
                date_format(col("ts"), "yyyy-MM-dd"),
                date_format(col("ts"), "yyyy-MM-dd HH:mm:ss.SSS EEE a"),
                date_format(col("d"), "dd/MM/yy QQQ MMMM"));
    assertThat(df.columns())
        .containsExactly(
            "date_format(ts, yyyy-MM-dd)",
            "date_format(ts, yyyy-MM-dd HH:mm:ss.SSS EEE a)",
            "date_format(d, dd/MM/yy QQQ MMMM)");
    assertThat(rows(df))
        .containsExactly(
            RowFactory.create(
                "2024-03-10", "2024-03-10 10:30:45.000 Sun AM", "29/02/24 Q1 February"),
            RowFactory.create(
                "1969-12-31", "1969-12-31 23:59:59.500 Wed PM", "03/01/21 Q1 January"),
            RowFactory.create(null, null, null));
    assertThat(rows(data(la).select(date_format(col("ts"), "yyyy-MM-dd HH:mm z XXX"))))
        .containsExactly(
            RowFactory.create("2024-03-10 03:30 PDT -07:00"),
            RowFactory.create("1969-12-31 15:59 PST -08:00"),
            RowFactory.create((Object) null));
    assertThat(value(utc, date_format(lit(Instant.parse("-0044-03-15T00:00:00Z")), "yyyy G")))
        .isEqualTo("0045 BC");
    assertThat(value(utc, date_format(lit(Instant.parse("-0044-03-15T00:00:00Z")), "yyyy-MM")))
        .isEqualTo("-0044-03");
  }

  @Test
  void invalidPatternsRaiseSparksErrors() {
    Column t = ts("2024-01-01 00:00:00");
    assertError(
        () -> value(utc, date_format(t, "yyyy-e")),
        "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN",
        Map.of("c", "e"));
    assertError(
        () -> value(utc, date_format(t, "YYYY")),
        "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION",
        Map.of(
            "pattern",
            "'YYYY'",
            "config",
            "\"spark.sql.legacy.timeParserPolicy\"",
            "docroot",
            "https://spark.apache.org/docs/latest"));
    assertError(
        () -> value(utc, date_format(t, "yyyy-MM-dd A")),
        "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
        Map.of("c", "A", "pattern", "yyyy-MM-dd A"));
    assertError(
        () -> value(utc, to_timestamp(lit("2024 Jan"), "yyyy qqq")),
        "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
        Map.of("c", "q", "pattern", "yyyy qqq"));
    assertError(
        () -> value(utc, date_format(t, "yyyy-MM-dd bb")),
        "INVALID_DATETIME_PATTERN.WITH_SUGGESTION",
        Map.of("pattern", "'yyyy-MM-dd bb'", "docroot", "https://spark.apache.org/docs/latest"));
    // A null row never needs the pattern.
    assertThat(value(utc, date_format(lit(null).cast("timestamp"), "yyyy-e"))).isNull();
  }

  @Test
  void toTimestampAndToDateWithAndWithoutPatterns() {
    DataFrame df =
        data(utc)
            .select(
                to_timestamp(col("s")),
                to_timestamp(col("s"), "yyyy-MM-dd HH:mm:ss"),
                to_date(col("s"), "yyyy-MM-dd HH:mm:ss"),
                to_date(col("ts")));
    assertThat(df.columns())
        .containsExactly(
            "to_timestamp(s)",
            "to_timestamp(s, yyyy-MM-dd HH:mm:ss)",
            "to_date(s, yyyy-MM-dd HH:mm:ss)",
            "to_date(ts)");
    assertThatThrownBy(df::collectAsList)
        .isInstanceOf(SluiceException.class)
        .extracting(e -> ((SluiceException) e).getErrorClass())
        .isEqualTo("CAST_INVALID_INPUT");
    assertThat(
            rows(
                data(legacy)
                    .select(
                        to_timestamp(col("s")),
                        to_timestamp(col("s"), "yyyy-MM-dd HH:mm:ss"),
                        to_date(col("s"), "yyyy-MM-dd HH:mm:ss"),
                        to_date(col("ts")))))
        .containsExactly(
            RowFactory.create(
                Instant.parse("2016-12-31T00:12:00Z"),
                Instant.parse("2016-12-31T00:12:00Z"),
                LocalDate.parse("2016-12-31"),
                LocalDate.parse("2024-03-10")),
            RowFactory.create(null, null, null, LocalDate.parse("1969-12-31")),
            RowFactory.create(null, null, null, null));
    assertError(
        () -> value(utc, to_date(lit("abc"), "yyyy-MM-dd")),
        "CANNOT_PARSE_TIMESTAMP",
        Map.of("message", "Text 'abc' could not be parsed at index 0", "func", "`try_to_date`"));
    assertError(
        () -> value(utc, to_timestamp(lit("2020-01-27T20:06:11.847"), "yyyy-MM-dd HH:mm:ss.SSS")),
        "CANNOT_PARSE_TIMESTAMP",
        Map.of(
            "message",
            "Text '2020-01-27T20:06:11.847' could not be parsed at index 10",
            "func",
            "`try_to_timestamp`"));
  }

  @Test
  void parsingDefaultsMissingFieldsAndHonoursZonesInTheText() {
    assertThat(value(utc, to_timestamp(lit("2020-05"), "yyyy-MM")))
        .isEqualTo(Instant.parse("2020-05-01T00:00:00Z"));
    assertThat(value(utc, to_timestamp(lit("12/25 PM"), "MM/dd a")))
        .isEqualTo(Instant.parse("1970-12-25T12:00:00Z"));
    assertThat(
            value(utc, to_timestamp(lit("2020-01-01 10:00:00 +02:00"), "yyyy-MM-dd HH:mm:ss XXX")))
        .isEqualTo(Instant.parse("2020-01-01T08:00:00Z"));
    assertThat(value(la, to_timestamp(lit("2020-07-01 10:00"), "yyyy-MM-dd HH:mm")))
        .isEqualTo(Instant.parse("2020-07-01T17:00:00Z"));
    // A fraction pattern accepts up to as many digits as it has letters.
    assertThat(
            value(utc, to_timestamp(lit("2020-01-01 10:00:00.12"), "yyyy-MM-dd HH:mm:ss.SSSSSS")))
        .isEqualTo(Instant.parse("2020-01-01T10:00:00.12Z"));
    assertThat(value(legacy, to_timestamp(lit("2019-366"), "yyyy-DDD"))).isNull();
    assertThat(value(legacy, to_timestamp(lit("2020-11-31"), "yyyy-MM-dd"))).isNull();
  }

  @Test
  void unixTimestampsAndFromUnixtime() {
    assertThat(value(la, unix_timestamp(lit("2016-04-08"), "yyyy-MM-dd"))).isEqualTo(1460098800L);
    assertThat(value(utc, unix_timestamp(lit("2016-04-08 00:00:00")))).isEqualTo(1460073600L);
    assertThat(value(utc, to_unix_timestamp(lit("2016-04-08"), lit("yyyy-MM-dd"))))
        .isEqualTo(1460073600L);
    assertThat(value(utc, unix_timestamp(date("2016-04-08")))).isEqualTo(1460073600L);
    assertThat(value(utc, unix_timestamp(lit(Instant.parse("1969-12-31T23:59:59.5Z")))))
        .isEqualTo(0L);
    assertThat(value(legacy, unix_timestamp(lit("2016-04-08")))).isNull();
    assertError(
        () -> value(utc, unix_timestamp(lit("2016-04-08"))),
        "CANNOT_PARSE_TIMESTAMP",
        Map.of(
            "message",
            "Text '2016-04-08' could not be parsed at index 10",
            "func",
            "`try_to_timestamp`"));
    DataFrame df = one(la).select(from_unixtime(lit(0L)), from_unixtime(lit(0), "yyyy-MM-dd"));
    assertThat(df.columns())
        .containsExactly("from_unixtime(0, yyyy-MM-dd HH:mm:ss)", "from_unixtime(0, yyyy-MM-dd)");
    assertThat(rows(df)).containsExactly(RowFactory.create("1969-12-31 16:00:00", "1969-12-31"));
    assertThat(one(utc).select(unix_timestamp(lit("x"))).columns())
        .containsExactly("unix_timestamp(x, yyyy-MM-dd HH:mm:ss)");
  }

  @Test
  void patternsThatVaryPerRow() {
    DataFrame df =
        utc.createDataFrame(
            Arrays.asList(
                RowFactory.create("2020-01-02", "yyyy-MM-dd"),
                RowFactory.create("02/01/2020", "dd/MM/yyyy"),
                RowFactory.create("2020", null)),
            StructType.fromDDL("v STRING, p STRING"));
    assertThat(
            rows(
                df.select(
                    to_unix_timestamp(col("v"), col("p")),
                    date_format(
                        lit(Instant.parse("2020-01-02T00:00:00Z")).cast("timestamp"), "yyyy"))))
        .containsExactly(
            RowFactory.create(1577923200L, "2020"),
            RowFactory.create(1577923200L, "2020"),
            RowFactory.create(null, "2020"));
  }

  // --- SQL ----------------------------------------------------------------------------------

  @Test
  void sqlCallsAndNames() {
    DataFrame df =
        utc.sql(
            "SELECT date_add(DATE'2024-02-28', 1), DATE'2024-02-28' + 2,"
                + " make_date(2024, 2, 29), year(TIMESTAMP'2024-12-31 23:00:00'),"
                + " date_format(TIMESTAMP'2024-12-31 23:00:00', 'yyyy/MM/dd'), current_date,"
                + " to_timestamp(1)");
    assertThat(df.columns())
        .contains(
            "date_add(DATE '2024-02-28', 1)",
            "date_add(DATE '2024-02-28', 2)",
            "make_date(2024, 2, 29)",
            "current_date()",
            "to_timestamp(1)");
    Row r = df.collectAsList().get(0);
    assertThat(r.get(0)).isEqualTo(LocalDate.parse("2024-02-29"));
    assertThat(r.get(1)).isEqualTo(LocalDate.parse("2024-03-01"));
    assertThat(r.get(2)).isEqualTo(LocalDate.parse("2024-02-29"));
    assertThat(r.get(3)).isEqualTo(2024);
    assertThat(r.get(4)).isEqualTo("2024/12/31");
    assertThat(r.get(6)).isEqualTo(Instant.parse("1970-01-01T00:00:01Z"));
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void assertError(Runnable r, String errorClass, Map<String, String> params) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo(errorClass);
              if (params != null) assertThat(e.getMessageParameters()).isEqualTo(params);
            });
  }
}
