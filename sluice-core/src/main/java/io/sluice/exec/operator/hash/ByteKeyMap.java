package io.sluice.exec.operator.hash;

import java.util.Arrays;

/**
 * Open-addressing map from byte strings to dense ids {@code 0, 1, 2, ...} in insertion order. Keys
 * are copied into one arena; slots hold the id and the full hash so most mismatches are rejected
 * without touching the key bytes.
 */
final class ByteKeyMap {
  private int[] slotIds;
  private int[] slotHashes;
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
      int id = slotIds[slot];
      if (id == 0) return add(slot, data, from, len, hash);
      if (slotHashes[slot] == hash) {
        int k = id - 1;
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
      int id = slotIds[slot];
      if (id == 0) return -1;
      if (slotHashes[slot] == hash) {
        int k = id - 1;
        int s = starts[k];
        if (starts[k + 1] - s == len && Arrays.equals(arena, s, s + len, data, from, to)) {
          return k;
        }
      }
      slot = (slot + 1) & mask;
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
    slotIds[slot] = id + 1;
    slotHashes[slot] = hash;
    if (size * 2 > slotIds.length) rehash();
    return id;
  }

  private void ensureIds(int n) {
    if (n + 1 > starts.length) starts = Arrays.copyOf(starts, Math.max(starts.length * 2, n + 1));
  }

  private void allocate(int capacity) {
    slotIds = new int[capacity];
    slotHashes = new int[capacity];
    mask = capacity - 1;
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
  }

  private void rehash() {
    int[] oldIds = slotIds;
    int[] oldHashes = slotHashes;
    allocate(oldIds.length * 2);
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != 0) {
        int slot = (oldHashes[i] * 0x9E3779B9) >>> shift;
        while (slotIds[slot] != 0) slot = (slot + 1) & mask;
        slotIds[slot] = oldIds[i];
        slotHashes[slot] = oldHashes[i];
      }
    }
  }
}
