package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalErrors;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Kernels of the math functions over doubles and of {@code abs}. Functions follow the Java methods
 * Spark calls ({@code StrictMath} for exp and the logarithms, {@code Math} otherwise), so results
 * match Spark bit for bit. Logarithms of values at or below their asymptote are null, as in Spark
 * (and Hive), not NaN or -Infinity.
 */
final class MathKernels {
  private MathKernels() {}

  private static final double LN2 = StrictMath.log(2);

  static void register(Map<String, ScalarKernel> m) {
    m.put("abs", (call, args, ctx) -> abs(call.dataType(), args.get(0), ctx.ansi()));
    m.put("sqrt", (call, args, ctx) -> unary(args.get(0), Math::sqrt));
    m.put("exp", (call, args, ctx) -> unary(args.get(0), StrictMath::exp));
    m.put("expm1", (call, args, ctx) -> unary(args.get(0), StrictMath::expm1));
    m.put("cbrt", (call, args, ctx) -> unary(args.get(0), Math::cbrt));
    m.put("sin", (call, args, ctx) -> unary(args.get(0), Math::sin));
    m.put("cos", (call, args, ctx) -> unary(args.get(0), Math::cos));
    m.put("tan", (call, args, ctx) -> unary(args.get(0), Math::tan));
    m.put("asin", (call, args, ctx) -> unary(args.get(0), Math::asin));
    m.put("acos", (call, args, ctx) -> unary(args.get(0), Math::acos));
    m.put("atan", (call, args, ctx) -> unary(args.get(0), Math::atan));
    m.put("sinh", (call, args, ctx) -> unary(args.get(0), Math::sinh));
    m.put("cosh", (call, args, ctx) -> unary(args.get(0), Math::cosh));
    m.put("tanh", (call, args, ctx) -> unary(args.get(0), Math::tanh));
    m.put("degrees", (call, args, ctx) -> unary(args.get(0), Math::toDegrees));
    m.put("radians", (call, args, ctx) -> unary(args.get(0), Math::toRadians));
    m.put("rint", (call, args, ctx) -> unary(args.get(0), Math::rint));
    m.put("signum", (call, args, ctx) -> unary(args.get(0), Math::signum));
    m.put("ln", (call, args, ctx) -> logarithm(args.get(0), 0.0, StrictMath::log));
    m.put("log10", (call, args, ctx) -> logarithm(args.get(0), 0.0, StrictMath::log10));
    m.put("log2", (call, args, ctx) -> logarithm(args.get(0), 0.0, x -> StrictMath.log(x) / LN2));
    m.put("log1p", (call, args, ctx) -> logarithm(args.get(0), -1.0, StrictMath::log1p));
    m.put("e", (call, args, ctx) -> constant(Math.E));
    m.put("pi", (call, args, ctx) -> constant(Math.PI));
    m.put(
        "log",
        (call, args, ctx) -> {
          Object base = call.arg(0).foldable() ? KernelSupport.constant(call.arg(0), ctx) : null;
          if (base instanceof Double b && b == Math.E) {
            return logarithm(args.get(1), 0.0, StrictMath::log);
          }
          return binary(
              args.get(0), args.get(1), true, (b, x) -> StrictMath.log(x) / StrictMath.log(b));
        });
    m.put("pow", (call, args, ctx) -> binary(args.get(0), args.get(1), false, StrictMath::pow));
    m.put(
        "atan2",
        (call, args, ctx) ->
            binary(args.get(0), args.get(1), false, (y, x) -> Math.atan2(y + 0.0, x + 0.0)));
    m.put("hypot", (call, args, ctx) -> binary(args.get(0), args.get(1), false, Math::hypot));
    Extremum.register(m);
    RoundingKernels.register(m);
    RandomKernels.register(m);
  }

  private static VectorEvaluator constant(double value) {
    return batch -> {
      int n = batch.numRows();
      double[] out = new double[Math.max(n, 1)];
      java.util.Arrays.fill(out, value);
      return new DoubleVector(DataTypes.DoubleType, out, null, n);
    };
  }

