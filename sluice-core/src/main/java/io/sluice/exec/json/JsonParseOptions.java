package io.sluice.exec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.sluice.connector.file.DateTimeText;
import io.sluice.connector.file.ParseMode;
import io.sluice.connector.file.RecordParseOptions;
import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.expr.DateTimes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The options that shape how JSON text is parsed and how its types are inferred, shared by the JSON
 * file source and the JSON functions ({@code from_json}, {@code schema_of_json}): the mode, the
 * corrupt-record column, datetime formats and zone, inference switches and Jackson's {@code allow*}
 * features. Keys are case-insensitive; defaults are Spark's; a bad value fails with {@code
 * INVALID_OPTION_VALUE} naming the option. Immutable and thread-safe.
 */
public final class JsonParseOptions {
  final ParseMode mode;
  final String columnNameOfCorruptRecord;
  final ZoneId zoneId;

  /** A {@code timestampFormat} pattern, or null for Spark's lenient default parsing. */
  final DateTimeFormatter timestampFormat;

  /** A {@code dateFormat} pattern, or null for Spark's lenient default parsing. */
  final DateTimeFormatter dateFormat;

  final boolean primitivesAsString;
  final boolean prefersDecimal;
  final boolean dropFieldIfAllNull;
  final boolean inferTimestamp;
  final boolean allowNonNumericNumbers;
  private final JsonFactory factory;

  /**
   * The options of a JSON function ({@code from_json}, {@code schema_of_json}).
   *
   * @param defaultCorruptColumn the corrupt-record column when the options do not name one (the
   *     session's {@code spark.sql.columnNameOfCorruptRecord})
   * @param defaultZone the zone of zone-less timestamps when no {@code timeZone} option is given
   */
  public JsonParseOptions(SourceOptions o, String defaultCorruptColumn, String defaultZone) {
    this(
        o,
        ParseMode.fromOptions(o),
        o.getString("columnNameOfCorruptRecord", defaultCorruptColumn),
        zone(o, defaultZone),
        DateTimeText.formatter(o, "timestampFormat"),
        DateTimeText.formatter(o, "dateFormat"));
  }

  /** The options of the JSON file source, whose file options were read already. */
  public JsonParseOptions(SourceOptions o, RecordParseOptions file) {
    this(
        o,
        file.mode,
        file.columnNameOfCorruptRecord,
        file.zoneId,
        file.timestampFormat,
        file.dateFormat);
  }

  private JsonParseOptions(
      SourceOptions o,
      ParseMode mode,
      String corrupt,
      ZoneId zone,
      DateTimeFormatter timestampFormat,
      DateTimeFormatter dateFormat) {
    this.mode = mode;
    this.columnNameOfCorruptRecord = corrupt;
    this.zoneId = zone;
    this.timestampFormat = timestampFormat;
    this.dateFormat = dateFormat;
    primitivesAsString = o.getBoolean("primitivesAsString", false);
    prefersDecimal = o.getBoolean("prefersDecimal", false);
    dropFieldIfAllNull = o.getBoolean("dropFieldIfAllNull", false);
    inferTimestamp = o.getBoolean("inferTimestamp", false);
    allowNonNumericNumbers = o.getBoolean("allowNonNumericNumbers", true);
    factory = buildFactory(o, allowNonNumericNumbers);
  }

  private static ZoneId zone(SourceOptions o, String defaultZone) {
    String tz = o.getString("timeZone", defaultZone);
    try {
      return DateTimes.zoneOf(tz);
    } catch (RuntimeException e) {
      throw o.invalid(
          "timeZone",
          tz,
          "it must be a region id such as America/Los_Angeles or" + " an offset such as +01:00");
    }
  }

  public ParseMode mode() {
    return mode;
  }

  public String columnNameOfCorruptRecord() {
    return columnNameOfCorruptRecord;
  }

  public ZoneId zoneId() {
    return zoneId;
  }

  public boolean dropFieldIfAllNull() {
    return dropFieldIfAllNull;
  }

  /** The Jackson factory with the {@code allow*} features; thread-safe, shared by readers. */
  public JsonFactory factory() {
    return factory;
  }

  private static JsonFactory buildFactory(SourceOptions o, boolean nonNumeric) {
    return new JsonFactoryBuilder()
        .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, o.getBoolean("allowComments", false))
        .configure(
            JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
            o.getBoolean("allowUnquotedFieldNames", false))
        .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, o.getBoolean("allowSingleQuotes", true))
        .configure(
            JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
            o.getBoolean("allowNumericLeadingZeros", false))
        .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, nonNumeric)
        .configure(
            JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
            o.getBoolean("allowBackslashEscapingAnyCharacter", false))
        .configure(
            JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
            o.getBoolean("allowUnquotedControlChars", false))
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(o.getInt("maxNestingDepth", 1000))
                .maxNumberLength(o.getInt("maxNumLen", 1000))
                .maxStringLength(Integer.MAX_VALUE)
                .build())
        .build();
  }
}
