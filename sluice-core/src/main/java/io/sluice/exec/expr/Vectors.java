package io.sluice.exec.expr;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.CalendarIntervalVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.NullVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructType;

/** Vector plumbing shared by the evaluators: null masks, views, all-null vectors, gathers. */
final class Vectors {
  private Vectors() {}

  /**
   * The null mask of {@code v} covering rows {@code [0, n)}, or {@code null} when no row is null.
   * The result may be {@code v}'s own array (read-only) and is never shorter than {@code n}.
   */
  static boolean[] nulls(ColumnVector v, int n) {
    boolean[] m = v.nulls();
    if (m == null || m.length >= n) return m;
    boolean[] out = new boolean[n];
    System.arraycopy(m, 0, out, 0, m.length);
    return out;
  }

  /** The union of two masks of {@code n} rows; shares an input when the other is {@code null}. */
  static boolean[] union(boolean[] a, boolean[] b, int n) {
    if (a == null) return b;
    if (b == null) return a;
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) out[i] = a[i] | b[i];
    return out;
  }

  /** A fresh copy of {@code mask} (or an empty one) of {@code n} rows, for adding nulls to. */
  static boolean[] copyOrNew(boolean[] mask, int n) {
    boolean[] out = new boolean[Math.max(n, 1)];
    if (mask != null) System.arraycopy(mask, 0, out, 0, Math.min(n, mask.length));
    return out;
  }

  /** True when some row in {@code [0, n)} of the mask is set. */
  static boolean any(boolean[] mask, int n) {
    if (mask == null) return false;
    for (int i = 0; i < n; i++) {
      if (mask[i]) return true;
    }
    return false;
  }

  /** A vector of {@code n} null rows of type {@code t}. */
  static ColumnVector allNulls(DataType t, int n) {
    ColumnVector v = ColumnVector.allocate(t, n);
    if (v instanceof NullVector nv) {
      nv.setSize(n);
      return nv;
    }
    for (int i = 0; i < n; i++) v.appendNull();
    return v;
  }

  /**
   * A vector with {@code v}'s first {@code size} values and the null mask {@code nulls}, sharing
   * {@code v}'s storage where the vector class allows it (decimals and calendar intervals copy).
   */
  static ColumnVector view(ColumnVector v, boolean[] nulls, int size) {
    DataType t = v.type();
    if (v instanceof LongVector x) return new LongVector(t, x.values(), nulls, size);
    if (v instanceof IntVector x) return new IntVector(t, x.values(), nulls, size);
    if (v instanceof DoubleVector x) return new DoubleVector(t, x.values(), nulls, size);
    if (v instanceof BooleanVector x) return new BooleanVector(t, x.values(), nulls, size);
    if (v instanceof BytesVector x) return new BytesVector(t, x.data(), x.offsets(), nulls, size);
    if (v instanceof FloatVector x) return new FloatVector(t, x.values(), nulls, size);
    if (v instanceof ShortVector x) return new ShortVector(t, x.values(), nulls, size);
    if (v instanceof ByteVector x) return new ByteVector(t, x.values(), nulls, size);
    if (v instanceof StructVector x) {
      return new StructVector((StructType) t, x.children(), nulls, size);
    }
    if (v instanceof ArrayVector x) {
      return new ArrayVector((ArrayType) t, x.offsets(), x.elements(), nulls, size);
    }
    if (v instanceof MapVector x) {
      return new MapVector((MapType) t, x.offsets(), x.keys(), x.values(), nulls, size);
    }
    if (v instanceof NullVector) return new NullVector(t, size);
    if (v instanceof DecimalVector x) {
      DecimalVector out = new DecimalVector((DecimalType) t, size);
      if (x.isCompact()) {
        System.arraycopy(x.unscaled(), 0, out.unscaled(), 0, size);
      } else {
        System.arraycopy(x.bigValues(), 0, out.bigValues(), 0, size);
      }
      out.setSize(size);
      out.setNulls(nulls);
      return out;
    }
    CalendarIntervalVector x = (CalendarIntervalVector) v;
    CalendarIntervalVector out = new CalendarIntervalVector(t, size);
    System.arraycopy(x.months(), 0, out.months(), 0, size);
    System.arraycopy(x.days(), 0, out.days(), 0, size);
    System.arraycopy(x.micros(), 0, out.micros(), 0, size);
    out.setSize(size);
    out.setNulls(nulls);
    return out;
  }

  /**
   * Rows {@code sel[0..count)} of the batch, copying only the columns flagged in {@code used}
   * (others are left {@code null}: the evaluator reading the result never touches them).
   */
  static ColumnBatch gather(ColumnBatch in, boolean[] used, int[] sel, int count) {
    ColumnVector[] cols = new ColumnVector[in.numColumns()];
    for (int c = 0; c < cols.length; c++) {
      if (c < used.length && used[c]) cols[c] = in.column(c).gather(sel, count);
    }
    return new ColumnBatch(cols, count);
  }
}
