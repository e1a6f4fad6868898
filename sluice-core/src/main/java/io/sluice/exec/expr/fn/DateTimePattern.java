package io.sluice.exec.expr.fn;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.error.SluiceRuntimeException;
import java.text.SimpleDateFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Spark datetime pattern ({@code yyyy-MM-dd HH:mm:ss.SSS}) compiled to a {@link
 * DateTimeFormatter} under Spark 3+ rules: week-based letters ({@code Y W w u e c}) and {@code A B
 * n N p} are rejected, as are {@code E F q Q} for parsing and the narrow text forms (five {@code G
 * M L E Q q}) or seven {@code y}; outside quotes {@code y} becomes {@code u} (so negative years
 * work) unless the pattern has an era {@code G}; a parsing pattern with {@code S} accepts 1 to n
 * fraction digits. Letters are case-insensitive when parsing, the locale is {@code en-US}, the
 * calendar ISO and the resolver strict. An invalid pattern raises Spark's error (and {@code
 * INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION} when the pre-3.0 {@link
 * SimpleDateFormat} would have accepted it).
 *
 * <p>Compile a constant pattern once per query with {@link #forFormatting}/{@link #forParsing};
 * patterns that vary per row go through a small shared cache. Instances are immutable and
 * thread-safe. Public so the CSV and JSON readers can share it ({@code timestampFormat}, {@code
 * dateFormat}).
 */
public final class DateTimePattern {
  /** Spark's default timestamp pattern ({@code unix_timestamp}, {@code from_unixtime}). */
  public static final String DEFAULT_TIMESTAMP = "yyyy-MM-dd HH:mm:ss";

  static final String DOC_ROOT = "https://spark.apache.org/docs/latest";

  private static final String WEEK_BASED = "YWwuec";
  private static final String UNSUPPORTED = "ABnNp";
  private static final String UNSUPPORTED_FOR_PARSING = "EFqQ";
  private static final String[] TOO_LONG = {
    "GGGGG", "MMMMM", "LLLLL", "EEEEE", "QQQQQ", "qqqqq", "yyyyyyy"
  };
  private static final String ZONE_LETTERS = "VvzOXxZ";
  private static final int CACHE_SIZE = 128;
  private static final Map<String, Object> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private final String pattern;
  private final DateTimeFormatter formatter;
  private final boolean zoneFree;

  /** The arithmetic shortcut for numeric patterns, or null. */
  private final FastDateTimePattern fast;

  private final boolean varLengthFraction;

  private DateTimePattern(
      String pattern,
      DateTimeFormatter formatter,
      boolean zoneFree,
      FastDateTimePattern fast,
      boolean varLengthFraction) {
    this.pattern = pattern;
    this.formatter = formatter;
    this.zoneFree = zoneFree;
    this.fast = fast;
    this.varLengthFraction = varLengthFraction;
  }

  /** The pattern for formatting, or Spark's error for an invalid one. */
  public static DateTimePattern forFormatting(String pattern) {
    return cached(pattern, false);
  }

  /** The pattern for parsing, or Spark's error for an invalid one. */
  public static DateTimePattern forParsing(String pattern) {
    return cached(pattern, true);
  }

  public String pattern() {
    return pattern;
  }

  public DateTimeFormatter formatter() {
    return formatter;
  }

  /** True when the pattern prints no zone or offset, so a local date-time suffices. */
  boolean zoneFree() {
    return zoneFree;
  }

  // ---------------------------------------------------------------------------------------------
  // Formatting

  /** The text of a timestamp (microseconds since the epoch) in {@code zone}. */
  public String format(long micros, ZoneId zone) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
    return formatter.withZone(zone).format(Instant.ofEpochSecond(seconds, nanos));
  }

  /**
   * Appends the text of the local date-time {@code localSecond} (+ {@code nanos}); only for a
   * {@link #zoneFree()} pattern.
   */
  void formatLocal(StringBuilder sb, long localSecond, int nanos) {
    if (fast != null && FastDateTimePattern.handles(localSecond)) {
      byte[] text = new byte[fast.width()];
      fast.format(text, 0, localSecond, nanos);
      sb.append(new String(text, java.nio.charset.StandardCharsets.US_ASCII));
      return;
    }
    formatter.formatTo(LocalDateTime.ofEpochSecond(localSecond, nanos, ZoneOffset.UTC), sb);
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /**
   * Microseconds since the epoch of {@code text}, in the zone the text names or else {@code zone}.
   * Fields the pattern lacks default as in Spark: year 1970, month and day 1, time 0 (12 for a lone
   * PM). Throws {@link DateTimeException} (the parser's message, e.g. {@code Text 'x' could not be
   * parsed at index 0}) or {@link ArithmeticException} when out of range.
   */
  public long parseMicros(String text, ZoneId zone) {
    TemporalAccessor parsed = formatter.parse(text);
    ZoneId parsedZone = parsed.query(TemporalQueries.zone());
    ZonedDateTime z =
        ZonedDateTime.of(
            localDate(parsed), localTime(parsed), parsedZone == null ? zone : parsedZone);
    return Math.addExact(Math.multiplyExact(z.toEpochSecond(), 1_000_000L), z.getNano() / 1000);
  }

  /**
   * {@link #parseMicros} of the UTF-8 text {@code bytes[start, end)} in the zone of {@code zone},
   * without a {@code String} when the pattern is a numeric one the shortcut reads; else through the
   * formatter.
   */
  long parseMicros(byte[] bytes, int start, int end, ZoneOffsets zone) {
    if (fast != null) {
      long r = fast.parse(bytes, start, end, zone, varLengthFraction);
      if (r != FastDateTimePattern.NOT_HANDLED) return r;
    }
    String text = new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    return parseMicros(text, zone.zone());
  }

  /**
   * The shortcut that formats this pattern straight into bytes, or null (a pattern with text
   * fields, zones or odd widths).
   */
  FastDateTimePattern fast() {
    return fast;
  }

  private static LocalDate localDate(TemporalAccessor t) {
    LocalDate date = t.query(TemporalQueries.localDate());
    if (date != null) return date;
    int year = orDefault(t, ChronoField.YEAR, 1970);
    if (t.isSupported(ChronoField.DAY_OF_YEAR)) {
      LocalDate byDay = LocalDate.ofYearDay(year, t.get(ChronoField.DAY_OF_YEAR));
      requireSame(t, ChronoField.MONTH_OF_YEAR, byDay);
      requireSame(t, ChronoField.DAY_OF_MONTH, byDay);
      return byDay;
    }
    return LocalDate.of(
        year,
        orDefault(t, ChronoField.MONTH_OF_YEAR, 1),
        orDefault(t, ChronoField.DAY_OF_MONTH, 1));
  }

  private static void requireSame(TemporalAccessor t, ChronoField field, LocalDate derived) {
    if (!t.isSupported(field)) return;
    int actual = t.get(field);
    int expected = derived.get(field);
    if (actual != expected) {
      throw new DateTimeException(
          "Conflict found: Field "
              + field
              + " "
              + actual
              + " differs from "
              + field
              + " "
              + expected
              + " derived from "
              + derived);
    }
  }

  private static LocalTime localTime(TemporalAccessor t) {
    LocalTime time = t.query(TemporalQueries.localTime());
    if (time != null) return time;
    int hour;
    if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
      hour = t.get(ChronoField.HOUR_OF_DAY);
    } else if (t.isSupported(ChronoField.HOUR_OF_AMPM)) {
      hour = t.get(ChronoField.HOUR_OF_AMPM); // no am/pm marker: morning
    } else if (t.isSupported(ChronoField.AMPM_OF_DAY) && t.get(ChronoField.AMPM_OF_DAY) == 1) {
      hour = 12;
    } else {
      hour = 0;
    }
    return LocalTime.of(
        hour,
        orDefault(t, ChronoField.MINUTE_OF_HOUR, 0),
        orDefault(t, ChronoField.SECOND_OF_MINUTE, 0),
        orDefault(t, ChronoField.NANO_OF_SECOND, 0));
  }

  private static int orDefault(TemporalAccessor t, ChronoField field, int dflt) {
    return t.isSupported(field) ? t.get(field) : dflt;
  }

  // ---------------------------------------------------------------------------------------------
  // Compiling

  private static DateTimePattern cached(String pattern, boolean parsing) {
    String key = (parsing ? 'P' : 'F') + pattern;
    Object hit;
    synchronized (CACHE) {
      hit = CACHE.get(key);
    }
    if (hit == null) {
      try {
        hit = compile(pattern, parsing);
      } catch (SluiceException e) {
        hit = e;
      }
      synchronized (CACHE) {
        CACHE.put(key, hit);
      }
    }
    if (hit instanceof SluiceException e) throw rethrowable(e);
    return (DateTimePattern) hit;
  }

  /** A fresh copy of a cached error, so each query gets its own stack trace. */
  private static SluiceException rethrowable(SluiceException e) {
    if (e instanceof SluiceIllegalArgumentException) {
      return new SluiceIllegalArgumentException(
          e.errorClass(), e.getMessageParameters(), e.getCause());
    }
    return new SluiceRuntimeException(e.errorClass(), e.getMessageParameters(), e.getCause());
  }

  static DateTimePattern compile(String pattern, boolean parsing) {
    try {
      String converted = convert(pattern, parsing);
      boolean varLength = parsing && converted.indexOf('S') >= 0;
      DateTimeFormatterBuilder b =
          varLength
              ? varLengthFraction(converted)
              : new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(converted);
      DateTimeFormatter f =
          b.toFormatter(Locale.US)
              .withChronology(IsoChronology.INSTANCE)
              .withResolverStyle(ResolverStyle.STRICT);
      return new DateTimePattern(
          pattern,
          f,
          !hasUnquoted(converted, ZONE_LETTERS),
          FastDateTimePattern.of(converted),
          varLength);
    } catch (SluiceIllegalArgumentException | IllegalArgumentException e) {
      if (legacyAccepts(pattern)) {
        throw new SluiceRuntimeException(
            ErrorClass.INCONSISTENT_BEHAVIOR_CROSS_VERSION_DATETIME_PATTERN_RECOGNITION,
            SluiceException.params(
                "pattern",
                quoted(pattern),
                "config",
                "\"spark.sql.legacy.timeParserPolicy\"",
                "docroot",
                DOC_ROOT),
            e);
      }
      if (e instanceof SluiceIllegalArgumentException s) throw s;
      throw new SluiceRuntimeException(
          ErrorClass.INVALID_DATETIME_PATTERN_WITH_SUGGESTION,
          SluiceException.params("pattern", quoted(pattern), "docroot", DOC_ROOT),
          e);
    }
  }

  /** Whether the pre-Spark-3.0 parser ({@link SimpleDateFormat}) accepts the pattern. */
  private static boolean legacyAccepts(String pattern) {
    try {
      new SimpleDateFormat(pattern, Locale.US);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String quoted(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * Checks the letters outside quotes and turns {@code y} into {@code u} there (unless the pattern
   * has an era). Parts between single quotes are literal text; {@code ''} is a quote.
   */
  static String convert(String pattern, boolean parsing) {
    String[] parts = pattern.split("'", -1);
    boolean era = false;
    for (int i = 0; i < parts.length; i += 2) era |= parts[i].indexOf('G') >= 0;
    for (int i = 0; i < parts.length; i += 2) {
      String part = parts[i];
      for (int k = 0; k < part.length(); k++) {
        char c = part.charAt(k);
        if (WEEK_BASED.indexOf(c) >= 0) {
          throw new SluiceIllegalArgumentException(
              ErrorClass.INCONSISTENT_BEHAVIOR_CROSS_VERSION_DATETIME_WEEK_BASED_PATTERN,
              SluiceException.params("c", String.valueOf(c)));
        }
      }
      for (int k = 0; k < part.length(); k++) {
        char c = part.charAt(k);
        boolean illegal =
            UNSUPPORTED.indexOf(c) >= 0 || (parsing && UNSUPPORTED_FOR_PARSING.indexOf(c) >= 0);
        if (illegal) {
          throw new SluiceIllegalArgumentException(
              ErrorClass.INVALID_DATETIME_PATTERN_ILLEGAL_CHARACTER,
              SluiceException.params("c", String.valueOf(c), "pattern", pattern));
        }
      }
      for (String tooLong : TOO_LONG) {
        if (part.contains(tooLong)) {
          throw new SluiceIllegalArgumentException(
              ErrorClass.INVALID_DATETIME_PATTERN_LENGTH,
              SluiceException.params("pattern", tooLong));
        }
      }
      if (!era) parts[i] = part.replace('y', 'u');
    }
    return String.join("'", parts);
  }

  /**
   * A builder whose runs of {@code S} read 1 to n digits (Spark's parsing of fractions of variable
   * length); quoted parts are literals and an empty quoted part a quote.
   */
  private static DateTimeFormatterBuilder varLengthFraction(String converted) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    String[] parts = converted.split("'"); // trailing empty parts dropped, as Spark's split
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() && i != 0) {
        b.appendLiteral('\'');
      } else if (i % 2 == 0) {
        appendWithFractions(b, part);
      } else {
        b.appendLiteral(part);
      }
    }
    return b;
  }

  private static void appendWithFractions(DateTimeFormatterBuilder b, String part) {
    int k = 0;
    while (k < part.length()) {
      int s = part.indexOf('S', k);
      if (s < 0) {
        b.appendPattern(part.substring(k));
        return;
      }
      if (s > k) b.appendPattern(part.substring(k, s));
      int end = s;
      while (end < part.length() && part.charAt(end) == 'S') end++;
      b.appendFraction(ChronoField.NANO_OF_SECOND, 1, end - s, false);
      k = end;
    }
  }

  private static boolean hasUnquoted(String pattern, String letters) {
    String[] parts = pattern.split("'", -1);
    for (int i = 0; i < parts.length; i += 2) {
      for (int k = 0; k < parts[i].length(); k++) {
        if (letters.indexOf(parts[i].charAt(k)) >= 0) return true;
      }
    }
    return false;
  }
}
