package io.sluice.exec.expr;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.NullVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.exec.vector.StructVector;

/**
 * Spark's ordering of values held in two vectors of one type, without boxing: numbers by value (NaN
 * above every other value and equal to itself, {@code -0.0 == 0.0}), strings and binary by unsigned
 * bytes, booleans false before true, structs field by field, arrays element by element then by
 * length. Nested nulls sort first; top-level rows must not be null.
 */
public final class RowComparators {
  private RowComparators() {}

  /** Compares row {@code i} of one vector with row {@code j} of another. */
  @FunctionalInterface
  public interface RowComparator {
    int compare(int i, int j);
  }

  /** Spark's total order of doubles. */
  public static int compareDoubles(double x, double y) {
    if (x < y) return -1;
    if (x > y) return 1;
    if (x == y) return 0;
    boolean xn = Double.isNaN(x);
    boolean yn = Double.isNaN(y);
    return xn == yn ? 0 : xn ? 1 : -1;
  }

  /** A comparator of rows of {@code l} with rows of {@code r} (vectors of one type). */
  public static RowComparator of(ColumnVector l, ColumnVector r) {
    if (l instanceof LongVector a) {
      long[] x = a.values();
      long[] y = ((LongVector) r).values();
      return (i, j) -> Long.compare(x[i], y[j]);
    }
    if (l instanceof IntVector a) {
      int[] x = a.values();
      int[] y = ((IntVector) r).values();
      return (i, j) -> Integer.compare(x[i], y[j]);
    }
    if (l instanceof DoubleVector a) {
      double[] x = a.values();
      double[] y = ((DoubleVector) r).values();
      return (i, j) -> compareDoubles(x[i], y[j]);
    }
    if (l instanceof BytesVector a) {
      BytesVector b = (BytesVector) r;
      return (i, j) -> a.compare(i, b, j);
    }
    if (l instanceof DecimalVector a) {
      DecimalVector b = (DecimalVector) r;
      if (a.isCompact() && b.isCompact() && a.decimalType().scale() == b.decimalType().scale()) {
        long[] x = a.unscaled();
        long[] y = b.unscaled();
        return (i, j) -> Long.compare(x[i], y[j]);
      }
      return (i, j) -> a.getDecimal(i).compareTo(b.getDecimal(j));
    }
    if (l instanceof BooleanVector a) {
      boolean[] x = a.values();
      boolean[] y = ((BooleanVector) r).values();
      return (i, j) -> Boolean.compare(x[i], y[j]);
    }
    if (l instanceof FloatVector a) {
      float[] x = a.values();
      float[] y = ((FloatVector) r).values();
      return (i, j) -> compareDoubles(x[i], y[j]);
    }
    if (l instanceof ShortVector a) {
      short[] x = a.values();
      short[] y = ((ShortVector) r).values();
      return (i, j) -> Short.compare(x[i], y[j]);
    }
    if (l instanceof ByteVector a) {
      byte[] x = a.values();
      byte[] y = ((ByteVector) r).values();
      return (i, j) -> Byte.compare(x[i], y[j]);
    }
    if (l instanceof NullVector) return (i, j) -> 0;
    if (l instanceof StructVector a) return structs(a, (StructVector) r);
    if (l instanceof ArrayVector a) return arrays(a, (ArrayVector) r);
    throw EvalErrors.unsupported("ordering of " + l.type().sql() + " values");
  }

  /** Like {@link #of} but nested in a complex value: null rows sort before non-null ones. */
  private static RowComparator nullsFirst(ColumnVector l, ColumnVector r) {
    RowComparator c = of(l, r);
    if (!l.mayHaveNulls() && !r.mayHaveNulls()) return c;
    return (i, j) -> {
      boolean ln = l.isNullAt(i);
      boolean rn = r.isNullAt(j);
      if (ln || rn) return ln == rn ? 0 : ln ? -1 : 1;
      return c.compare(i, j);
    };
  }

  private static RowComparator structs(StructVector a, StructVector b) {
    int k = a.children().length;
    RowComparator[] fields = new RowComparator[k];
    for (int f = 0; f < k; f++) fields[f] = nullsFirst(a.child(f), b.child(f));
    return (i, j) -> {
      for (RowComparator f : fields) {
        int c = f.compare(i, j);
        if (c != 0) return c;
      }
      return 0;
    };
  }

  private static RowComparator arrays(ArrayVector a, ArrayVector b) {
    RowComparator e = nullsFirst(a.elements(), b.elements());
    return (i, j) -> {
      int la = a.length(i);
      int lb = b.length(j);
      int sa = a.start(i);
      int sb = b.start(j);
      for (int k = 0; k < Math.min(la, lb); k++) {
        int c = e.compare(sa + k, sb + k);
        if (c != 0) return c;
      }
      return Integer.compare(la, lb);
    };
  }
}
