package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalErrors;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * {@code round} (HALF_UP), {@code bround} (HALF_EVEN), {@code ceil}/{@code floor} and their decimal
 * forms with a scale. As in Spark, floating-point values are rounded through their decimal text
 * ({@code BigDecimal.valueOf}), so {@code round(2.675, 2)} is 2.68; integral values round at
 * negative scales and overflow (ANSI: {@code ARITHMETIC_OVERFLOW}, else they wrap); decimals round
 * in unscaled {@code long}s while both types have at most 18 digits.
 */
final class RoundingKernels {
  private RoundingKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("round", rounding(RoundingMode.HALF_UP, true, "try_round"));
    m.put("bround", rounding(RoundingMode.HALF_EVEN, true, "try_bround"));
    m.put("round_ceil", rounding(RoundingMode.CEILING, false, ""));
    m.put("round_floor", rounding(RoundingMode.FLOOR, false, ""));
    m.put("ceil", (call, args, ctx) -> ceilFloor(call.dataType(), args.get(0), true));
    m.put("floor", (call, args, ctx) -> ceilFloor(call.dataType(), args.get(0), false));
  }

  /**
   * The kernel of a rounding function with a constant scale; {@code ansiAware} functions raise on
   * overflow in ANSI mode (suggesting {@code tryFunction}).
   */
  private static ScalarKernel rounding(RoundingMode mode, boolean ansiAware, String tryFunction) {
    return (call, args, ctx) ->
        round(
            call.dataType(),
            call.arg(0).dataType(),
            args.get(0),
            KernelSupport.constant(call.arg(1), ctx),
            mode,
            ansiAware && ctx.ansi(),
            tryFunction);
  }

  private static VectorEvaluator ceilFloor(DataType type, VectorEvaluator arg, boolean ceil) {
    RoundingMode mode = ceil ? RoundingMode.CEILING : RoundingMode.FLOOR;
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = arg.evaluate(batch);
      if (v instanceof DoubleVector dv) {
        double[] x = dv.values();
        long[] out = new long[Math.max(n, 1)];
        if (ceil) {
          for (int i = 0; i < n; i++) out[i] = (long) Math.ceil(x[i]);
        } else {
          for (int i = 0; i < n; i++) out[i] = (long) Math.floor(x[i]);
        }
        return new LongVector(DataTypes.LongType, out, KernelSupport.nulls(v, n), n);
      }
      if (v instanceof DecimalVector d && d.decimalType().scale() > 0) {
        return roundDecimals(d, (DecimalType) type, 0, mode, n);
      }
      return v;
    };
  }

  private static VectorEvaluator round(
      DataType type,
      DataType inType,
      VectorEvaluator arg,
      Object scaleValue,
      RoundingMode mode,
      boolean ansi,
      String tryFunction) {
    if (scaleValue == null) {
      return batch -> {
        ColumnVector out = ColumnVector.allocate(type, batch.numRows());
        for (int i = 0; i < batch.numRows(); i++) out.appendNull();
        return out;
      };
    }
    int scale = ((Number) scaleValue).intValue();
    if (inType instanceof DecimalType) {
      return batch ->
          roundDecimals(
              (DecimalVector) arg.evaluate(batch),
              (DecimalType) type,
              scale,
              mode,
              batch.numRows());
    }
    if (inType.isIntegral()) {
      if (scale >= 0) return arg;
      return batch ->
          roundIntegral(arg.evaluate(batch), batch.numRows(), -scale, mode, ansi, tryFunction);
    }
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = arg.evaluate(batch);
      boolean[] nulls = KernelSupport.nulls(v, n);
      if (v instanceof FloatVector fv) {
        float[] x = fv.values();
        float[] out = new float[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
          float f = x[i];
          out[i] =
              Float.isNaN(f) || Float.isInfinite(f) || (nulls != null && nulls[i])
                  ? f
                  : BigDecimal.valueOf(f).setScale(scale, mode).floatValue();
        }
        return new FloatVector(type, out, nulls, n);
      }
      double[] x = ((DoubleVector) v).values();
      double[] out = new double[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = roundDouble(x[i], scale, mode);
      return new DoubleVector(type, out, nulls, n);
    };
  }

  private static final double[] POW10_DOUBLE = new double[23];

  static {
    POW10_DOUBLE[0] = 1;
    for (int i = 1; i < POW10_DOUBLE.length; i++) POW10_DOUBLE[i] = POW10_DOUBLE[i - 1] * 10;
  }

  /**
   * A double rounded through its decimal text (HALF_UP or HALF_EVEN); NaN and infinities are kept.
   * The decimal text differs from the binary value by less than one unit in the last place, so
   * unless the scaled value lies within a few units of a tie both round the same way and the result
   * is computed in doubles: the rounded integer divided by 10^scale, correctly rounded, which is
   * what {@code BigDecimal.doubleValue} gives. Near ties (and for negative scales and huge values)
   * it goes through {@code BigDecimal.valueOf}, as Spark does always.
   */
  static double roundDouble(double d, int scale, RoundingMode mode) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return d;
    if (scale >= 0 && scale < POW10_DOUBLE.length) {
      // whole numbers are their own rounding (zero goes through BigDecimal, which turns -0.0
      // into 0.0 as Spark does)
      if (d != 0 && d == Math.rint(d)) return d;
      double p = POW10_DOUBLE[scale];
      double y = Math.abs(d) * p;
      if (y < 0x1p40) {
        double floor = Math.floor(y);
        double frac = y - floor;
        if (Math.abs(frac - 0.5) > 4 * Math.ulp(y)) {
          double q = frac > 0.5 ? floor + 1 : floor;
          if (q == 0) return 0.0;
          double r = q / p;
          return d < 0 ? -r : r;
        }
      }
    }
    return BigDecimal.valueOf(d).setScale(scale, mode).doubleValue();
  }

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
  }

  /** {@code u / divisor} rounded in {@code mode} (divisor a power of ten up to 10^18). */
  static long roundQuotient(long u, long divisor, RoundingMode mode) {
    long q = u / divisor;
    long r = u % divisor;
    if (r == 0) return q;
    switch (mode) {
      case HALF_UP -> {
        if (Math.abs(r) >= divisor - Math.abs(r)) q += Long.signum(u);
      }
      case HALF_EVEN -> {
        long twice = Math.abs(r);
        long rest = divisor - twice;
        if (twice > rest || (twice == rest && (q & 1) != 0)) q += Long.signum(u);
      }
      case CEILING -> {
        if (r > 0) q++;
      }
      case FLOOR -> {
        if (r < 0) q--;
      }
      default -> throw new IllegalArgumentException(mode.toString());
    }
    return q;
  }

  /**
   * Rounds integral values to a multiple of 10^digits. The result keeps the input type; one that
   * leaves the type's range raises in ANSI mode and wraps otherwise (BigDecimal's {@code intValue}
   * keeps the low bits, as Java's arithmetic does).
   */
  private static ColumnVector roundIntegral(
      ColumnVector v, int n, int digits, RoundingMode mode, boolean ansi, String tryFunction) {
    boolean[] nulls = KernelSupport.nulls(v, n);
    long[] x = KernelSupport.longs(v, n);
    long[] out = new long[Math.max(n, 1)];
    long lo;
    long hi;
    if (v instanceof ByteVector) {
      lo = Byte.MIN_VALUE;
      hi = Byte.MAX_VALUE;
    } else if (v instanceof ShortVector) {
      lo = Short.MIN_VALUE;
      hi = Short.MAX_VALUE;
    } else if (v instanceof IntVector) {
      lo = Integer.MIN_VALUE;
      hi = Integer.MAX_VALUE;
    } else {
      lo = Long.MIN_VALUE;
      hi = Long.MAX_VALUE;
    }
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) continue;
      boolean overflow;
      if (digits <= 18) {
        long d = POW10[digits];
        long q = roundQuotient(x[i], d, mode);
        long r = q * d;
        overflow = Math.multiplyHigh(q, d) != (r >> 63) || r < lo || r > hi;
        out[i] = r;
      } else {
        java.math.BigInteger r =
            BigDecimal.valueOf(x[i]).setScale(-digits, mode).toBigIntegerExact();
        overflow = r.bitLength() > 63 || r.longValue() < lo || r.longValue() > hi;
        out[i] = r.longValue();
      }
      if (overflow && ansi) throw EvalErrors.arithmeticOverflow("Overflow", tryFunction);
    }
    if (v instanceof LongVector) return new LongVector(v.type(), out, nulls, n);
    if (v instanceof IntVector) {
      int[] o = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) o[i] = (int) out[i];
      return new IntVector(v.type(), o, nulls, n);
    }
    if (v instanceof ShortVector) {
      short[] o = new short[Math.max(n, 1)];
      for (int i = 0; i < n; i++) o[i] = (short) out[i];
      return new ShortVector(v.type(), o, nulls, n);
    }
    byte[] o = new byte[Math.max(n, 1)];
    for (int i = 0; i < n; i++) o[i] = (byte) out[i];
    return new ByteVector(v.type(), o, nulls, n);
  }

  /**
   * Decimals rounded to {@code scale} (negative: to a multiple of 10^-scale) into {@code to}, whose
   * scale is {@code max(0, min(scale, inputScale))} and whose precision has room for the carry.
   */
  static DecimalVector roundDecimals(
      DecimalVector v, DecimalType to, int scale, RoundingMode mode, int n) {
    int s = v.decimalType().scale();
    int target = Math.min(s, scale);
    int drop = s - target;
    DecimalVector out = new DecimalVector(to, n);
    boolean[] nulls = KernelSupport.nulls(v, n);
    boolean fast = v.isCompact() && to.fitsInLong() && drop <= 18 && -Math.min(target, 0) <= 18;
    if (fast) {
      long[] x = v.unscaled();
      long[] o = out.unscaled();
      long d = POW10[drop];
      long up = target < 0 ? POW10[-target] : 1;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        o[i] = drop == 0 ? x[i] : roundQuotient(x[i], d, mode) * up;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        BigDecimal r = v.getDecimal(i).setScale(target, mode).setScale(to.scale());
        out.setDecimal(i, r);
      }
    }
    out.setSize(n);
    out.setNulls(nulls);
    return out;
  }
}
