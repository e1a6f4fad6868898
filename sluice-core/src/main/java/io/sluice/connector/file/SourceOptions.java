package io.sluice.connector.file;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The options a user gave a source, looked up ignoring the case of keys as Spark does. Typed
 * getters reject bad values with {@code INVALID_OPTION_VALUE} naming the option.
 */
public final class SourceOptions {
  /** Builds the error for a bad value, given the option as the user wrote it. */
  @FunctionalInterface
  public interface InvalidValue {
    SluiceIllegalArgumentException of(String option, String value, String reason);
  }

  private static final InvalidValue INVALID_OPTION_VALUE =
      (option, value, reason) ->
          new SluiceIllegalArgumentException(
              ErrorClass.INVALID_OPTION_VALUE,
              SluiceException.params("value", value, "option", option, "reason", reason));

  private final Map<String, String> values;
  private final Map<String, String> originalKeys;
  private final InvalidValue invalidValue;

  public SourceOptions(Map<String, String> options) {
    this(options, INVALID_OPTION_VALUE);
  }

  /** Options whose bad values raise the errors {@code invalidValue} builds. */
  public SourceOptions(Map<String, String> options, InvalidValue invalidValue) {
    this.invalidValue = invalidValue;
    Map<String, String> v = new TreeMap<>();
    Map<String, String> k = new TreeMap<>();
    if (options != null) {
      for (Map.Entry<String, String> e : options.entrySet()) {
        String lower = e.getKey().toLowerCase(Locale.ROOT);
        v.put(lower, e.getValue());
        k.put(lower, e.getKey());
      }
    }
    this.values = Collections.unmodifiableMap(v);
    this.originalKeys = k;
  }

  /** The value of {@code key} (any case), if given. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
  }

  public boolean contains(String key) {
    return values.containsKey(key.toLowerCase(Locale.ROOT));
  }

  public String getString(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  /** A boolean option: {@code true} or {@code false} in any case. */
  public boolean getBoolean(String key, boolean defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) return defaultValue;
    String t = v.get().trim();
    if (t.equalsIgnoreCase("true")) return true;
    if (t.equalsIgnoreCase("false")) return false;
    throw invalid(key, v.get(), "it must be true or false");
  }

  public double getDouble(String key, double defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) return defaultValue;
    try {
      return Double.parseDouble(v.get().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, v.get(), "it must be a number");
    }
  }

  public long getLong(String key, long defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) return defaultValue;
    try {
      return Long.parseLong(v.get().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, v.get(), "it must be an integer (a long)");
    }
  }

  public int getInt(String key, int defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) return defaultValue;
    try {
      return Integer.parseInt(v.get().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, v.get(), "it must be an integer");
    }
  }

  /** A size in bytes such as {@code 134217728}, {@code 128m} or {@code 1g}. */
  public long getBytes(String key, long defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) return defaultValue;
    try {
      return io.sluice.config.ConfigOption.parseBytes(v.get());
    } catch (RuntimeException e) {
      throw invalid(key, v.get(), "it must be a size in bytes such as 134217728, 128m or 1g");
    }
  }

  /** {@code key} as the user wrote it (its case), or {@code key} itself when not given. */
  public String keyAsGiven(String key) {
    return originalKeys.getOrDefault(key.toLowerCase(Locale.ROOT), key);
  }

  /** The error for a bad value of {@code key}, naming the key as the user wrote it. */
  public SluiceIllegalArgumentException invalid(String key, String value, String reason) {
    return invalidValue.of(keyAsGiven(key), value, reason);
  }

  /** Every option, keys lower-cased. */
  public Map<String, String> asMap() {
    return values;
  }
}
