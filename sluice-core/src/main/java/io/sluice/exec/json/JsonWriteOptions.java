package io.sluice.exec.json;

import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.expr.DateTimes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * The options of {@code to_json}: {@code timestampFormat} and {@code dateFormat} (Spark's defaults
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} and {@code yyyy-MM-dd} are written by a fast path), {@code
 * timeZone}, {@code ignoreNullFields} and {@code pretty}. Keys are case-insensitive; other keys are
 * ignored, as Spark does.
 */
public final class JsonWriteOptions {
  final ZoneId zoneId;

  /** A {@code timestampFormat} formatter, or null for the default. */
  final DateTimeFormatter timestampFormat;

  /** A {@code dateFormat} formatter, or null for the default. */
  final DateTimeFormatter dateFormat;

  final boolean ignoreNullFields;
  final boolean pretty;

  /**
   * @param defaultZone the session time zone
   * @param defaultIgnoreNullFields the session's {@code spark.sql.jsonGenerator.ignoreNullFields}
   */
  public JsonWriteOptions(SourceOptions o, String defaultZone, boolean defaultIgnoreNullFields) {
    String tz = o.getString("timeZone", defaultZone);
    try {
      zoneId = DateTimes.zoneOf(tz);
    } catch (RuntimeException e) {
      throw o.invalid(
          "timeZone",
          tz,
          "it must be a region id such as America/Los_Angeles or" + " an offset such as +01:00");
    }
    timestampFormat = formatter(o, "timestampFormat");
    dateFormat = formatter(o, "dateFormat");
    ignoreNullFields = o.getBoolean("ignoreNullFields", defaultIgnoreNullFields);
    pretty = o.getBoolean("pretty", false);
  }

  private static DateTimeFormatter formatter(SourceOptions o, String key) {
    String p = o.get(key).orElse(null);
    if (p == null) return null;
    try {
      return new DateTimeFormatterBuilder().appendPattern(p).toFormatter(Locale.US);
    } catch (IllegalArgumentException e) {
      throw o.invalid(key, p, "it is not a valid datetime pattern: " + e.getMessage());
    }
  }
}
