package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;

/** Conversions of numeric vectors to primitive arrays. */
final class Numbers {
  private Numbers() {}

  /**
   * Rows {@code [0, n)} of a numeric vector as doubles: the vector's own array for a double vector
   * (read-only), otherwise {@code scratch} (grown when short).
   */
  static double[] toDoubles(ColumnVector v, int n, double[] scratch) {
    if (v instanceof DoubleVector d) return d.values();
    double[] out = scratch != null && scratch.length >= n ? scratch : new double[Math.max(n, 16)];
    if (v instanceof FloatVector f) {
      float[] a = f.values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    } else if (v instanceof LongVector l) {
      long[] a = l.values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    } else if (v instanceof IntVector iv) {
      int[] a = iv.values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    } else if (v instanceof ShortVector s) {
      short[] a = s.values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    } else if (v instanceof ByteVector b) {
      byte[] a = b.values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    } else if (v instanceof DecimalVector d) {
      for (int i = 0; i < n; i++) out[i] = d.isNullAt(i) ? 0 : d.getDecimal(i).doubleValue();
    } else {
      throw new IllegalArgumentException("Not numeric: " + v.type().simpleString());
    }
    return out;
  }
}
