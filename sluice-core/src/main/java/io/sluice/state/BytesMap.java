package io.sluice.state;

import io.sluice.exec.operator.hash.Hashing;
import java.util.Arrays;

/**
 * A hash map from byte-array keys to byte-array values. The probe table is one {@code long[]} whose
 * slots hold a key's 32-bit hash and the index of its entry, so a probe reads one cache line and
 * dereferences a key only when the hashes agree; the entries (keys, values, hashes) are dense
 * arrays in insertion order, so growing rehashes the slots alone and iteration touches no empty
 * slot. Removal uses backward-shift deletion in the table (no tombstones) and moves the last entry
 * into the freed one.
 */
final class BytesMap {
  private static final long INDEX_MASK = 0xFFFFFFFFL;

  /** {@code hash << 32 | (entry + 1)}; 0 is an empty slot. */
  private long[] slots;

  private int mask;
  private byte[][] keys;
  private byte[][] values;
  private int[] hashes;
  private int size;
  private long bytes;

  BytesMap() {
    this(16);
  }

  BytesMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[cap];
    mask = cap - 1;
    int entries = Math.max(8, Math.min(expected, cap));
    keys = new byte[entries][];
    values = new byte[entries][];
    hashes = new int[entries];
  }

  int size() {
    return size;
  }

  /** Bytes of keys and values plus a per-entry overhead estimate. */
  long memoryBytes() {
    return bytes + (long) slots.length * 8 + (long) keys.length * 12 + (long) size * 32;
  }

  /** The hash of {@code key} every method of every map uses: compute it once, pass it on. */
  static int hash(byte[] key) {
    // eight bytes at a time with full mixing: a polynomial hash of byte arrays (Arrays.hashCode)
    // maps 500k big-endian sequence numbers to ~15k values, which makes probes walk collisions
    return Hashing.hashBytes(key, 0, key.length, 0x5EED);
  }

  /**
   * The table slot holding {@code key}, or {@code -1 - slot} of the empty slot ending its probe.
   */
  private int find(byte[] key, int h) {
    int i = h & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) return -1 - i;
      if ((int) (s >>> 32) == h && Arrays.equals(keys[(int) (s & INDEX_MASK) - 1], key)) return i;
      i = (i + 1) & mask;
    }
  }

  private int entry(int slot) {
    return (int) (slots[slot] & INDEX_MASK) - 1;
  }

  byte[] get(byte[] key) {
    return get(key, hash(key));
  }

  /** The value of {@code key}, whose {@link #hash} is {@code h}. */
  byte[] get(byte[] key, int h) {
    int slot = find(key, h);
    return slot >= 0 ? values[entry(slot)] : null;
  }

  /** Sets the value; returns the previous one or null. */
  byte[] put(byte[] key, byte[] value) {
    return put(key, value, hash(key));
  }

  /** Sets the value of {@code key}, whose {@link #hash} is {@code h}; returns the previous one. */
  byte[] put(byte[] key, byte[] value, int h) {
    int slot = find(key, h);
    if (slot >= 0) {
      int e = entry(slot);
      byte[] old = values[e];
      bytes += value.length - old.length;
      values[e] = value;
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
    if (slot >= 0) return values[entry(slot)];
    insert(key, value, h, slot);
    return null;
  }

  private void insert(byte[] key, byte[] value, int h, int missingSlot) {
    int slot = -1 - missingSlot;
    if ((size + 1) * 4L > slots.length * 3L) {
      grow();
      slot = h & mask;
      while (slots[slot] != 0) slot = (slot + 1) & mask;
    }
    if (size == keys.length) {
      int cap = Math.min(Integer.MAX_VALUE - 8, Math.max(16, size * 2));
      keys = Arrays.copyOf(keys, cap);
      values = Arrays.copyOf(values, cap);
      hashes = Arrays.copyOf(hashes, cap);
    }
    int e = size++;
    keys[e] = key;
    values[e] = value;
    hashes[e] = h;
    slots[slot] = ((long) h << 32) | (e + 1);
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
    int e = entry(slot);
    byte[] old = values[e];
    bytes -= keys[e].length + old.length;
    deleteSlot(slot);
    int last = --size;
    if (e != last) {
      // the last entry fills the hole; its slot is found by hash and index, without key bytes
      int ls = hashes[last] & mask;
      long want = last + 1;
      while ((slots[ls] & INDEX_MASK) != want) ls = (ls + 1) & mask;
      slots[ls] = (slots[ls] & ~INDEX_MASK) | (e + 1);
      keys[e] = keys[last];
      values[e] = values[last];
      hashes[e] = hashes[last];
    }
    keys[last] = null;
    values[last] = null;
    return old;
  }

  private void deleteSlot(int slot) {
    int hole = slot;
    int i = (slot + 1) & mask;
    long s;
    while ((s = slots[i]) != 0) {
      int home = (int) (s >>> 32) & mask;
      // move slot i into the hole when its home is not between hole (exclusive) and i
      boolean move = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (move) {
        slots[hole] = s;
        hole = i;
      }
      i = (i + 1) & mask;
    }
    slots[hole] = 0;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = slots.length - 1;
    for (long s : old) {
      if (s == 0) continue;
      int i = (int) (s >>> 32) & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = s;
    }
  }

  /** A copy sharing the (immutable) key and value arrays. */
  BytesMap copy() {
    BytesMap c = new BytesMap(1);
    c.slots = slots.clone();
    c.mask = mask;
    c.keys = Arrays.copyOf(keys, Math.max(size, 1));
    c.values = Arrays.copyOf(values, Math.max(size, 1));
    c.hashes = Arrays.copyOf(hashes, Math.max(size, 1));
    c.size = size;
    c.bytes = bytes;
    return c;
  }

  /**
   * A cursor over the entries whose key starts with {@code prefix} (all when null), in insertion
   * order as changed by removals. The map must not change while the cursor is in use.
   */
  StateCursor cursor(byte[] prefix) {
    return new StateCursor() {
      private int i = -1;

      @Override
      public boolean next() {
        while (++i < size) {
          if (prefix == null || startsWith(keys[i], prefix)) return true;
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
