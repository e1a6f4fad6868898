package io.sluice.exec.expr;

import static io.sluice.exec.expr.DateTimes.INVALID_DATE;
import static io.sluice.exec.expr.DateTimes.INVALID_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  private static long micros(String isoLocal, ZoneId zone) {
    Instant i = LocalDateTime.parse(isoLocal).atZone(zone).toInstant();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  private static int days(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  @Test
  void parsesTimestampForms() {
    assertThat(DateTimes.stringToTimestamp("2020", UTC)).isEqualTo(micros("2020-01-01T00:00", UTC));
    assertThat(DateTimes.stringToTimestamp("2020-3", UTC))
        .isEqualTo(micros("2020-03-01T00:00", UTC));
    assertThat(DateTimes.stringToTimestamp("2020-03-7", UTC))
        .isEqualTo(micros("2020-03-07T00:00", UTC));
    assertThat(DateTimes.stringToTimestamp("2020-03-07 1:2:3", UTC))
        .isEqualTo(micros("2020-03-07T01:02:03", UTC));
    assertThat(DateTimes.stringToTimestamp("2020-03-07T10:20", UTC))
        .isEqualTo(micros("2020-03-07T10:20", UTC));
    assertThat(DateTimes.stringToTimestamp("2020-03-07 10", UTC))
        .isEqualTo(micros("2020-03-07T10:00", UTC));
    assertThat(DateTimes.stringToTimestamp("  2020-03-07 10:20:30.5\n", UTC))
        .isEqualTo(micros("2020-03-07T10:20:30.5", UTC));
    assertThat(DateTimes.stringToTimestamp("2020-03-07 10:20:30.", UTC))
        .isEqualTo(micros("2020-03-07T10:20:30", UTC));
    assertThat(DateTimes.stringToTimestamp("+2020-03-07", UTC))
        .isEqualTo(micros("2020-03-07T00:00", UTC));
    assertThat(DateTimes.stringToTimestamp("10000-01-01", UTC))
        .isEqualTo(micros("+10000-01-01T00:00", UTC));
  }

  @Test
  void fractionKeepsSixDigitsAndTruncatesTheRest() {
    long base = micros("2020-01-01T00:00:00", UTC);
    assertThat(DateTimes.stringToTimestamp("2020-01-01 00:00:00.123456789", UTC))
        .isEqualTo(base + 123456);
    assertThat(DateTimes.stringToTimestamp("2020-01-01 00:00:00.000001", UTC)).isEqualTo(base + 1);
    assertThat(DateTimes.stringToTimestamp("2020-01-01 00:00:00.1", UTC)).isEqualTo(base + 100000);
  }

  @Test
  void sessionZoneAppliesWithoutZoneInText() {
    assertThat(DateTimes.stringToTimestamp("2020-07-01 12:00:00", LA))
        .isEqualTo(micros("2020-07-01T19:00:00", UTC));
    assertThat(DateTimes.stringToTimestamp("2020-01-01 12:00:00", LA))
        .isEqualTo(micros("2020-01-01T20:00:00", UTC));
    // Nonexistent local time in a DST gap moves forward, as ZonedDateTime.of does.
    assertThat(DateTimes.stringToTimestamp("2020-03-08 02:30:00", LA))
        .isEqualTo(
            ZonedDateTime.of(LocalDateTime.parse("2020-03-08T02:30:00"), LA).toEpochSecond()
                * 1_000_000L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2020-01-01 12:00:00Z",
        "2020-01-01T12:00:00z",
        "2020-01-01 12:00:00 UTC",
        "2020-01-01 12:00:00+00:00",
        "2020-01-01T14:00:00+02:00",
        "2020-01-01T14:00:00+0200",
        "2020-01-01T14:00:00+02",
        "2020-01-01T14:00:00+2:00",
        "2020-01-01T09:30:00-02:30",
        "2020-01-01T09:57:00-02:3",
        "2020-01-01T14:00:00UTC+02:00",
        "2020-01-01T14:00:00 GMT+2",
        "2020-01-01T04:00:00 America/Los_Angeles",
        "2020-01-01T04:00:00PST",
        "2020-01-01 12:00:00.000Z",
        "2020-01-01 14:00:00.0+02:00"
      })
  void zonesInText(String text) {
    assertThat(DateTimes.stringToTimestamp(text, LA)).isEqualTo(micros("2020-01-01T12:00", UTC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "abc",
        "20",
        "202",
        "2020-",
        "2020-13-01",
        "2020-02-30",
        "2020-1-1X",
        "2020-01-01 25:00:00",
        "2020-01-01 12:60:00",
        "2020-01-01 12:00:60",
        "2020-01-01 12:",
        "2020-01-01 123:00:00",
        "2020-01-01 12:00Z",
        "2020-01-01 12:00:00 Nowhere/Place",
        "2020-01-01 12:00:00+25:00",
        "1234567-01-01",
        "2020/01/01",
        "2020-01-01T",
        "-12:00:00",
        " T12:00:00",
        "2020-01-01Z",
        "x2020"
      })
  void rejectsMalformedTimestamps(String text) {
    assertThat(DateTimes.stringToTimestamp(text, UTC)).isEqualTo(INVALID_TIMESTAMP);
  }

  @Test
  void timeOnlyTakesTodayInZone() {
    long t = DateTimes.stringToTimestamp("T12:34:56", UTC);
    long today = LocalDate.now(UTC).toEpochDay();
    long expected = today * DateTimes.MICROS_PER_DAY + (12 * 3600 + 34 * 60 + 56) * 1_000_000L;
    // Allow for the test running across midnight.
    assertThat(t == expected || t == expected + DateTimes.MICROS_PER_DAY).isTrue();
    assertThat(DateTimes.stringToTimestamp("12:34:56", UTC) % DateTimes.MICROS_PER_DAY)
        .isEqualTo((12 * 3600 + 34 * 60 + 56) * 1_000_000L);
  }

  @Test
  void byteVariantReadsOnlyItsSlice() {
    byte[] b = "xx2020-01-02 03:04:05yy".getBytes(StandardCharsets.UTF_8);
    assertThat(DateTimes.stringToTimestamp(b, 2, 19, UTC))
        .isEqualTo(micros("2020-01-02T03:04:05", UTC));
    assertThat(DateTimes.stringToDate(b, 2, 10)).isEqualTo(days("2020-01-02"));
    assertThat(DateTimes.stringToDate(b, 0, 12)).isEqualTo(INVALID_DATE);
  }

  @Test
  void parsesDates() {
    assertThat(DateTimes.stringToDate("2020")).isEqualTo(days("2020-01-01"));
    assertThat(DateTimes.stringToDate("2020-2")).isEqualTo(days("2020-02-01"));
    assertThat(DateTimes.stringToDate("2020-02-29")).isEqualTo(days("2020-02-29"));
    assertThat(DateTimes.stringToDate(" 2020-2-9 ")).isEqualTo(days("2020-02-09"));
    assertThat(DateTimes.stringToDate("2020-02-09 12:34:56")).isEqualTo(days("2020-02-09"));
    assertThat(DateTimes.stringToDate("2020-02-09Tanything")).isEqualTo(days("2020-02-09"));
    assertThat(DateTimes.stringToDate("1969-12-31")).isEqualTo(-1);
    assertThat(DateTimes.stringToDate("-0001-01-01"))
        .isEqualTo((int) LocalDate.of(-1, 1, 1).toEpochDay());
    assertThat(DateTimes.stringToDate("1234567-01-01"))
        .isEqualTo((int) LocalDate.of(1234567, 1, 1).toEpochDay());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2020-",
        "2020-02-30",
        "2019-02-29",
        "202",
        "12345678",
        "2020 x",
        "2020-01 x",
        "2020-01-01x",
        "2020/01/01",
        "2020-1-001",
        "99999999-01-01"
      })
  void rejectsMalformedDates(String text) {
    assertThat(DateTimes.stringToDate(text)).isEqualTo(INVALID_DATE);
  }

  @Test
  void formatsTimestampsAsSparkShowsThem() {
    assertThat(DateTimes.timestampToString(0, UTC)).isEqualTo("1970-01-01 00:00:00");
    assertThat(DateTimes.timestampToString(1, UTC)).isEqualTo("1970-01-01 00:00:00.000001");
    assertThat(DateTimes.timestampToString(500_000, UTC)).isEqualTo("1970-01-01 00:00:00.5");
    assertThat(DateTimes.timestampToString(-1, UTC)).isEqualTo("1969-12-31 23:59:59.999999");
    assertThat(DateTimes.timestampToString(micros("2020-07-01T19:00:00.12", UTC), LA))
        .isEqualTo("2020-07-01 12:00:00.12");
    assertThat(DateTimes.timestampToString(micros("+10000-01-01T00:00", UTC), UTC))
        .isEqualTo("+10000-01-01 00:00:00");
  }

  @Test
  void formatsDates() {
    assertThat(DateTimes.dateToString(0)).isEqualTo("1970-01-01");
    assertThat(DateTimes.dateToString(days("2020-02-29"))).isEqualTo("2020-02-29");
    assertThat(DateTimes.dateToString((int) LocalDate.of(-44, 3, 15).toEpochDay()))
        .isEqualTo("-0044-03-15");
    assertThat(DateTimes.dateToString((int) LocalDate.of(12, 3, 5).toEpochDay()))
        .isEqualTo("0012-03-05");
  }

  @Property
  void dateRoundTrip(@ForAll @IntRange(min = -719_162, max = 2_932_896) int days) {
    // years 0001..9999
    String s = DateTimes.dateToString(days);
    assertThat(s).isEqualTo(LocalDate.ofEpochDay(days).toString());
    assertThat(DateTimes.stringToDate(s)).isEqualTo(days);
  }

  @Property
  void dateFormatMatchesJavaTimeEverywhere(
      @ForAll @IntRange(min = -100_000_000, max = 100_000_000) int days) {
    LocalDate d = LocalDate.ofEpochDay(days);
    assertThat(DateTimes.civilToDays(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
        .isEqualTo(days);
    if (d.getYear() >= -9999 && d.getYear() <= 9999) {
      assertThat(DateTimes.stringToDate(DateTimes.dateToString(days))).isEqualTo(days);
    }
  }

  @Property
  void timestampRoundTripUtc(
      @ForAll @LongRange(min = -62_135_596_800_000_000L, max = 253_402_300_799_999_999L)
          long micros) {
    String s = DateTimes.timestampToString(micros, UTC);
    assertThat(DateTimes.stringToTimestamp(s, UTC)).isEqualTo(micros);
  }

  @Property
  void timestampRoundTripInZoneWithDst(
      @ForAll @LongRange(min = 0L, max = 4_102_444_800_000_000L) long micros) {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    String s = DateTimes.timestampToString(micros, zone);
    // Local text is ambiguous in the autumn overlap; Spark picks the earlier offset there.
    long parsed = DateTimes.stringToTimestamp(s, zone);
    assertThat(DateTimes.timestampToString(parsed, zone)).isEqualTo(s);
    assertThat(parsed == micros || parsed == micros - 3_600_000_000L).isTrue();
  }

  @Property
  void timestampFormatMatchesJavaTime(
      @ForAll @LongRange(min = -62_135_596_800_000_000L, max = 253_402_300_799_999_999L)
          long micros) {
    ZoneId zone = ZoneId.of("Asia/Kolkata");
    Instant i = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    LocalDateTime l = LocalDateTime.ofInstant(i, zone);
    String expected =
        String.format(
            (l.getYear() > 9999 ? "+" : "") + "%04d-%02d-%02d %02d:%02d:%02d",
            l.getYear(),
            l.getMonthValue(),
            l.getDayOfMonth(),
            l.getHour(),
            l.getMinute(),
            l.getSecond());
    int frac = l.getNano() / 1000;
    if (frac != 0) expected += ("." + String.format("%06d", frac)).replaceAll("0+$", "");
    assertThat(DateTimes.timestampToString(micros, zone)).isEqualTo(expected);
  }
}
