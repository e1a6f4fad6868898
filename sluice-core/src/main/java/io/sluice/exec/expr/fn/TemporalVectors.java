package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.NullVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.plan.expr.Expression;

/** Vector plumbing of the date and time kernels: null masks and primitive views of inputs. */
final class TemporalVectors {
  /** Returned by {@link #constant} for an argument that is not a constant. */
  static final Object NOT_CONSTANT = new Object();

  private TemporalVectors() {}

  /**
   * The null mask of {@code v} over rows {@code [0, n)}, or {@code null} when no row is null. May
   * be {@code v}'s own (read-only) array.
   */
  static boolean[] nulls(ColumnVector v, int n) {
    if (v instanceof NullVector) {
      boolean[] all = new boolean[Math.max(n, 1)];
      java.util.Arrays.fill(all, true);
      return all;
    }
    boolean[] m = v.nulls();
    if (m == null || m.length >= n) return m;
    boolean[] out = new boolean[n];
    System.arraycopy(m, 0, out, 0, m.length);
    return out;
  }

  /** The union of two masks of {@code n} rows; shares an input when the other is null. */
  static boolean[] union(boolean[] a, boolean[] b, int n) {
    if (a == null) return b;
    if (b == null) return a;
    boolean[] out = new boolean[Math.max(n, 1)];
    for (int i = 0; i < n; i++) out[i] = a[i] | b[i];
    return out;
  }

  /** A fresh, writable copy of {@code mask} (or an empty mask) of {@code n} rows. */
  static boolean[] writable(boolean[] mask, int n) {
    boolean[] out = new boolean[Math.max(n, 1)];
    if (mask != null) System.arraycopy(mask, 0, out, 0, Math.min(n, mask.length));
    return out;
  }

  static boolean isNull(boolean[] mask, int row) {
    return mask != null && mask[row];
  }

  /** The values of an int, short or byte vector as ints (the vector's own array for ints). */
  static int[] ints(ColumnVector v, int n) {
    if (v instanceof IntVector x) return x.values();
    int[] out = new int[Math.max(n, 1)];
    if (v instanceof ShortVector x) {
      short[] s = x.values();
      for (int i = 0; i < n; i++) out[i] = s[i];
    } else if (v instanceof ByteVector x) {
      byte[] s = x.values();
      for (int i = 0; i < n; i++) out[i] = s[i];
    }
    return out; // a null vector: zeros under an all-null mask
  }

  /** The values of a long vector (zeros for an all-null vector). */
  static long[] longs(ColumnVector v, int n) {
    if (v instanceof LongVector x) return x.values();
    return new long[Math.max(n, 1)];
  }

  /**
   * The value of a constant argument (internal form, {@code null} for a null constant), computed
   * once with its evaluator, or {@link #NOT_CONSTANT} when it depends on the row or cannot be
   * computed ahead (the per-row path then raises any error when a row needs it).
   */
  static Object constant(Expression e, VectorEvaluator evaluator) {
    if (!e.foldable()) return NOT_CONSTANT;
    try {
      ColumnVector v = evaluator.evaluate(new ColumnBatch(new ColumnVector[0], 1));
      return v.isNullAt(0) ? null : v.getObject(0);
    } catch (RuntimeException ex) {
      return NOT_CONSTANT;
    }
  }
}
