package io.sluice.bench.source;

import java.util.Map;

/** Case-insensitive option lookups, as Spark reads source options. */
final class Options {
  private Options() {}

  static String get(Map<String, String> options, String key, String dflt) {
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
    }
    return dflt;
  }

  static long getLong(Map<String, String> options, String key, long dflt) {
    String v = get(options, key, null);
    if (v == null) return dflt;
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option '" + key + "' must be a whole number, found '" + v + "'");
    }
  }
}
