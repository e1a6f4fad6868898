package io.sluice.connector;

import io.sluice.AnalysisException;
import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.types.StructType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options a user gave a streaming source or sink, looked up ignoring the case of keys as Spark
 * does. Typed getters reject bad values with {@code STREAMING_SOURCE_OPTION_INVALID} (or {@code
 * _SINK_}) naming the option as the user wrote it and the format.
 */
public final class StreamingOptions {
  private static final Pattern TIME = Pattern.compile("(-?[0-9]+)([a-z]+)?");

  private final String format;
  private final boolean sink;
  private final SourceOptions options;

  private StreamingOptions(String format, boolean sink, Map<String, String> options) {
    this.format = format;
    this.sink = sink;
    this.options =
        new SourceOptions(
            options,
            (option, value, reason) ->
                new SluiceIllegalArgumentException(
                    sink
                        ? ErrorClass.STREAMING_SINK_OPTION_INVALID
                        : ErrorClass.STREAMING_SOURCE_OPTION_INVALID,
                    SluiceException.params(
                        "value", value, "option", option, "format", format, "reason", reason)));
  }

  /** The options of the source {@code format}. */
  public static StreamingOptions ofSource(String format, Map<String, String> options) {
    return new StreamingOptions(format, false, options);
  }

  /** The options of the sink {@code format}. */
  public static StreamingOptions ofSink(String format, Map<String, String> options) {
    return new StreamingOptions(format, true, options);
  }

  /** The value of {@code key} (any case), if given. */
  public Optional<String> get(String key) {
    return options.get(key);
  }

  /** The value of a required option; {@code hint} tells the user how to set it. */
  public String require(String key, String hint) {
    return get(key)
        .orElseThrow(
            () ->
                new AnalysisException(
                    sink
                        ? ErrorClass.STREAMING_SINK_OPTION_INVALID
                        : ErrorClass.STREAMING_SOURCE_OPTION_INVALID,
                    SluiceException.params(
                        "value", "(none)", "option", key, "format", format, "reason", hint)));
  }

  public long getLong(String key, long defaultValue) {
    return options.getLong(key, defaultValue);
  }

  public int getInt(String key, int defaultValue) {
    return options.getInt(key, defaultValue);
  }

  /** {@code true} or {@code false} in any case, as Spark's option maps accept. */
  public boolean getBoolean(String key, boolean defaultValue) {
    return options.getBoolean(key, defaultValue);
  }

  /**
   * A duration in whole seconds written as Spark's time strings: a number with an optional unit
   * {@code us}, {@code ms}, {@code s}, {@code m}/{@code min}, {@code h} or {@code d} (seconds when
   * none); finer units are truncated to seconds ({@code 1500ms} is 1).
   */
  public long getSeconds(String key, long defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) return defaultValue;
    Matcher m = TIME.matcher(v.get().toLowerCase(Locale.ROOT).trim());
    if (!m.matches()) {
      throw invalid(
          key, v.get(), "it must be a duration such as 10 (seconds), 10s, 500ms, 2m, 1h or 1d");
    }
    TimeUnit unit =
        m.group(2) == null
            ? TimeUnit.SECONDS
            : switch (m.group(2)) {
              case "us" -> TimeUnit.MICROSECONDS;
              case "ms" -> TimeUnit.MILLISECONDS;
              case "s" -> TimeUnit.SECONDS;
              case "m", "min" -> TimeUnit.MINUTES;
              case "h" -> TimeUnit.HOURS;
              case "d" -> TimeUnit.DAYS;
              default ->
                  throw invalid(
                      key,
                      v.get(),
                      "unknown unit " + m.group(2) + "; use us, ms, s, m, min, h or d");
            };
    try {
      return TimeUnit.SECONDS.convert(Long.parseLong(m.group(1)), unit);
    } catch (NumberFormatException e) {
      throw invalid(key, v.get(), "the number is too large");
    }
  }

  /**
   * {@code actual}, the schema of a source whose schema is fixed, after checking that the user's
   * schema (null when none was given) is the same, as Spark accepts only that.
   */
  public StructType fixedSchema(StructType userSchema, StructType actual) {
    if (userSchema == null || userSchema.equals(actual)) return actual;
    throw new AnalysisException(
        ErrorClass.USER_SPECIFIED_SCHEMA_UNSUPPORTED,
        SluiceException.params(
            "operation",
            "the "
                + format
                + " source, whose schema is always "
                + actual.toDDL()
                + "; remove the schema(...) call"));
  }

  /** The error for a bad value of {@code key}, naming the key as the user wrote it. */
  public SluiceIllegalArgumentException invalid(String key, String value, String reason) {
    return options.invalid(key, value, reason);
  }
}
