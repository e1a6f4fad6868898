package io.sluice.connector.file;

import io.sluice.exec.expr.DateTimes;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Date and timestamp text of file sources: with a user's {@code dateFormat} / {@code
 * timestampFormat} pattern, or in Spark's lenient forms (those of a cast from string), with a fast
 * path for the ISO-8601 timestamps producers write most.
 */
public final class DateTimeText {
  private DateTimeText() {}

  /**
   * The formatter for the datetime pattern in option {@code key} (strict, as Spark's), or null when
   * the option is absent; a bad pattern fails with {@code INVALID_OPTION_VALUE}.
   */
  public static DateTimeFormatter formatter(SourceOptions o, String key) {
    String p = o.get(key).orElse(null);
    if (p == null) return null;
    try {
      return ofPattern(p);
    } catch (IllegalArgumentException e) {
      throw o.invalid(key, p, "it is not a valid datetime pattern: " + e.getMessage());
    }
  }

  /** A strict formatter for a datetime pattern; {@link IllegalArgumentException} if invalid. */
  public static DateTimeFormatter ofPattern(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .parseDefaulting(ChronoField.ERA, 1)
        .toFormatter(Locale.US)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Microseconds since the epoch of {@code text} in {@code format}; a text without a zone is in
   * {@code zone}, one without a time is at midnight. {@link DateTimes#INVALID_TIMESTAMP} if it does
   * not match.
   */
  public static long parseTimestamp(DateTimeFormatter format, String text, ZoneId zone) {
    try {
      TemporalAccessor t = format.parse(text);
      LocalDate date = t.query(TemporalQueries.localDate());
      if (date == null) return DateTimes.INVALID_TIMESTAMP;
      LocalTime time = t.query(TemporalQueries.localTime());
      ZoneId z = t.query(TemporalQueries.zone());
      java.time.Instant instant =
          date.atTime(time == null ? LocalTime.MIDNIGHT : time)
              .atZone(z == null ? zone : z)
              .toInstant();
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    } catch (DateTimeException | ArithmeticException e) {
      return DateTimes.INVALID_TIMESTAMP;
    }
  }

  /** Days since the epoch of {@code text} in {@code format}, or {@link DateTimes#INVALID_DATE}. */
  public static int parseDate(DateTimeFormatter format, String text) {
    try {
      LocalDate date = format.parse(text).query(TemporalQueries.localDate());
      return date == null ? DateTimes.INVALID_DATE : Math.toIntExact(date.toEpochDay());
    } catch (DateTimeException | ArithmeticException e) {
      return DateTimes.INVALID_DATE;
    }
  }

  /**
   * A timestamp in Spark's lenient forms from UTF-8 bytes: the ISO fast path first, then every form
   * a cast from string accepts. {@code zoneIsUtc} says whether {@code zone} is UTC (which lets the
   * fast path read texts without a zone).
   */
  public static long lenientTimestamp(byte[] b, int off, int len, ZoneId zone, boolean zoneIsUtc) {
    long micros = IsoTimestamps.parse(b, off, len, zoneIsUtc);
    return micros != DateTimes.INVALID_TIMESTAMP
        ? micros
        : DateTimes.stringToTimestamp(b, off, len, zone);
  }

  /**
   * {@link #lenientTimestamp} with a {@link IsoTimestamps.Parser} that remembers the last date (for
   * a column of timestamps, most of which share their day with the one before).
   */
  public static long lenientTimestamp(
      IsoTimestamps.Parser iso, byte[] b, int off, int len, ZoneId zone, boolean zoneIsUtc) {
    long micros = iso.parse(b, off, len, zoneIsUtc);
    return micros != DateTimes.INVALID_TIMESTAMP
        ? micros
        : DateTimes.stringToTimestamp(b, off, len, zone);
  }

  /** True when {@code zone} is UTC (so that {@link #lenientTimestamp}'s fast path applies). */
  public static boolean isUtc(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC);
  }

  /**
   * Spark's fallback for old files: {@code GMT} removed from the text (as Spark 1.x wrote it), or
   * null when the text has none.
   */
  public static byte[] withoutGmt(byte[] b, int off, int len) {
    String s = new String(b, off, len, StandardCharsets.UTF_8);
    return s.contains("GMT") ? s.replace("GMT", "").getBytes(StandardCharsets.UTF_8) : null;
  }

  /** Spark 1.5 wrote dates as day counts; Spark still reads an integer string so. */
  public static int dayCount(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return DateTimes.INVALID_DATE;
    }
  }

  /**
   * Spark's default timestamp text of the JSON and CSV writers, {@code
   * yyyy-MM-dd'T'HH:mm:ss.SSSXXX}: milliseconds always, the offset as {@code Z} or {@code +HH:MM}
   * (with {@code :ss} when the offset has seconds, as for zones' local mean time before 1900).
   */
  public static void appendDefaultTimestamp(StringBuilder sb, long micros, ZoneId zone) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int millis = (int) (Math.floorMod(micros, 1_000_000L) / 1000);
    int offset = DateTimes.offsetSecondsAt(zone, seconds);
    long local = seconds + offset;
    long day = Math.floorDiv(local, 86_400L);
    int secondOfDay = (int) Math.floorMod(local, 86_400L);
    DateTimes.appendDate(sb, day);
    sb.append('T');
    two(sb, secondOfDay / 3600);
    sb.append(':');
    two(sb, secondOfDay / 60 % 60);
    sb.append(':');
    two(sb, secondOfDay % 60);
    sb.append('.');
    sb.append((char) ('0' + millis / 100))
        .append((char) ('0' + millis / 10 % 10))
        .append((char) ('0' + millis % 10));
    if (offset == 0) {
      sb.append('Z');
      return;
    }
    sb.append(offset < 0 ? '-' : '+');
    int abs = Math.abs(offset);
    two(sb, abs / 3600);
    sb.append(':');
    two(sb, abs / 60 % 60);
    if (abs % 60 != 0) {
      sb.append(':');
      two(sb, abs % 60);
    }
  }

  private static void two(StringBuilder sb, int v) {
    sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
