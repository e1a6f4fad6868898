package io.sluice.types;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Extra facts attached to a column, as Spark's {@code Metadata}: an immutable map from keys to
 * simple values (booleans, longs, doubles, strings). The engine uses it to mark columns whose
 * meaning matters to later operators, e.g. {@code spark.timeWindow} on the column {@code
 * window(...)} produces and {@code spark.sessionWindow} on the one {@code session_window(...)}
 * produces.
 */
public final class Metadata {
  /** No metadata. */
  public static final Metadata EMPTY = new Metadata(Map.of());

  private final Map<String, Object> values;

  private Metadata(Map<String, Object> values) {
    this.values = values;
  }

  /** True when {@code key} is present. */
  public boolean contains(String key) {
    return values.containsKey(key);
  }

  /** The value of {@code key}, or null when absent. */
  public Object get(String key) {
    return values.get(key);
  }

  /** The value of a boolean key; false when absent. */
  public boolean getBoolean(String key) {
    return Boolean.TRUE.equals(values.get(key));
  }

  /** The value of a long key, or {@code orElse} when absent. */
  public long getLong(String key, long orElse) {
    return values.get(key) instanceof Long l ? l : orElse;
  }

  /** A copy with {@code key} set to {@code value}. */
  public Metadata with(String key, Object value) {
    Objects.requireNonNull(value, "value");
    if (!(value instanceof Boolean
        || value instanceof Long
        || value instanceof Double
        || value instanceof String)) {
      throw new IllegalArgumentException("Unsupported metadata value: " + value.getClass());
    }
    Map<String, Object> next = new TreeMap<>(values);
    next.put(key, value);
    return new Metadata(Collections.unmodifiableMap(next));
  }

  /** A copy without {@code key}. */
  public Metadata without(String key) {
    if (!values.containsKey(key)) return this;
    Map<String, Object> next = new TreeMap<>(values);
    next.remove(key);
    return next.isEmpty() ? EMPTY : new Metadata(Collections.unmodifiableMap(next));
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metadata m && values.equals(m.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Spark's JSON form, e.g. {@code {"spark.timeWindow":true}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    String sep = "";
    for (Map.Entry<String, Object> e : values.entrySet()) {
      sb.append(sep).append('"').append(e.getKey()).append("\":");
      Object v = e.getValue();
      sb.append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
      sep = ",";
    }
    return sb.append('}').toString();
  }
}
