package io.sluice.state;

import java.util.Arrays;

/**
 * A hash map from byte-array keys to byte-array values with open addressing: two parallel arrays of
 * keys and values and an int array of hashes, so lookups compare cached hashes before bytes and no
 * entry object is allocated. Removal uses backward-shift deletion (no tombstones).
 */
final class BytesMap {
  private byte[][] keys;
  private byte[][] values;
  private int[] hashes;
  private int size;
  private int mask;
  private long bytes;

  BytesMap() {
    this(16);
  }

  BytesMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    keys = new byte[cap][];
    values = new byte[cap][];
    hashes = new int[cap];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  /** Bytes of keys and values plus a per-entry overhead estimate. */
  long memoryBytes() {
    return bytes + (long) keys.length * 12 + (long) size * 32;
  }

  /** The hash of {@code key} every method of every map uses: compute it once, pass it on. */
  static int hash(byte[] key) {
    // a polynomial hash of similar keys (sequence numbers, encoded ids) is nearly sequential;
    // the murmur3 finalizer spreads it so linear probing does not form long clusters
    int h = Arrays.hashCode(key);
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private int find(byte[] key, int h) {
    int i = h & mask;
    while (true) {
      byte[] k = keys[i];
      if (k == null) return -1 - i;
      if (hashes[i] == h && Arrays.equals(k, key)) return i;
      i = (i + 1) & mask;
    }
  }

  byte[] get(byte[] key) {
    return get(key, hash(key));
  }

  /** The value of {@code key}, whose {@link #hash} is {@code h}. */
  byte[] get(byte[] key, int h) {
    int slot = find(key, h);
    return slot >= 0 ? values[slot] : null;
  }

  /** Sets the value; returns the previous one or null. */
  byte[] put(byte[] key, byte[] value) {
    return put(key, value, hash(key));
  }

  /** Sets the value of {@code key}, whose {@link #hash} is {@code h}; returns the previous one. */
  byte[] put(byte[] key, byte[] value, int h) {
    int slot = find(key, h);
    if (slot >= 0) {
      byte[] old = values[slot];
      bytes += value.length - old.length;
      values[slot] = value;
      return old;
    }
    insert(key, value, h, slot);
    return null;
  }

  /**
   * Sets the value of {@code key} (hash {@code h}) unless it has one; returns the value it had, or
   * null when this call set it. One probe where a get and a put take two.
   */
  byte[] putIfAbsent(byte[] key, byte[] value, int h) {
    int slot = find(key, h);
    if (slot >= 0) return values[slot];
    insert(key, value, h, slot);
    return null;
  }

  private void insert(byte[] key, byte[] value, int h, int missingSlot) {
    int slot = missingSlot;
    if ((size + 1) * 4L > keys.length * 3L) {
      grow();
      slot = find(key, h);
    }
    int i = -1 - slot;
    keys[i] = key;
    values[i] = value;
    hashes[i] = h;
    size++;
    bytes += key.length + value.length;
  }

  /** Removes the key; returns its value or null. */
  byte[] remove(byte[] key) {
    return remove(key, hash(key));
  }

  /** Removes {@code key}, whose {@link #hash} is {@code h}; returns its value or null. */
  byte[] remove(byte[] key, int h) {
    int slot = find(key, h);
    if (slot < 0) return null;
    byte[] old = values[slot];
    bytes -= keys[slot].length + old.length;
    size--;
    int hole = slot;
    int i = (slot + 1) & mask;
    while (keys[i] != null) {
      int home = hashes[i] & mask;
      // move entry i into the hole when its home is not between hole (exclusive) and i
      boolean move = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (move) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hashes[hole] = hashes[i];
        hole = i;
      }
      i = (i + 1) & mask;
    }
    keys[hole] = null;
    values[hole] = null;
    return old;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    byte[][] oldValues = values;
    int[] oldHashes = hashes;
    allocate(oldKeys.length * 2);
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] == null) continue;
      int i = oldHashes[j] & mask;
      while (keys[i] != null) i = (i + 1) & mask;
      keys[i] = oldKeys[j];
      values[i] = oldValues[j];
      hashes[i] = oldHashes[j];
    }
  }

  /** A copy sharing the (immutable) key and value arrays. */
  BytesMap copy() {
    BytesMap c = new BytesMap(1);
    c.keys = keys.clone();
    c.values = values.clone();
    c.hashes = hashes.clone();
    c.size = size;
    c.mask = mask;
    c.bytes = bytes;
    return c;
  }

  /** A cursor over the entries whose key starts with {@code prefix} (all when null). */
  StateCursor cursor(byte[] prefix) {
    return new StateCursor() {
      private int i = -1;

      @Override
      public boolean next() {
        while (++i < keys.length) {
          byte[] k = keys[i];
          if (k != null && (prefix == null || startsWith(k, prefix))) return true;
        }
        return false;
      }

      @Override
      public byte[] key() {
        return keys[i];
      }

      @Override
      public byte[] value() {
        return values[i];
      }
    };
  }

  static boolean startsWith(byte[] k, byte[] prefix) {
    return k.length >= prefix.length
        && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
  }
}
