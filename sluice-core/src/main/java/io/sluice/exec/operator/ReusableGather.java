package io.sluice.exec.operator;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;

/**
 * Gathers the selected rows of batches into arrays reused from one batch to the next, for operators
 * producing transient batches (see {@link PhysicalOperator#executeTransient}). Long, int, double
 * and boolean columns reuse their buffers; other types are gathered into new vectors. Not
 * thread-safe: one per task.
 */
final class ReusableGather {
  private Object[] values = new Object[0];
  private boolean[][] nulls = new boolean[0][];

  /** Rows {@code sel[0..count)} of {@code b}, valid until the next call. */
  ColumnBatch gather(ColumnBatch b, int[] sel, int count) {
    int columns = b.numColumns();
    ColumnVector[] out = new ColumnVector[columns];
    for (int c = 0; c < columns; c++) out[c] = gather(c, b.column(c), sel, count);
    return new ColumnBatch(out, count);
  }

  /**
   * Rows {@code sel[0..count)} of {@code v} in the buffers of slot {@code c} (one slot per column
   * the caller gathers), valid until slot {@code c} is used again.
   */
  ColumnVector gather(int c, ColumnVector v, int[] sel, int count) {
    if (values.length <= c) {
      values = java.util.Arrays.copyOf(values, c + 1);
      nulls = java.util.Arrays.copyOf(nulls, c + 1);
    }
    if (v instanceof LongVector x) {
      long[] src = x.values();
      long[] dst = values[c] instanceof long[] a && a.length >= count ? a : new long[count];
      values[c] = dst;
      for (int i = 0; i < count; i++) dst[i] = src[sel[i]];
      return new LongVector(v.type(), dst, gatherNulls(c, v, sel, count), count);
    }
    if (v instanceof IntVector x) {
      int[] src = x.values();
      int[] dst = values[c] instanceof int[] a && a.length >= count ? a : new int[count];
      values[c] = dst;
      for (int i = 0; i < count; i++) dst[i] = src[sel[i]];
      return new IntVector(v.type(), dst, gatherNulls(c, v, sel, count), count);
    }
    if (v instanceof DoubleVector x) {
      double[] src = x.values();
      double[] dst = values[c] instanceof double[] a && a.length >= count ? a : new double[count];
      values[c] = dst;
      for (int i = 0; i < count; i++) dst[i] = src[sel[i]];
      return new DoubleVector(v.type(), dst, gatherNulls(c, v, sel, count), count);
    }
    if (v instanceof BooleanVector x) {
      boolean[] src = x.values();
      boolean[] dst =
          values[c] instanceof boolean[] a && a.length >= count ? a : new boolean[count];
      values[c] = dst;
      for (int i = 0; i < count; i++) dst[i] = src[sel[i]];
      return new BooleanVector(v.type(), dst, gatherNulls(c, v, sel, count), count);
    }
    return v.gather(sel, count);
  }

  private boolean[] gatherNulls(int c, ColumnVector v, int[] sel, int count) {
    boolean[] src = v.nulls();
    if (src == null) return null;
    boolean[] dst = nulls[c] != null && nulls[c].length >= count ? nulls[c] : new boolean[count];
    nulls[c] = dst;
    for (int i = 0; i < count; i++) {
      int r = sel[i];
      dst[i] = r < src.length && src[r];
    }
    return dst;
  }
}