  private static VectorEvaluator unary(VectorEvaluator arg, DoubleUnaryOperator f) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = arg.evaluate(batch);
      double[] x = ((DoubleVector) v).values();
      double[] out = new double[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = f.applyAsDouble(x[i]);
      return new DoubleVector(DataTypes.DoubleType, out, KernelSupport.nulls(v, n), n);
    };
  }

  /** A logarithm: null for {@code x <= asymptote}. */
  private static VectorEvaluator logarithm(
      VectorEvaluator arg, double asymptote, DoubleUnaryOperator f) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = arg.evaluate(batch);
      double[] x = ((DoubleVector) v).values();
      double[] out = new double[Math.max(n, 1)];
      boolean[] nulls = KernelSupport.nulls(v, n);
      boolean copied = false;
      for (int i = 0; i < n; i++) {
        if (x[i] <= asymptote) {
          if (!copied) {
            nulls = KernelSupport.copy(nulls, n);
            copied = true;
          }
          nulls[i] = true;
        } else {
          out[i] = f.applyAsDouble(x[i]);
        }
      }
      return new DoubleVector(DataTypes.DoubleType, out, nulls, n);
    };
  }

  /** {@code f(a, b)} over doubles; with {@code positiveOnly}, null unless both are > 0. */
  private static VectorEvaluator binary(
      VectorEvaluator left, VectorEvaluator right, boolean positiveOnly, DoubleBinaryOperator f) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector lv = left.evaluate(batch);
      ColumnVector rv = right.evaluate(batch);
      double[] a = ((DoubleVector) lv).values();
      double[] b = ((DoubleVector) rv).values();
      double[] out = new double[Math.max(n, 1)];
      boolean[] ln = KernelSupport.nulls(lv, n);
      boolean[] rn = KernelSupport.nulls(rv, n);
      boolean[] nulls = null;
      if (ln != null || rn != null || positiveOnly) {
        nulls = KernelSupport.copy(ln, n);
        if (rn != null) {
          for (int i = 0; i < n; i++) nulls[i] |= rn[i];
        }
      }
      for (int i = 0; i < n; i++) {
        if (positiveOnly && (a[i] <= 0.0 || b[i] <= 0.0)) {
          nulls[i] = true;
        } else {
          out[i] = f.applyAsDouble(a[i], b[i]);
        }
      }
      return new DoubleVector(DataTypes.DoubleType, out, nulls, n);
    };
  }

  // --- abs ---

  /**
   * {@code abs}: the minimum value of an integral type has no absolute value. ANSI mode raises
   * {@code ARITHMETIC_OVERFLOW} (always for intervals), otherwise the value wraps to itself.
   */
  private static VectorEvaluator abs(DataType type, VectorEvaluator arg, boolean ansi) {
    boolean interval = type instanceof YearMonthIntervalType || type instanceof DayTimeIntervalType;
    boolean checked = ansi || interval;
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = arg.evaluate(batch);
      boolean[] nulls = KernelSupport.nulls(v, n);
      if (v instanceof LongVector lv) {
        long[] x = lv.values();
        long[] out = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
          if (checked && x[i] == Long.MIN_VALUE && !(nulls != null && nulls[i])) {
            throw EvalErrors.arithmeticOverflow("long overflow", "");
          }
          out[i] = Math.abs(x[i]);
        }
        return new LongVector(type, out, nulls, n);
      }
      if (v instanceof IntVector || v instanceof ShortVector || v instanceof ByteVector) {
        return absInts(type, v, n, nulls, checked);
      }
      if (v instanceof DoubleVector dv) {
        double[] x = dv.values();
        double[] out = new double[Math.max(n, 1)];
        for (int i = 0; i < n; i++) out[i] = Math.abs(x[i]);
        return new DoubleVector(type, out, nulls, n);
      }
      if (v instanceof FloatVector fv) {
        float[] x = fv.values();
        float[] out = new float[Math.max(n, 1)];
        for (int i = 0; i < n; i++) out[i] = Math.abs(x[i]);
        return new FloatVector(type, out, nulls, n);
      }
      return absDecimals((DecimalVector) v, n);
    };
  }

  private static ColumnVector absInts(
      DataType type, ColumnVector v, int n, boolean[] nulls, boolean checked) {
    int[] x = KernelSupport.ints(v, n);
    int min =
        v instanceof ByteVector
            ? Byte.MIN_VALUE
            : v instanceof ShortVector ? Short.MIN_VALUE : Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (checked && x[i] == min && !(nulls != null && nulls[i])) {
        String message =
            v instanceof IntVector
                ? "integer overflow"
                : "- " + x[i] + (v instanceof ByteVector ? "Y" : "S") + " caused overflow";
        throw EvalErrors.arithmeticOverflow(message, "");
      }
    }
    if (v instanceof ByteVector) {
      byte[] out = new byte[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = (byte) Math.abs(x[i]);
      return new ByteVector(type, out, nulls, n);
    }
    if (v instanceof ShortVector) {
      short[] out = new short[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = (short) Math.abs(x[i]);
      return new ShortVector(type, out, nulls, n);
    }
    int[] out = new int[Math.max(n, 1)];
    for (int i = 0; i < n; i++) out[i] = Math.abs(x[i]);
    return new IntVector(type, out, nulls, n);
  }

  private static ColumnVector absDecimals(DecimalVector v, int n) {
    DecimalVector out = new DecimalVector(v.decimalType(), n);
    if (v.isCompact()) {
      long[] x = v.unscaled();
      long[] o = out.unscaled();
      for (int i = 0; i < n; i++) o[i] = Math.abs(x[i]);
    } else {
      BigDecimal[] x = v.bigValues();
      BigDecimal[] o = out.bigValues();
      for (int i = 0; i < n; i++) o[i] = v.isNullAt(i) ? null : x[i].abs();
    }
    out.setSize(n);
    out.setNulls(KernelSupport.nulls(v, n));
    return out;
  }

  /** Evaluates all argument vectors of a batch. */
  static ColumnVector[] evaluateAll(java.util.List<VectorEvaluator> args, ColumnBatch batch) {
    ColumnVector[] out = new ColumnVector[args.size()];
    for (int i = 0; i < out.length; i++) out[i] = args.get(i).evaluate(batch);
    return out;
  }
}
