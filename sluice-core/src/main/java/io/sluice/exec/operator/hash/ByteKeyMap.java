package io.sluice.exec.operator.hash;

import java.util.Arrays;

/**
 * Open-addressing map from byte strings to dense ids {@code 0, 1, 2, ...} in insertion order. Keys
 * are copied into one arena; a slot is one long holding the full hash and the id (one cache line
 * per probe), so most mismatches are rejected without touching the key bytes.
 */
final class ByteKeyMap {
  /** {@code hash << 32 | (id + 1)}; 0 is empty. */
  private long[] slots;

  private int mask;
  private int shift;
  private byte[] arena = new byte[1024];

  /** Key {@code id} is {@code arena[starts[id], starts[id + 1])}. */
  private int[] starts = new int[65];

  private int size;

  ByteKeyMap() {
    allocate(64);
  }

  int size() {
    return size;
  }

  byte[] arena() {
    return arena;
  }

  int start(int id) {
    return starts[id];
  }

  int end(int id) {
    return starts[id + 1];
  }

  /** The id of {@code data[from, to)}, adding it when absent. */
  int findOrInsert(byte[] data, int from, int to, int hash) {
    int slot = (hash * 0x9E3779B9) >>> shift;
    int len = to - from;
    while (true) {
      long e = slots[slot];
      if (e == 0) return add(slot, data, from, len, hash);
      if ((int) (e >>> 32) == hash) {
        int k = (int) e - 1;
        int s = starts[k];
        if (starts[k + 1] - s == len && Arrays.equals(arena, s, s + len, data, from, to)) {
          return k;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The id of {@code data[from, to)}, or -1. */
  int find(byte[] data, int from, int to, int hash) {
    int slot = (hash * 0x9E3779B9) >>> shift;
    int len = to - from;
    while (true) {
      long e = slots[slot];
      if (e == 0) return -1;
      if ((int) (e >>> 32) == hash) {
        int k = (int) e - 1;
        int s = starts[k];
        if (starts[k + 1] - s == len && Arrays.equals(arena, s, s + len, data, from, to)) {
          return k;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Keeps only the keys of ids {@code keep[0, k)} (ascending), which become ids {@code 0..k-1}: the
   * arena is compacted and the slots rebuilt from the stored hashes, without hashing or comparing
   * key bytes. Only for maps without unmapped ids.
   */
  void retain(int[] keep, int k) {
    int[] hashOf = new int[size];
    for (long e : slots) {
      if (e != 0) hashOf[(int) e - 1] = (int) (e >>> 32);
    }
    int total = 0;
    for (int i = 0; i < k; i++) total += starts[keep[i] + 1] - starts[keep[i]];
    byte[] newArena = new byte[Math.max(1024, total)];
    int[] newStarts = new int[Math.max(65, k + 1)];
    int pos = 0;
    for (int i = 0; i < k; i++) {
      int from = starts[keep[i]];
      int len = starts[keep[i] + 1] - from;
      System.arraycopy(arena, from, newArena, pos, len);
      pos += len;
      newStarts[i + 1] = pos;
    }
    arena = newArena;
    starts = newStarts;
    size = k;
    int capacity = 64;
    while (k * 2 > capacity) capacity *= 2;
    allocate(capacity);
    for (int i = 0; i < k; i++) {
      int h = hashOf[keep[i]];
      int slot = (h * 0x9E3779B9) >>> shift;
      while (slots[slot] != 0) slot = (slot + 1) & mask;
      slots[slot] = ((long) h << 32) | (i + 1);
    }
  }

  /** Adds an id that no key maps to (the null key of a table). */
  int addUnmapped() {
    ensureIds(size + 1);
    starts[size + 1] = starts[size];
    return size++;
  }

  private int add(int slot, byte[] data, int from, int len, int hash) {
    ensureIds(size + 1);
    int s = starts[size];
    if (s + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, s + len));
    }
    System.arraycopy(data, from, arena, s, len);
    starts[size + 1] = s + len;
    int id = size++;
    slots[slot] = ((long) hash << 32) | (id + 1);
    if (size * 2 > slots.length) rehash();
    return id;
  }

  private void ensureIds(int n) {
    if (n + 1 > starts.length) starts = Arrays.copyOf(starts, Math.max(starts.length * 2, n + 1));
  }

  private void allocate(int capacity) {
    slots = new long[capacity];
    mask = capacity - 1;
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
  }

  private void rehash() {
    long[] old = slots;
    allocate(old.length * 2);
    for (long e : old) {
      if (e != 0) {
        int slot = ((int) (e >>> 32) * 0x9E3779B9) >>> shift;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = e;
      }
    }
  }
}
