package io.sluice.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.expr.DateTimes;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IsoTimestampsTest {

  private static long fast(String s, boolean utc) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return IsoTimestamps.parse(b, 0, b.length, utc);
  }

  @Test
  void acceptsTheCommonFormsOnly() {
    assertThat(fast("2026-01-01T00:00:00.123Z", false)).isEqualTo(1767225600123000L);
    assertThat(fast("2024-02-29 10:00:00", true)).isEqualTo(1709200800000000L);
    assertThat(fast("2024-02-29 10:00:00", false)).isEqualTo(DateTimes.INVALID_TIMESTAMP);
    assertThat(fast("2023-02-29T00:00:00Z", false)).isEqualTo(DateTimes.INVALID_TIMESTAMP);
    assertThat(fast("2024-01-01T00:00:00+01:00", true)).isEqualTo(DateTimes.INVALID_TIMESTAMP);
    assertThat(fast("2024-01-01T00:00:00.Z", true)).isEqualTo(DateTimes.INVALID_TIMESTAMP);
    assertThat(fast("1969-12-31T23:59:59.9999999Z", true)).isEqualTo(-1L);
    assertThat(fast("1969-12-31T23:59:59.9999Z", true)).isEqualTo(-100L);
  }

  /** Wherever the fast path accepts a text, it agrees with Spark's full parser. */
  @Property(tries = 2000)
  void agreesWithDateTimes(
      @ForAll @IntRange(min = 1, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 13) int month,
      @ForAll @IntRange(min = 0, max = 32) int day,
      @ForAll @IntRange(min = 0, max = 24) int hour,
      @ForAll @IntRange(min = 0, max = 60) int min,
      @ForAll @IntRange(min = 0, max = 999999999) int nanos,
      @ForAll boolean zulu,
      @ForAll boolean space,
      @ForAll @IntRange(min = 0, max = 9) int fractionDigits) {
    String fraction =
        fractionDigits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, fractionDigits);
    String s =
        String.format(
            "%04d-%02d-%02d%s%02d:%02d:%02d%s%s",
            year, month, day, space ? " " : "T", hour, min, min % 60, fraction, zulu ? "Z" : "");
    long f = fast(s, true);
    if (f != DateTimes.INVALID_TIMESTAMP) {
      assertThat(f).as(s).isEqualTo(DateTimes.stringToTimestamp(s, ZoneOffset.UTC));
    } else {
      boolean valid =
          month >= 1
              && month <= 12
              && day >= 1
              && hour < 24
              && min < 60
              && day
                  <= java.time.YearMonth.of(year, Math.max(1, Math.min(12, month))).lengthOfMonth();
      assertThat(valid).as(s).isFalse();
    }
  }
}
