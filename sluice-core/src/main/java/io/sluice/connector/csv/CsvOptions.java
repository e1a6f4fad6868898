package io.sluice.connector.csv;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.RecordParseOptions;
import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The options of the CSV source, parsed and checked once per scan, with Spark's names and defaults
 * (those for reading: {@code ignoreLeadingWhiteSpace} and {@code ignoreTrailingWhiteSpace} are
 * off). Characters given as options (quote, escape, comment) must be ASCII: the tokenizer compares
 * single bytes. A bad value fails with {@code INVALID_OPTION_VALUE} (or {@code
 * INVALID_DELIMITER_VALUE}) naming the option.
 */
public final class CsvOptions extends RecordParseOptions {
  /**
   * A character option that is not set ({@code ""}, or absent where there is no default); equal to
   * no byte.
   */
  static final int NONE = -256;

  /** How a quoted value holding a stray quote is read: {@code unescapedQuoteHandling}. */
  enum UnescapedQuoteHandling {
    /** The rest up to the next delimiter or line end joins the value, quotes included. */
    STOP_AT_DELIMITER,
    /** The stray quote is content; the value goes on to a closing quote. */
    STOP_AT_CLOSING_QUOTE,
    /** The value is read as unquoted: it ends at the first delimiter after its opening quote. */
    BACK_TO_DELIMITER,
    /** The value is skipped (read as null). */
    SKIP_VALUE,
    /** The file cannot be read. */
    RAISE_ERROR
  }

  final byte[] delimiter;
  final int quote;
  final int escape;
  final int charToEscapeQuoteEscaping;
  final int comment;
  final boolean header;
  final boolean inferSchema;
  final boolean preferDate;
  final boolean enforceSchema;
  final boolean ignoreLeadingWhiteSpace;
  final boolean ignoreTrailingWhiteSpace;
  final byte[] nullValue;
  final byte[] emptyValue;
  final String nanValue;
  final String positiveInf;
  final String negativeInf;

  /** {@code enableDateTimeParsingFallback}, or null when not given. */
  final Boolean dateTimeParsingFallback;

  final UnescapedQuoteHandling unescapedQuoteHandling;
  final int maxColumns;
  final int maxCharsPerColumn;

  /**
   * Whether only the read columns are parsed: the {@code columnPruning} option, by default {@code
   * spark.sql.csv.parser.columnPruning.enabled} unless {@code multiLine} (Spark 4 parses every
   * column of multi-line records, so which records are malformed does not depend on the columns
   * read there).
   */
  final boolean columnPruning;

  final boolean caseSensitive;

  CsvOptions(SourceOptions o, SQLConf conf) {
    super(o, conf, 2);
    checkUtf8(o, "CSV");
    delimiter = delimiter(o);
    quote = asciiChar(o, "quote", '"');
    escape = asciiChar(o, "escape", '\\');
    int escapeEscape = asciiChar(o, "charToEscapeQuoteEscaping", NONE);
    charToEscapeQuoteEscaping =
        escapeEscape != NONE ? escapeEscape : escape != quote ? escape : NONE;
    comment = asciiChar(o, "comment", NONE);
    header = o.getBoolean("header", false);
    inferSchema = o.getBoolean("inferSchema", false);
    preferDate = o.getBoolean("preferDate", true);
    enforceSchema = o.getBoolean("enforceSchema", true);
    ignoreLeadingWhiteSpace = o.getBoolean("ignoreLeadingWhiteSpace", false);
    ignoreTrailingWhiteSpace = o.getBoolean("ignoreTrailingWhiteSpace", false);
    nullValue = o.getString("nullValue", "").getBytes(StandardCharsets.UTF_8);
    emptyValue = o.getString("emptyValue", "").getBytes(StandardCharsets.UTF_8);
    nanValue = o.getString("nanValue", "NaN");
    positiveInf = o.getString("positiveInf", "Inf");
    negativeInf = o.getString("negativeInf", "-Inf");
    dateTimeParsingFallback =
        o.contains("enableDateTimeParsingFallback")
            ? o.getBoolean("enableDateTimeParsingFallback", false)
            : null;
    unescapedQuoteHandling = quoteHandling(o);
    maxColumns = o.getInt("maxColumns", 20480);
    if (maxColumns <= 0) {
      throw o.invalid("maxColumns", o.get("maxColumns").orElse(""), "it must be positive");
    }
    maxCharsPerColumn = o.getInt("maxCharsPerColumn", -1);
    String locale = o.get("locale").orElse(null);
    if (locale != null && !Locale.forLanguageTag(locale).getLanguage().equals("en")) {
      throw o.invalid(
          "locale", locale, "the CSV source reads numbers and dates in English" + " (en-US) only");
    }
    columnPruning =
        o.getBoolean("columnPruning", !multiLine && conf.get(SQLConf.CSV_PARSER_COLUMN_PRUNING));
    caseSensitive = conf.caseSensitive();
  }

