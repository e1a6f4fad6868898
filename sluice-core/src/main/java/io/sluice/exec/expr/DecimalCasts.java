package io.sluice.exec.expr;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.BooleanType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Casts to and from decimals. Values are rounded HALF_UP to the target scale; one that then needs
 * more digits than the target precision raises {@code NUMERIC_VALUE_OUT_OF_RANGE} in ANSI mode and
 * is null otherwise. Decimal to integral truncates toward zero.
 */
final class DecimalCasts {
  private static final long[] POW10 = new long[19];
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
  }

  private DecimalCasts() {}

  /** {@code v} rounded to {@code t}, or null (TRY, LEGACY) when it does not fit; ANSI raises. */
  static BigDecimal fit(BigDecimal v, DecimalType t, CastMode m) {
    BigDecimal r = v.scale() == t.scale() ? v : v.setScale(t.scale(), RoundingMode.HALF_UP);
    if (r.precision() > t.precision() && r.signum() != 0) {
      m.decimalOverflow(v, t);
      return null;
    }
    return r;
  }

  /** Integral values to a decimal type. */
  static ColumnVector fromLongs(long[] v, NullMask mask, int n, DecimalType t, CastMode m) {
    DecimalVector out = new DecimalVector(t, n);
    int intDigits = t.precision() - t.scale();
    if (t.fitsInLong() && intDigits <= 18) {
      long bound = POW10[intDigits];
      long factor = POW10[t.scale()];
      long[] u = out.unscaled();
      for (int i = 0; i < n; i++) {
        long x = v[i];
        if ((x >= bound || x <= -bound) && !mask.isNull(i)) {
          m.decimalOverflow(BigDecimal.valueOf(x), t);
          mask.set(i);
        } else {
          u[i] = x * factor;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (mask.isNull(i)) continue;
        BigDecimal r = fit(BigDecimal.valueOf(v[i]), t, m);
        if (r == null) {
          mask.set(i);
        } else {
          out.setDecimal(i, r);
        }
      }
    }
    out.setSize(n);
    out.setNulls(mask.result());
    return out;
  }

  /** Decimal values to the mode's target type. */
  static ColumnVector fromDecimals(DecimalVector v, int n, CastMode m) {
    DataType to = m.to();
    NullMask mask = new NullMask(Vectors.nulls(v, n), n);
    if (to instanceof DecimalType t) return toDecimal(v, n, t, mask, m);
    if (ArithmeticEvaluators.isIntegral(to)) {
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (mask.isNull(i)) continue;
        BigInteger q = v.getDecimal(i).toBigInteger(); // truncates toward zero
        boolean fits =
            q.compareTo(BigInteger.valueOf(NumericCasts.minOf(to))) >= 0
                && q.compareTo(BigInteger.valueOf(NumericCasts.maxOf(to))) <= 0;
        if (!fits && m.overflow(v.getDecimal(i))) mask.set(i);
        out[i] = q.longValue();
      }
      if (to instanceof io.sluice.types.LongType) return new LongVector(to, out, mask.result(), n);
      int[] ints = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) ints[i] = (int) out[i];
      return ArithmeticEvaluators.fromInts(to, ints, mask.result(), n);
    }
    if (to instanceof DoubleType || to instanceof FloatType) {
      double[] out = new double[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (!mask.isNull(i)) out[i] = v.getDecimal(i).doubleValue();
      }
      if (to instanceof DoubleType) return new DoubleVector(to, out, mask.result(), n);
      float[] f = new float[Math.max(n, 1)];
      for (int i = 0; i < n; i++) f[i] = (float) out[i];
      return new FloatVector(to, f, mask.result(), n);
    }
    if (to instanceof BooleanType) {
      boolean[] out = new boolean[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = !mask.isNull(i) && v.getDecimal(i).signum() != 0;
      return new BooleanVector(to, out, mask.result(), n);
    }
    if (to instanceof TimestampType) {
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (mask.isNull(i)) continue;
        BigInteger us = v.getDecimal(i).movePointRight(6).toBigInteger();
        if ((us.compareTo(LONG_MIN) < 0 || us.compareTo(LONG_MAX) > 0)
            && m.overflow(v.getDecimal(i))) {
          mask.set(i);
        }
        out[i] = us.longValue();
      }
      return new LongVector(to, out, mask.result(), n);
    }
    throw EvalErrors.unsupported("cast from " + v.type().sql() + " to " + to.sql());
  }

  private static ColumnVector toDecimal(
      DecimalVector v, int n, DecimalType t, NullMask mask, CastMode m) {
    DecimalType s = v.decimalType();
    DecimalVector out = new DecimalVector(t, n);
    int up = t.scale() - s.scale();
    if (v.isCompact() && t.fitsInLong() && up >= 0 && t.precision() - t.scale() + s.scale() <= 18) {
      long factor = POW10[up];
      long bound = POW10[t.precision() - t.scale()] * POW10[s.scale()];
      long[] x = v.unscaled();
      long[] u = out.unscaled();
      for (int i = 0; i < n; i++) {
        long a = x[i];
        // |a| / 10^s.scale must stay below 10^(integer digits of t); compare before scaling up.
        if ((a >= bound || a <= -bound) && !mask.isNull(i)) {
          m.decimalOverflow(BigDecimal.valueOf(a, s.scale()), t);
          mask.set(i);
        } else {
          u[i] = a * factor;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (mask.isNull(i)) continue;
        BigDecimal r = fit(v.getDecimal(i), t, m);
        if (r == null) {
          mask.set(i);
        } else {
          out.setDecimal(i, r);
        }
      }
    }
    out.setSize(n);
    out.setNulls(mask.result());
    return out;
  }
}
