package io.sluice.connector.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.sluice.config.SQLConf;
import io.sluice.connector.file.RecordParseOptions;
import io.sluice.connector.file.SourceOptions;

/**
 * The options of the JSON source, parsed and checked once per scan. Keys are case-insensitive;
 * defaults are Spark's. A bad value fails with {@code INVALID_OPTION_VALUE} naming the option.
 * The options all file sources share are in {@link RecordParseOptions}.
 */
public final class JsonOptions extends RecordParseOptions {
  final boolean primitivesAsString;
  final boolean prefersDecimal;
  final boolean dropFieldIfAllNull;
  final boolean inferTimestamp;
  final boolean allowNonNumericNumbers;
  private final JsonFactory factory;

  JsonOptions(SourceOptions o, SQLConf conf) {
    super(o, conf, 0);
    checkUtf8(o, "JSON");
    primitivesAsString = o.getBoolean("primitivesAsString", false);
    prefersDecimal = o.getBoolean("prefersDecimal", false);
    dropFieldIfAllNull = o.getBoolean("dropFieldIfAllNull", false);
    inferTimestamp = o.getBoolean("inferTimestamp", false);
    allowNonNumericNumbers = o.getBoolean("allowNonNumericNumbers", true);
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
}
