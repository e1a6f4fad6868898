package io.sluice.exec.expr;

import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BinaryArithmetic.Op;
import io.sluice.plan.expr.EvalMode;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic with Spark's result types ({@link BinaryArithmetic#decimalResult}) and
 * rounding (HALF_UP). Addition, subtraction and multiplication of small decimals whose result fits
 * 18 digits run on unscaled longs and cannot overflow; other cases go through {@link BigDecimal}
 * row by row. A result that does not fit the result type raises {@code NUMERIC_VALUE_OUT_OF_RANGE}
 * in ANSI mode and is null otherwise.
 */
final class DecimalArithmetic {
  /** Spark's decimal math context: 38 digits, HALF_UP. */
  static final MathContext MATH_CONTEXT =
      new MathContext(DecimalType.MAX_PRECISION, RoundingMode.HALF_UP);

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
  }

  private DecimalArithmetic() {}

  static VectorEvaluator compile(
      BinaryArithmetic e, VectorEvaluator left, VectorEvaluator right, EvalContext ctx) {
    DecimalType a = (DecimalType) e.left().dataType();
    DecimalType b = (DecimalType) e.right().dataType();
    Op op = e.op();
    EvalMode mode = e.evalMode();
    if (op == Op.INTEGRAL_DIVIDE) return integralDivide(a, b, mode, left, right);
    DecimalType rt = BinaryArithmetic.decimalResult(op, a, b);
    boolean compact = rt.fitsInLong() && a.fitsInLong() && b.fitsInLong();
    if (compact && (op == Op.ADD || op == Op.SUBTRACT)) {
      long fa = POW10[rt.scale() - a.scale()];
      long fb = POW10[rt.scale() - b.scale()];
      boolean add = op == Op.ADD;
      return batch -> {
        int n = batch.numRows();
        DecimalVector x = (DecimalVector) left.evaluate(batch);
        DecimalVector y = (DecimalVector) right.evaluate(batch);
        DecimalVector out = new DecimalVector(rt, n);
        long[] xs = x.unscaled();
        long[] ys = y.unscaled();
        long[] r = out.unscaled();
        if (add) {
          for (int i = 0; i < n; i++) r[i] = xs[i] * fa + ys[i] * fb;
        } else {
          for (int i = 0; i < n; i++) r[i] = xs[i] * fa - ys[i] * fb;
        }
        return finish(out, x, y, n);
      };
    }
    if (compact && op == Op.MULTIPLY) {
      return batch -> {
        int n = batch.numRows();
        DecimalVector x = (DecimalVector) left.evaluate(batch);
        DecimalVector y = (DecimalVector) right.evaluate(batch);
        DecimalVector out = new DecimalVector(rt, n);
        long[] xs = x.unscaled();
        long[] ys = y.unscaled();
        long[] r = out.unscaled();
        for (int i = 0; i < n; i++) r[i] = xs[i] * ys[i];
        return finish(out, x, y, n);
      };
    }
    return batch -> {
      int n = batch.numRows();
      DecimalVector x = (DecimalVector) left.evaluate(batch);
      DecimalVector y = (DecimalVector) right.evaluate(batch);
      DecimalVector out = new DecimalVector(rt, n);
      boolean[] nulls = Vectors.union(Vectors.nulls(x, n), Vectors.nulls(y, n), n);
      boolean copied = false;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        BigDecimal r = apply(op, x.getDecimal(i), y.getDecimal(i), mode);
        BigDecimal fitted = r == null ? null : fit(r, rt, mode);
        if (fitted == null) {
          if (!copied) {
            nulls = Vectors.copyOrNew(nulls, n);
            copied = true;
          }
          nulls[i] = true;
        } else {
          out.setDecimal(i, fitted);
        }
      }
      out.setSize(n);
      out.setNulls(nulls);
      return out;
    };
  }

  private static DecimalVector finish(DecimalVector out, DecimalVector x, DecimalVector y, int n) {
    out.setSize(n);
    out.setNulls(Vectors.union(Vectors.nulls(x, n), Vectors.nulls(y, n), n));
    return out;
  }

  /** The exact (or 38-digit) result, or null for a zero divisor outside ANSI mode. */
  private static BigDecimal apply(Op op, BigDecimal x, BigDecimal y, EvalMode mode) {
    switch (op) {
      case ADD:
        return x.add(y);
      case SUBTRACT:
        return x.subtract(y);
      case MULTIPLY:
        return x.multiply(y, MATH_CONTEXT);
      default:
        break;
    }
    if (y.signum() == 0) {
      if (mode == EvalMode.ANSI) throw EvalErrors.divideByZero();
      return null;
    }
    return switch (op) {
      case DIVIDE -> x.divide(y, DecimalType.MAX_SCALE, RoundingMode.HALF_UP);
      case REMAINDER -> x.remainder(y, MATH_CONTEXT);
      case PMOD -> {
        BigDecimal r = x.remainder(y, MATH_CONTEXT);
        yield r.signum() < 0 ? r.add(y).remainder(y, MATH_CONTEXT) : r;
      }
      default -> throw new IllegalStateException(op.name());
    };
  }

  /**
   * {@code v} rounded HALF_UP to the type's scale, or null (or an ANSI error) when it then has more
   * digits than the type's precision.
   */
  static BigDecimal fit(BigDecimal v, DecimalType t, EvalMode mode) {
    BigDecimal r = v.scale() == t.scale() ? v : v.setScale(t.scale(), RoundingMode.HALF_UP);
    if (r.precision() > t.precision()) {
      if (mode == EvalMode.ANSI) {
        throw EvalErrors.numericOutOfRange(v, t.precision(), t.scale());
      }
      return null;
    }
    return r;
  }

  /** {@code a div b} on decimals: the integral quotient as a bigint. */
  private static VectorEvaluator integralDivide(
      DecimalType a, DecimalType b, EvalMode mode, VectorEvaluator left, VectorEvaluator right) {
    DecimalType bound = DecimalType.bounded(Math.max(a.precision() - a.scale() + b.scale(), 1), 0);
    return batch -> {
      int n = batch.numRows();
      DecimalVector x = (DecimalVector) left.evaluate(batch);
      DecimalVector y = (DecimalVector) right.evaluate(batch);
      long[] out = new long[Math.max(n, 1)];
      boolean[] nulls = Vectors.union(Vectors.nulls(x, n), Vectors.nulls(y, n), n);
      boolean copied = false;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        BigDecimal d = y.getDecimal(i);
        BigDecimal q = null;
        if (d.signum() == 0) {
          if (mode == EvalMode.ANSI) throw EvalErrors.divideByZero();
        } else {
          q = fit(x.getDecimal(i).divideToIntegralValue(d, MATH_CONTEXT), bound, mode);
        }
        if (q == null) {
          if (!copied) {
            nulls = Vectors.copyOrNew(nulls, n);
            copied = true;
          }
          nulls[i] = true;
        } else {
          out[i] = q.longValue();
        }
      }
      return new LongVector(DataTypes.LongType, out, nulls, n);
    };
  }

  static VectorEvaluator negate(VectorEvaluator child) {
    return batch -> {
      int n = batch.numRows();
      DecimalVector x = (DecimalVector) child.evaluate(batch);
      DecimalVector out = new DecimalVector(x.decimalType(), n);
      if (x.isCompact()) {
        long[] a = x.unscaled();
        long[] r = out.unscaled();
        for (int i = 0; i < n; i++) r[i] = -a[i];
      } else {
        BigDecimal[] a = x.bigValues();
        BigDecimal[] r = out.bigValues();
        for (int i = 0; i < n; i++) r[i] = a[i] == null ? null : a[i].negate();
      }
      out.setSize(n);
      out.setNulls(Vectors.nulls(x, n));
      return out;
    };
  }
}
