package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the kernels share: the values of constant arguments (computed once per query), null masks,
 * and typed access to argument vectors.
 */
final class Args {
  /** Marks an argument whose value varies per row (see {@link #constant}). */
  static final Object VARYING = new Object();

  private static final ColumnBatch ONE_ROW = new ColumnBatch(new ColumnVector[0], 1);

  private Args() {}

  /**
   * The value of argument {@code i} in internal form ({@code null} for a null constant) when it is
   * foldable, else {@link #VARYING}. A foldable argument that is not a literal yet (the optimizer
   * did not run) is evaluated once here.
   */
  static Object constant(ScalarFunction call, List<VectorEvaluator> args, int i) {
    Expression e = call.arg(i);
    if (e instanceof Literal l) return l.value();
    if (!e.foldable() || !e.deterministic()) return VARYING;
    ColumnVector v = args.get(i).evaluate(ONE_ROW);
    return v.isNullAt(0) ? null : v.getObject(0);
  }

  /** The union of the null masks of {@code vs} over {@code n} rows, or null when no row is null. */
  static boolean[] nulls(int n, ColumnVector... vs) {
    boolean[] out = null;
    for (ColumnVector v : vs) {
      boolean[] m = v.nulls();
      if (m == null) continue;
      if (out == null) out = new boolean[Math.max(n, 1)];
      int k = Math.min(n, m.length);
      for (int i = 0; i < k; i++) out[i] |= m[i];
    }
    return out;
  }

  static boolean isNull(boolean[] mask, int row) {
    return mask != null && mask[row];
  }

  /** A constant string argument as text ({@code String} or UTF-8 {@code byte[]} internally). */
  static String text(Object v) {
    return v instanceof String s ? s : new String((byte[]) v, StandardCharsets.UTF_8);
  }

  /** A constant string or binary argument as bytes. */
  static byte[] bytes(Object v) {
    return v instanceof byte[] b ? b : ((String) v).getBytes(StandardCharsets.UTF_8);
  }

  static BytesVector strings(VectorEvaluator e, ColumnBatch b) {
    return (BytesVector) e.evaluate(b);
  }

  static IntVector ints(VectorEvaluator e, ColumnBatch b) {
    return (IntVector) e.evaluate(b);
  }

  /** A new vector for {@code n} strings (or binaries) of about {@code bytes} bytes in all. */
  static BytesVector newBytes(BytesVector like, int n, int bytes) {
    BytesVector out = new BytesVector(like.type(), n);
    out.reserveData(Math.max(bytes, 16));
    return out;
  }
}
