package io.sluice.exec.expr.fn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Spark pattern rules: translation, validation, variable-length fractions, defaults. */
class DateTimePatternTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  private static long micros(String instant) {
    Instant i = Instant.parse(instant);
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  @Test
  void yearLettersBecomeProlepticYearsOutsideQuotesUnlessThereIsAnEra() {
    assertThat(DateTimePattern.convert("yyyy-MM-dd'T'HH:mm:ss", false))
        .isEqualTo("uuuu-MM-dd'T'HH:mm:ss");
    assertThat(DateTimePattern.convert("yyyy 'yyyy'''yy", false)).isEqualTo("uuuu 'yyyy'''uu");
    assertThat(DateTimePattern.convert("G yyyy", false)).isEqualTo("G yyyy");
    assertThat(DateTimePattern.convert("'G' yyyy", false)).isEqualTo("'G' uuuu");
    // Letters inside quotes are text, never checked.
    assertThat(DateTimePattern.convert("'week' yyyy", true)).isEqualTo("'week' uuuu");
  }

  @Test
  void rejectedLettersAndLengths() {
    assertClass(
        () -> DateTimePattern.convert("yyyy-ww", false),
        "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN");
    assertClass(
        () -> DateTimePattern.convert("yyyy-MM-dd E", true),
        "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER");
    assertThat(DateTimePattern.convert("yyyy-MM-dd E", false)).isEqualTo("uuuu-MM-dd E");
    assertClass(() -> DateTimePattern.convert("MMMMM", false), "INVALID_DATETIME_PATTERN.LENGTH");
    assertClass(() -> DateTimePattern.convert("yyyyyyy", false), "INVALID_DATETIME_PATTERN.LENGTH");
    assertClass(
        () -> DateTimePattern.forFormatting("yyyyyyy"),
        "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION");
    assertClass(
        () -> DateTimePattern.forFormatting("yyyy-MM-dd HH:mm:ss.SSSSSSSSSS"),
        "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION");
    // Cached errors are raised again, each time as a new exception.
    Throwable first = catchIt(() -> DateTimePattern.forFormatting("yyyy-ww"));
    Throwable second = catchIt(() -> DateTimePattern.forFormatting("yyyy-ww"));
    assertThat(first).isNotSameAs(second);
    assertThat(((SluiceException) second).getErrorClass())
        .isEqualTo("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION");
  }

  @Test
  void parsingAcceptsShorterFractionsAndQuotedText() {
    DateTimePattern p = DateTimePattern.forParsing("yyyy-MM-dd'T'HH:mm:ss.SSS");
    assertThat(p.parseMicros("2020-01-02T03:04:05.1", UTC))
        .isEqualTo(micros("2020-01-02T03:04:05.100Z"));
    assertThat(p.parseMicros("2020-01-02t03:04:05.123", UTC))
        .isEqualTo(micros("2020-01-02T03:04:05.123Z"));
    assertThatThrownBy(() -> p.parseMicros("2020-01-02T03:04:05.1234", UTC))
        .isInstanceOf(DateTimeException.class);
    DateTimePattern quote = DateTimePattern.forParsing("HH 'o''clock' SS");
    assertThat(quote.parseMicros("10 o'clock 5", UTC)).isEqualTo(micros("1970-01-01T10:00:00.5Z"));
  }

  @Test
  void parsingDefaultsAndConflicts() {
    assertThat(DateTimePattern.forParsing("MMM").parseMicros("feb", UTC))
        .isEqualTo(micros("1970-02-01T00:00:00Z"));
    assertThat(DateTimePattern.forParsing("yyyy DDD").parseMicros("2020 366", UTC))
        .isEqualTo(micros("2020-12-31T00:00:00Z"));
    assertThatThrownBy(() -> DateTimePattern.forParsing("MM-DDD").parseMicros("11-365", UTC))
        .isInstanceOf(DateTimeException.class)
        .hasMessage(
            "Conflict found: Field MonthOfYear 11 differs from MonthOfYear 12 derived"
                + " from 1970-12-31");
    assertThat(DateTimePattern.forParsing("hh:mm").parseMicros("12:30", UTC))
        .isEqualTo(micros("1970-01-01T00:30:00Z"));
    assertThat(
            DateTimePattern.forParsing("yyyy-MM-dd HH:mm VV")
                .parseMicros("2020-06-01 12:00 Europe/Paris", UTC))
        .isEqualTo(micros("2020-06-01T10:00:00Z"));
  }

  @Test
  void formattingUsesTheZoneOnlyWhenThePatternShowsOne() {
    DateTimePattern local = DateTimePattern.forFormatting("yyyy-MM-dd HH:mm:ss.SSSSSS");
    assertThat(local.zoneFree()).isTrue();
    StringBuilder sb = new StringBuilder();
    local.formatLocal(sb, -1, 999_999_000);
    assertThat(sb.toString()).isEqualTo("1969-12-31 23:59:59.999999");
    DateTimePattern zoned = DateTimePattern.forFormatting("HH:mm 'x' xxx");
    assertThat(zoned.zoneFree()).isFalse();
    assertThat(DateTimePattern.forFormatting("'X' HH").zoneFree()).isTrue();
    assertThat(zoned.format(micros("2020-06-01T10:00:00Z"), ZoneId.of("Asia/Kolkata")))
        .isEqualTo("15:30 x +05:30");
  }

  private static Throwable catchIt(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  private static void assertClass(Runnable r, String errorClass) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            SluiceException.class, e -> assertThat(e.getErrorClass()).isEqualTo(errorClass));
  }
}
