package io.sluice.exec.expr.fn;

import io.sluice.exec.vector.ColumnVector;
import java.util.Arrays;

/**
 * A set of positions of one vector, compared by value (SQL equality with NaN equal to NaN and nulls
 * equal), for finding duplicates among the elements of one array at a time. The vector's values are
 * hashed once, vectorized, for all rows of a batch; the table is reused row after row and cleared
 * in time proportional to the row's size.
 */
final class PositionSet {
  private final ColumnVector values;
  private final int[] hashes;
  private int[] table = new int[16];
  private int mask = 15;
  private int[] used = new int[8];
  private int usedCount;

  /** A set over positions {@code [0, end)} of {@code values}. */
  PositionSet(ColumnVector values, int end) {
    this.values = values;
    this.hashes = new int[Math.max(end, 1)];
    values.hashInto(hashes, end);
    Arrays.fill(table, -1);
  }

  /** Empties the set, making room for {@code expected} positions. */
  void reset(int expected) {
    for (int i = 0; i < usedCount; i++) table[used[i]] = -1;
    usedCount = 0;
    if (expected * 2 > table.length) {
      int size = Integer.highestOneBit(Math.max(expected * 2 - 1, 1)) << 1;
      table = new int[size];
      Arrays.fill(table, -1);
      mask = size - 1;
    }
    if (used.length < expected) used = new int[expected];
  }

  /** Adds position {@code p}; returns the position of an equal value already in, or -1. */
  int add(int p) {
    int slot = mix(hashes[p]) & mask;
    for (int q = table[slot]; q >= 0; q = table[slot]) {
      if (values.valueEquals(q, values, p)) return q;
      slot = (slot + 1) & mask;
    }
    table[slot] = p;
    used[usedCount++] = slot;
    return -1;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
