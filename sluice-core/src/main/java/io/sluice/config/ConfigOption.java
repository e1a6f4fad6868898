package io.sluice.config;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed configuration option, declared once: its key (always {@code sluice.*}; the {@code
 * spark.*} spelling is accepted as an alias), default, documentation and the version that
 * introduced it. Values are parsed from text with a clear error that names the key.
 *
 * @param <T> the value type
 */
public final class ConfigOption<T> {
  private final String key;
  private final T defaultValue;
  private final String doc;
  private final String since;
  private final Function<String, T> parser;
  private final String expected;

  private ConfigOption(
      String key,
      T defaultValue,
      String doc,
      String since,
      Function<String, T> parser,
      String expected) {
    if (!key.startsWith("sluice.")) {
      throw new IllegalArgumentException("Config keys start with 'sluice.': " + key);
    }
    this.key = key;
    this.defaultValue = defaultValue;
    this.doc = Objects.requireNonNull(doc, "doc");
    this.since = since;
    this.parser = parser;
    this.expected = expected;
  }

  public static ConfigOption<Boolean> bool(String key, boolean def, String doc, String since) {
    return new ConfigOption<>(key, def, doc, since, ConfigOption::parseBool, "true or false");
  }

  public static ConfigOption<Integer> integer(String key, Integer def, String doc, String since) {
    return new ConfigOption<>(key, def, doc, since, s -> Integer.parseInt(s.trim()), "an integer");
  }

  public static ConfigOption<Long> longValue(String key, Long def, String doc, String since) {
    return new ConfigOption<>(key, def, doc, since, s -> Long.parseLong(s.trim()), "a long");
  }

  /**
   * A size in bytes, written as a number with an optional unit: {@code 134217728}, {@code 128m},
   * {@code 128MB}, {@code 1g} (units k, m, g, t, p in powers of 1024, as Spark's byte configs).
   */
  public static ConfigOption<Long> bytes(String key, Long def, String doc, String since) {
    return new ConfigOption<>(
        key,
        def,
        doc,
        since,
        ConfigOption::parseBytes,
        "a size in bytes such as 134217728, 128m or 1g");
  }

  /** Parses a byte size such as {@code 128m} or {@code 1g}; throws on anything else. */
  public static long parseBytes(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.endsWith("b")) t = t.substring(0, t.length() - 1);
    long unit = 1;
    if (!t.isEmpty()) {
      int u = "kmgtp".indexOf(t.charAt(t.length() - 1));
      if (u >= 0) {
        unit = 1L << (10 * (u + 1));
        t = t.substring(0, t.length() - 1);
      }
    }
    long n = Long.parseLong(t.trim());
    if (n < 0) throw new IllegalArgumentException("negative size: " + s);
    return Math.multiplyExact(n, unit);
  }

  public static ConfigOption<String> string(String key, String def, String doc, String since) {
    return new ConfigOption<>(key, def, doc, since, s -> s, "a string");
  }

  /** A string that must be one of {@code allowed} (compared ignoring case; kept upper-case). */
  public static ConfigOption<String> oneOf(
      String key, String def, String doc, String since, String... allowed) {
    java.util.List<String> values = java.util.List.of(allowed);
    return new ConfigOption<>(
        key,
        def,
        doc,
        since,
        s -> {
          String v = s.trim().toUpperCase(java.util.Locale.ROOT);
          if (!values.contains(v)) throw new IllegalArgumentException(s);
          return v;
        },
        "one of " + String.join(", ", values));
  }

  public String key() {
    return key;
  }

  /** The {@code spark.*} spelling of the key. */
  public String sparkKey() {
    return "spark." + key.substring("sluice.".length());
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String doc() {
    return doc;
  }

  public String since() {
    return since;
  }

  /** Parses a textual value, failing with {@code INVALID_CONF_VALUE} naming this key. */
  public T parse(String text) {
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.INVALID_CONF_VALUE,
          SluiceException.params(
              "confValue",
              text,
              "confName",
              "\"" + key + "\"",
              "reason",
              "It must be " + expected + "."),
          e);
    }
  }

  private static Boolean parseBool(String s) {
    String t = s.trim();
    if (t.equalsIgnoreCase("true")) return Boolean.TRUE;
    if (t.equalsIgnoreCase("false")) return Boolean.FALSE;
    throw new IllegalArgumentException(s);
  }

  @Override
  public String toString() {
    return key;
  }
}
