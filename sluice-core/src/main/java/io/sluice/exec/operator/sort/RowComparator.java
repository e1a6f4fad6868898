package io.sluice.exec.operator.sort;

import io.sluice.exec.operator.hash.LongCodec;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.StringType;

/**
 * Compares rows of one batch by key columns, each ascending or descending with nulls first or last,
 * in Spark's order: NaN above all numbers, -0.0 equal to 0.0, strings and binary by unsigned bytes.
 * Specialized per key layout; rare types compare their values generically.
 */
public abstract class RowComparator {
  /** Negative, zero or positive as row {@code a} sorts before, with or after row {@code b}. */
  public abstract int compare(int a, int b);

  /**
   * Row numbers {@code 0 .. n-1} ordered by the key columns, stably: a radix sort for one
   * fixed-width key, else a merge sort with a {@link #of comparator}.
   */
  public static int[] sortedOrder(
      ColumnVector[] keys, boolean[] ascending, boolean[] nullsFirst, int n) {
    if (keys.length == 1 && RadixSort.supports(keys[0].type()) && n > 64) {
      return RadixSort.sortedOrder(keys[0], ascending[0], nullsFirst[0], n);
    }
    return of(keys, ascending, nullsFirst, n).sortedOrder(n);
  }

  /** A comparator over key columns (all of {@code n} rows) in priority order. */
  public static RowComparator of(
      ColumnVector[] keys, boolean[] ascending, boolean[] nullsFirst, int n) {
    RowComparator[] parts = new RowComparator[keys.length];
    for (int k = 0; k < keys.length; k++) {
      parts[k] = column(keys[k], ascending[k], nullsFirst[k], n);
    }
    if (parts.length == 1) return parts[0];
    return new RowComparator() {
      @Override
      public int compare(int a, int b) {
        for (RowComparator p : parts) {
          int c = p.compare(a, b);
          if (c != 0) return c;
        }
        return 0;
      }
    };
  }

  private static RowComparator column(ColumnVector v, boolean asc, boolean nullsFirst, int n) {
    DataType t = v.type();
    boolean[] nulls = v.nulls();
    int dir = asc ? 1 : -1;
    int nullCmp = nullsFirst ? -1 : 1;
    LongCodec codec = LongCodec.forType(t);
    RowComparator values;
    if (t instanceof FloatType || t instanceof DoubleType) {
      double[] d = new double[Math.max(n, 1)];
      if (v instanceof DoubleVector dv) {
        System.arraycopy(dv.values(), 0, d, 0, n);
      } else {
        float[] f = ((FloatVector) v).values();
        for (int i = 0; i < n; i++) d[i] = f[i];
      }
      values =
          new RowComparator() {
            @Override
            public int compare(int a, int b) {
              return ValueOrdering.compareDoubles(d[a], d[b]);
            }
          };
    } else if (codec != null) {
      long[] codes = codec.toLongs(v, n, null);
      values =
          new RowComparator() {
            @Override
            public int compare(int a, int b) {
              return Long.compare(codes[a], codes[b]);
            }
          };
    } else if (t instanceof StringType || t instanceof BinaryType) {
      BytesVector bv = (BytesVector) v;
      values =
          new RowComparator() {
            @Override
            public int compare(int a, int b) {
              return bv.compare(a, bv, b);
            }
          };
    } else {
      Object[] objects = new Object[Math.max(n, 1)];
      for (int i = 0; i < n; i++) objects[i] = v.getObject(i);
      values =
          new RowComparator() {
            @Override
            public int compare(int a, int b) {
              return ValueOrdering.compare(objects[a], objects[b]);
            }
          };
    }
    if (nulls == null) {
      return asc
          ? values
          : new RowComparator() {
            @Override
            public int compare(int a, int b) {
              return -values.compare(a, b);
            }
          };
    }
    return new RowComparator() {
      @Override
      public int compare(int a, int b) {
        boolean na = nulls[a];
        boolean nb = nulls[b];
        if (na || nb) return na == nb ? 0 : na ? nullCmp : -nullCmp;
        return dir * values.compare(a, b);
      }
    };
  }

  /** Row numbers {@code 0 .. n-1} in sorted order; equal rows keep their order (stable). */
  public int[] sortedOrder(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    if (n > 1) mergeSort(order, new int[n], 0, n);
    return order;
  }

  private void mergeSort(int[] a, int[] tmp, int from, int to) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid);
    mergeSort(a, tmp, mid, to);
    if (compare(a[mid - 1], a[mid]) <= 0) return;
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compare(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
