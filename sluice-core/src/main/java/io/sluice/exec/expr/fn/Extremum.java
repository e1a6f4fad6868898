package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.RowComparators;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataType;
import java.util.List;
import java.util.Map;

/**
 * {@code greatest} and {@code least}: the largest (smallest) non-null argument of each row in
 * Spark's ordering (NaN above every number, {@code -0.0 == 0.0}); null only when every argument is.
 * Among equal values the first argument wins. The analyzer has cast all arguments to one type.
 */
final class Extremum {
  private Extremum() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("greatest", (call, args, ctx) -> create(call.dataType(), args, 1));
    m.put("least", (call, args, ctx) -> create(call.dataType(), args, -1));
  }

  private static VectorEvaluator create(DataType type, List<VectorEvaluator> args, int sign) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector[] v = MathKernels.evaluateAll(args, batch);
      if (v[0] instanceof LongVector) return longs(type, v, n, sign);
      if (v[0] instanceof IntVector) return ints(type, v, n, sign);
      if (v[0] instanceof DoubleVector) return doubles(type, v, n, sign);
      return generic(type, v, n, sign);
    };
  }

  /** Rows where every argument is null, or null when there is none. */
  private static boolean[] allNull(ColumnVector[] v, int n) {
    boolean[] out = null;
    for (int i = 0; i < n; i++) {
      boolean all = true;
      for (ColumnVector c : v) {
        if (!c.isNullAt(i)) {
          all = false;
          break;
        }
      }
      if (all) {
        if (out == null) out = new boolean[Math.max(n, 1)];
        out[i] = true;
      }
    }
    return out;
  }

  private static ColumnVector longs(DataType type, ColumnVector[] v, int n, int sign) {
    long[] out = new long[Math.max(n, 1)];
    boolean[] has = new boolean[Math.max(n, 1)];
    for (ColumnVector c : v) {
      long[] x = ((LongVector) c).values();
      boolean[] nulls = KernelSupport.nulls(c, n);
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        if (!has[i] || sign * Long.compare(x[i], out[i]) > 0) {
          out[i] = x[i];
          has[i] = true;
        }
      }
    }
    return new LongVector(type, out, allNull(v, n), n);
  }

  private static ColumnVector ints(DataType type, ColumnVector[] v, int n, int sign) {
    int[] out = new int[Math.max(n, 1)];
    boolean[] has = new boolean[Math.max(n, 1)];
    for (ColumnVector c : v) {
      int[] x = ((IntVector) c).values();
      boolean[] nulls = KernelSupport.nulls(c, n);
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        if (!has[i] || sign * Integer.compare(x[i], out[i]) > 0) {
          out[i] = x[i];
          has[i] = true;
        }
      }
    }
    return new IntVector(type, out, allNull(v, n), n);
  }

  private static ColumnVector doubles(DataType type, ColumnVector[] v, int n, int sign) {
    double[] out = new double[Math.max(n, 1)];
    boolean[] has = new boolean[Math.max(n, 1)];
    for (ColumnVector c : v) {
      double[] x = ((DoubleVector) c).values();
      boolean[] nulls = KernelSupport.nulls(c, n);
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        if (!has[i] || sign * RowComparators.compareDoubles(x[i], out[i]) > 0) {
          out[i] = x[i];
          has[i] = true;
        }
      }
    }
    return new DoubleVector(type, out, allNull(v, n), n);
  }

  /** Any orderable type: picks the winning argument per row, then copies its value. */
  private static ColumnVector generic(DataType type, ColumnVector[] v, int n, int sign) {
    int[] best = new int[Math.max(n, 1)];
    java.util.Arrays.fill(best, -1);
    RowComparators.RowComparator[][] cmp = new RowComparators.RowComparator[v.length][v.length];
    for (int a = 0; a < v.length; a++) {
      for (int i = 0; i < n; i++) {
        if (v[a].isNullAt(i)) continue;
        int b = best[i];
        if (b < 0) {
          best[i] = a;
          continue;
        }
        if (cmp[a][b] == null) cmp[a][b] = RowComparators.of(v[a], v[b]);
        if (sign * cmp[a][b].compare(i, i) > 0) best[i] = a;
      }
    }
    ColumnVector out = ColumnVector.allocate(type, n);
    for (int i = 0; i < n; i++) {
      if (best[i] < 0) {
        out.appendNull();
      } else {
        out.appendFrom(v[best[i]], i);
      }
    }
    return out;
  }
}