  /** Whether a timestamp that does not match {@code timestampFormat} is read leniently. */
  boolean timestampFallback() {
    return dateTimeParsingFallback != null ? dateTimeParsingFallback : timestampFormat == null;
  }

  /** Whether a date that does not match {@code dateFormat} is read leniently. */
  boolean dateFallback() {
    return dateTimeParsingFallback != null ? dateTimeParsingFallback : dateFormat == null;
  }

  /** True when the nullValue is the text of {@code b[off, off + len)}. */
  boolean isNullValue(byte[] b, int off, int len) {
    byte[] n = nullValue;
    if (len != n.length) return false;
    for (int i = 0; i < len; i++) {
      if (b[off + i] != n[i]) return false;
    }
    return true;
  }

  /**
   * {@code sep} (or {@code delimiter}) as Spark reads it: one or more characters, where {@code \t},
   * {@code \r}, {@code \b}, {@code \f}, {@code \"}, {@code \'} and {@code \\} stand for the
   * character they name.
   */
  static byte[] delimiter(SourceOptions o) {
    String key = o.contains("sep") ? "sep" : "delimiter";
    String s = o.get(key).orElse(",");
    if (s.isEmpty()) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.INVALID_DELIMITER_VALUE_EMPTY_STRING, java.util.Map.of());
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new SluiceIllegalArgumentException(
            ErrorClass.INVALID_DELIMITER_VALUE_SINGLE_BACKSLASH, java.util.Map.of());
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case '"', '\'', '\\' -> out.append(n);
        default ->
            throw new SluiceIllegalArgumentException(
                ErrorClass.INVALID_DELIMITER_VALUE_UNSUPPORTED_SPECIAL_CHARACTER,
                SluiceException.params("str", "\\" + n));
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A one-character option: absent → the default; {@code ""} → not set. */
  static int asciiChar(SourceOptions o, String key, int defaultValue) {
    String v = o.get(key).orElse(null);
    if (v == null) return defaultValue;
    if (v.isEmpty() || v.equals("\u0000")) return NONE;
    if (v.length() != 1) throw o.invalid(key, v, "it must be a single character");
    char c = v.charAt(0);
    if (c >= 0x80) {
      throw o.invalid(key, v, "it must be an ASCII character (the CSV source compares bytes)");
    }
    return c;
  }

  private static UnescapedQuoteHandling quoteHandling(SourceOptions o) {
    String v = o.get("unescapedQuoteHandling").orElse(null);
    if (v == null) return UnescapedQuoteHandling.STOP_AT_DELIMITER;
    try {
      return UnescapedQuoteHandling.valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw o.invalid(
          "unescapedQuoteHandling",
          v,
          "it must be one of STOP_AT_DELIMITER,"
              + " STOP_AT_CLOSING_QUOTE, BACK_TO_DELIMITER, SKIP_VALUE, RAISE_ERROR");
    }
  }
}
