package io.sluice.exec.vector;

/** The internal form of one map value: keys and values in insertion order. */
public record MapValue(Object[] keys, Object[] values) {
  public int size() {
    return keys.length;
  }
}
