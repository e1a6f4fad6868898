package io.sluice.exec.json;

import io.sluice.exec.expr.DateTimes;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/** Dates and timestamps written with a user's {@code dateFormat} / {@code timestampFormat}. */
final class DateTimeText {
  private DateTimeText() {}

  /**
   * Microseconds since the epoch of {@code text} in {@code format}; a text without a zone is in
   * {@code zone}, one without a time is at midnight. {@link DateTimes#INVALID_TIMESTAMP} if it
   * does not match.
   */
  static long parseTimestamp(DateTimeFormatter format, String text, ZoneId zone) {
    try {
      TemporalAccessor t = format.parse(text);
      LocalDate date = t.query(TemporalQueries.localDate());
      if (date == null) return DateTimes.INVALID_TIMESTAMP;
      LocalTime time = t.query(TemporalQueries.localTime());
      ZoneId z = t.query(TemporalQueries.zone());
      java.time.Instant instant = date.atTime(time == null ? LocalTime.MIDNIGHT : time)
          .atZone(z == null ? zone : z).toInstant();
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
          instant.getNano() / 1000);
    } catch (DateTimeException | ArithmeticException e) {
      return DateTimes.INVALID_TIMESTAMP;
    }
  }

  /** Days since the epoch of {@code text} in {@code format}, or {@link DateTimes#INVALID_DATE}. */
  static int parseDate(DateTimeFormatter format, String text) {
    try {
      LocalDate date = format.parse(text).query(TemporalQueries.localDate());
      return date == null ? DateTimes.INVALID_DATE : Math.toIntExact(date.toEpochDay());
    } catch (DateTimeException | ArithmeticException e) {
      return DateTimes.INVALID_DATE;
    }
  }

  /** Spark 1.5 wrote dates as day counts; Spark still reads an integer string so. */
  static int dayCount(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return DateTimes.INVALID_DATE;
    }
  }
}
