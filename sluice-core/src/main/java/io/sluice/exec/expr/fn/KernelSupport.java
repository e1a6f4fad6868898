package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.ExpressionCompiler;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import java.util.Arrays;

/** Plumbing shared by the kernels of the function library: null masks, constants, widening. */
final class KernelSupport {
  private KernelSupport() {}

  private static final ColumnBatch ONE_ROW = new ColumnBatch(new ColumnVector[0], 1);

  /**
   * The value (internal form, null for a null) of a foldable argument, computed once when the
   * kernel is built: a literal directly, anything else by evaluating it on a one-row batch.
   */
  static Object constant(Expression e, EvalContext ctx) {
    if (e instanceof Literal l) return l.value();
    return ExpressionCompiler.compile(e, ctx).evaluate(ONE_ROW).getObject(0);
  }

  /** The null mask of {@code v} covering {@code n} rows, or null when no row is null. */
  static boolean[] nulls(ColumnVector v, int n) {
    boolean[] m = v.nulls();
    if (m == null || m.length >= n) return m;
    return Arrays.copyOf(m, n);
  }

  /** A writable copy of {@code mask} (or a fresh mask) of at least {@code n} rows. */
  static boolean[] copy(boolean[] mask, int n) {
    boolean[] out = new boolean[Math.max(n, 1)];
    if (mask != null) System.arraycopy(mask, 0, out, 0, Math.min(n, mask.length));
    return out;
  }

  /** The values of a byte, short or int vector as ints (the vector's own array for ints). */
  static int[] ints(ColumnVector v, int n) {
    if (v instanceof IntVector iv) return iv.values();
    int[] out = new int[Math.max(n, 1)];
    if (v instanceof ShortVector sv) {
      short[] a = sv.values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    } else {
      byte[] a = ((ByteVector) v).values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    }
    return out;
  }

  /** The values of an integral vector as longs (the vector's own array for longs). */
  static long[] longs(ColumnVector v, int n) {
    if (v instanceof LongVector lv) return lv.values();
    int[] a = ints(v, n);
    long[] out = new long[Math.max(n, 1)];
    for (int i = 0; i < n; i++) out[i] = a[i];
    return out;
  }
}
