package io.sluice.exec.operator.sort;

import io.sluice.exec.operator.hash.LongCodec;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.types.DataType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;

/**
 * Stable LSD radix sort of row numbers by one fixed-width key: each value becomes a 64-bit key
 * whose unsigned order is Spark's order (floating point with -0.0 equal to 0.0 and NaN above
 * everything; descending by complementing), sorted 16 bits per pass, skipping passes where all keys
 * agree. Nulls go first or last in input order.
 */
final class RadixSort {
  private RadixSort() {}

  /** True when {@link #sortedOrder} can sort a key of this type. */
  static boolean supports(DataType t) {
    LongCodec c = LongCodec.forType(t);
    return c != null;
  }

  static int[] sortedOrder(ColumnVector v, boolean ascending, boolean nullsFirst, int n) {
    long[] keys = new long[n];
    int[] rows = new int[n];
    int m = 0;
    int nullCount = 0;
    int[] nullRows = new int[n];
    long[] codes = sortableCodes(v, n);
    for (int i = 0; i < n; i++) {
      if (v.isNullAt(i)) {
        nullRows[nullCount++] = i;
      } else {
        keys[m] = ascending ? codes[i] : ~codes[i];
        rows[m++] = i;
      }
    }
    sort(keys, rows, m);
    int[] out = new int[n];
    int pos = 0;
    if (nullsFirst) {
      System.arraycopy(nullRows, 0, out, 0, nullCount);
      pos = nullCount;
    }
    System.arraycopy(rows, 0, out, pos, m);
    if (!nullsFirst) System.arraycopy(nullRows, 0, out, m, nullCount);
    return out;
  }

  /** Keys whose unsigned order is the values' order. */
  private static long[] sortableCodes(ColumnVector v, int n) {
    DataType t = v.type();
    long[] out = new long[Math.max(n, 1)];
    if (t instanceof DoubleType || t instanceof FloatType) {
      for (int i = 0; i < n; i++) {
        double d = t instanceof DoubleType ? ((DoubleVector) v).get(i) : ((FloatVector) v).get(i);
        long bits = d == 0.0 ? 0 : Double.doubleToLongBits(d);
        out[i] = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
      }
      return out;
    }
    long[] codes = LongCodec.forType(t).toLongs(v, n, null);
    for (int i = 0; i < n; i++) out[i] = codes[i] ^ Long.MIN_VALUE;
    return out;
  }

  private static void sort(long[] keys, int[] rows, int n) {
    if (n < 2) return;
    long[] k2 = new long[n];
    int[] r2 = new int[n];
    int[] count = new int[1 << 16];
    for (int shift = 0; shift < 64; shift += 16) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) count[(int) (keys[i] >>> shift) & 0xFFFF]++;
      if (count[(int) (keys[0] >>> shift) & 0xFFFF] == n) continue;
      int sum = 0;
      for (int b = 0; b < count.length; b++) {
        int c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int b = (int) (keys[i] >>> shift) & 0xFFFF;
        int p = count[b]++;
        k2[p] = keys[i];
        r2[p] = rows[i];
      }
      System.arraycopy(k2, 0, keys, 0, n);
      System.arraycopy(r2, 0, rows, 0, n);
    }
  }
}
