package io.sluice.connector.csv;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.DateTimeText;
import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.expr.DateTimes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The options of the CSV writer, with Spark's names and its defaults for writing: {@code sep},
 * {@code quote}, {@code escape}, {@code charToEscapeQuoteEscaping}, {@code escapeQuotes} (true),
 * {@code quoteAll}, {@code header}, {@code nullValue} (empty), {@code emptyValue} ({@code ""}),
 * {@code ignoreLeadingWhiteSpace} and {@code ignoreTrailingWhiteSpace} (both true: values are
 * trimmed), {@code dateFormat}, {@code timestampFormat}, {@code timeZone}, {@code lineSep}.
 */
final class CsvWriteOptions {
  final byte[] delimiter;
  final int quote;
  final int escape;
  final int escapeEscape;
  final boolean escapeQuotes;
  final boolean quoteAll;
  final boolean header;
  final byte[] nullValue;
  final byte[] emptyValue;
  final boolean trimLeading;
  final boolean trimTrailing;

  /** A {@code dateFormat} formatter, or null for {@code yyyy-MM-dd}. */
  final DateTimeFormatter dateFormat;

  /** A {@code timestampFormat} formatter, or null for Spark's default. */
  final DateTimeFormatter timestampFormat;

  final ZoneId zone;
  final byte[] lineSeparator;

  CsvWriteOptions(SourceOptions o, SQLConf conf) {
    delimiter = CsvOptions.delimiter(o);
    quote = CsvOptions.asciiChar(o, "quote", '"');
    escape = CsvOptions.asciiChar(o, "escape", '\\');
    int escapeEscapeOption = CsvOptions.asciiChar(o, "charToEscapeQuoteEscaping", CsvOptions.NONE);
    escapeEscape =
        escapeEscapeOption != CsvOptions.NONE
            ? escapeEscapeOption
            : escape != quote ? escape : CsvOptions.NONE;
    escapeQuotes = o.getBoolean("escapeQuotes", true);
    quoteAll = o.getBoolean("quoteAll", false);
    header = o.getBoolean("header", false);
    nullValue = o.getString("nullValue", "").getBytes(StandardCharsets.UTF_8);
    emptyValue = o.getString("emptyValue", "\"\"").getBytes(StandardCharsets.UTF_8);
    trimLeading = o.getBoolean("ignoreLeadingWhiteSpace", true);
    trimTrailing = o.getBoolean("ignoreTrailingWhiteSpace", true);
    dateFormat = DateTimeText.formatter(o, "dateFormat");
    timestampFormat = DateTimeText.formatter(o, "timestampFormat");
    String tz = o.getString("timeZone", conf.sessionTimeZone());
    try {
      zone = DateTimes.zoneOf(tz);
    } catch (RuntimeException e) {
      throw o.invalid(
          "timeZone", tz, "it must be a region id such as America/Los_Angeles or an offset");
    }
    String sep = o.getString("lineSep", "\n");
    if (sep.isEmpty() || sep.length() > 2) {
      throw o.invalid("lineSep", sep, "it must hold one or two characters");
    }
    lineSeparator = sep.getBytes(StandardCharsets.UTF_8);
    String enc = o.get("encoding").or(() -> o.get("charset")).orElse(null);
    if (enc != null && !isUtf8(enc)) {
      throw o.invalid(
          o.contains("encoding") ? "encoding" : "charset", enc, "the CSV sink writes UTF-8 only");
    }
  }

  private static boolean isUtf8(String name) {
    try {
      return Charset.forName(name.trim()).equals(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
