package io.sluice.connector.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.sluice.config.SQLConf;
import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.expr.DateTimes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The options of the JSON source, parsed and checked once per scan. Keys are case-insensitive;
 * defaults are Spark's. A bad value fails with {@code INVALID_OPTION_VALUE} naming the option.
 */
public final class JsonOptions {
  final ParseMode mode;
  final String columnNameOfCorruptRecord;
  final boolean multiLine;
  /** The line separator's UTF-8 bytes, or null for {@code \n}, {@code \r\n} and {@code \r}. */
  final byte[] lineSeparator;
  final ZoneId zoneId;
  /** A {@code timestampFormat} pattern, or null for Spark's lenient default parsing. */
  final DateTimeFormatter timestampFormat;
  /** A {@code dateFormat} pattern, or null for Spark's lenient default parsing. */
  final DateTimeFormatter dateFormat;
  final boolean primitivesAsString;
  final boolean prefersDecimal;
  final double samplingRatio;
  final boolean dropFieldIfAllNull;
  final boolean inferTimestamp;
  final boolean allowNonNumericNumbers;
  final boolean recursiveFileLookup;
  final String pathGlobFilter;
  final long maxPartitionBytes;
  final long openCostInBytes;
  final int minPartitions;
  private final JsonFactory factory;

  JsonOptions(SourceOptions o, SQLConf conf) {
    mode = ParseMode.fromOptions(o);
    columnNameOfCorruptRecord = o.getString("columnNameOfCorruptRecord",
        conf.get(SQLConf.COLUMN_NAME_OF_CORRUPT_RECORD));
    multiLine = o.getBoolean("multiLine", false);
    lineSeparator = lineSeparator(o);
    checkEncoding(o);
    String tz = o.getString("timeZone", conf.sessionTimeZone());
    try {
      zoneId = DateTimes.zoneOf(tz);
    } catch (RuntimeException e) {
      throw o.invalid("timeZone", tz, "it must be a region id such as America/Los_Angeles or"
          + " an offset such as +01:00");
    }
    timestampFormat = pattern(o, "timestampFormat");
    dateFormat = pattern(o, "dateFormat");
    primitivesAsString = o.getBoolean("primitivesAsString", false);
    prefersDecimal = o.getBoolean("prefersDecimal", false);
    samplingRatio = o.getDouble("samplingRatio", 1.0);
    if (!(samplingRatio > 0 && samplingRatio <= 1)) {
      throw o.invalid("samplingRatio", o.get("samplingRatio").orElse(""),
          "it must be greater than 0 and at most 1");
    }
    dropFieldIfAllNull = o.getBoolean("dropFieldIfAllNull", false);
    inferTimestamp = o.getBoolean("inferTimestamp", false);
    allowNonNumericNumbers = o.getBoolean("allowNonNumericNumbers", true);
    recursiveFileLookup = o.getBoolean("recursiveFileLookup", false);
    pathGlobFilter = o.get("pathGlobFilter").orElse(null);
    maxPartitionBytes = o.getBytes("maxPartitionBytes", conf.get(SQLConf.FILES_MAX_PARTITION_BYTES));
    if (maxPartitionBytes <= 0) {
      throw o.invalid("maxPartitionBytes", o.get("maxPartitionBytes").orElse(""),
          "it must be positive");
    }
    openCostInBytes = o.getBytes("openCostInBytes", conf.get(SQLConf.FILES_OPEN_COST_IN_BYTES));
    minPartitions = Math.max(1, conf.workerThreads());
    factory = buildFactory(o, allowNonNumericNumbers);
  }

  /** The Jackson factory with the {@code allow*} features; thread-safe, shared by readers. */
  JsonFactory factory() {
    return factory;
  }

  private static JsonFactory buildFactory(SourceOptions o, boolean nonNumeric) {
    return new JsonFactoryBuilder()
        .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, o.getBoolean("allowComments", false))
        .configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
            o.getBoolean("allowUnquotedFieldNames", false))
        .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, o.getBoolean("allowSingleQuotes", true))
        .configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
            o.getBoolean("allowNumericLeadingZeros", false))
        .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, nonNumeric)
        .configure(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
            o.getBoolean("allowBackslashEscapingAnyCharacter", false))
        .configure(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
            o.getBoolean("allowUnquotedControlChars", false))
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(o.getInt("maxNestingDepth", 1000))
            .maxNumberLength(o.getInt("maxNumLen", 1000))
            .maxStringLength(Integer.MAX_VALUE)
            .build())
        .build();
  }

  private static byte[] lineSeparator(SourceOptions o) {
    String sep = o.get("lineSep").orElse(null);
    if (sep == null) return null;
    if (sep.isEmpty()) throw o.invalid("lineSep", sep, "it must not be empty");
    return sep.getBytes(StandardCharsets.UTF_8);
  }

  private static void checkEncoding(SourceOptions o) {
    String enc = o.get("encoding").or(() -> o.get("charset")).orElse(null);
    if (enc == null) return;
    String key = o.contains("encoding") ? "encoding" : "charset";
    Charset cs;
    try {
      cs = Charset.forName(enc.trim());
    } catch (RuntimeException e) {
      throw o.invalid(key, enc, "it is not a known character set");
    }
    if (!cs.equals(StandardCharsets.UTF_8) && !cs.equals(StandardCharsets.US_ASCII)) {
      throw o.invalid(key, enc, "the JSON source reads UTF-8 only; convert the files to UTF-8");
    }
  }

  private static DateTimeFormatter pattern(SourceOptions o, String key) {
    String p = o.get(key).orElse(null);
    if (p == null) return null;
    try {
      return new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern(p)
          .parseDefaulting(ChronoField.ERA, 1)
          .toFormatter(Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw o.invalid(key, p, "it is not a valid datetime pattern: " + e.getMessage());
    }
  }
}
