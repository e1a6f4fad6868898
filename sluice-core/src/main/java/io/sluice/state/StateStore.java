package io.sluice.state;

import java.util.Map;

/**
 * One version of one store, open for the updates of one micro-batch: reads see the version it was
 * opened at plus this batch's own updates; {@link #commit()} makes them version {@code version() +
 * 1}, durable in the checkpoint; {@link #abort()} discards them. A store is used by one task thread
 * at a time. Keys and values are byte arrays the caller no longer modifies after {@code put}.
 */
public interface StateStore {
  StateStoreId id();

  /** The version this store was opened at (the previous batch's commit). */
  long version();

  /** The value of {@code key}, or null. */
  byte[] get(byte[] key);

  void put(byte[] key, byte[] value);

  /**
   * Sets the value of {@code key} unless it has one; returns the value it had, or null when this
   * call set it (what deduplication asks of each row, in one lookup where a store can).
   */
  default byte[] putIfAbsent(byte[] key, byte[] value) {
    byte[] old = get(key);
    if (old == null) put(key, value);
    return old;
  }

  void remove(byte[] key);

  /** Every entry, in no particular order. */
  StateCursor iterator();

  /** The entries whose key starts with {@code prefix}. */
  StateCursor prefixScan(byte[] prefix);

  /** Writes this batch's updates as version {@code version() + 1}; returns that version. */
  long commit();

  /** Discards this batch's updates; the store stays at {@link #version()}. */
  void abort();

  boolean hasCommitted();

  /** Number of keys in the store as updated so far. */
  long numKeys();

  /** Estimated bytes the store's entries use in memory. */
  long memoryUsedBytes();

  /** Provider-specific figures for progress reports. */
  default Map<String, Long> customMetrics() {
    return Map.of();
  }
}
