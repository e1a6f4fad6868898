package io.sluice.exec.expr;

import io.sluice.exec.expr.CastEvaluator.VectorCast;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.ShortType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.util.function.IntFunction;

/**
 * Casts between booleans, integral and floating-point numbers, and from them to decimals,
 * timestamps (seconds since the epoch) and, for integral numbers, binary (big-endian bytes).
 * Narrowing follows Spark: ANSI raises {@code CAST_OVERFLOW}, LEGACY keeps Java's narrowing
 * (doubles saturate to int or long first), TRY gives null.
 */
final class NumericCasts {
  private NumericCasts() {}

  /** The cast for the mode's types, or null when neither side is handled here. */
  static VectorCast forTypes(CastMode m) {
    DataType from = m.from();
    DataType to = m.to();
    if (!isNumber(to)
        && !(to instanceof BooleanType)
        && !(to instanceof TimestampType)
        && !(to instanceof BinaryType)) {
      return null;
    }
    if (ArithmeticEvaluators.isIntegral(from)) {
      if (to instanceof BinaryType) return (v, n) -> toBinary(v, n);
      return (v, n) ->
          fromLongs(
              ArithmeticEvaluators.asLongs(v, n),
              new NullMask(Vectors.nulls(v, n), n),
              n,
              m,
              v::getObject);
    }
    if (from instanceof BooleanType && !(to instanceof BinaryType)) {
      return (v, n) -> {
        boolean[] b = ((BooleanVector) v).values();
        long[] x = new long[Math.max(n, 1)];
        for (int i = 0; i < n; i++) x[i] = b[i] ? 1 : 0;
        if (to instanceof TimestampType) {
          return new LongVector(to, x, Vectors.nulls(v, n), n); // true is 1 microsecond
        }
        return fromLongs(x, new NullMask(Vectors.nulls(v, n), n), n, m, v::getObject);
      };
    }
    if (from instanceof DoubleType || from instanceof FloatType) {
      if (to instanceof BinaryType) return null;
      return (v, n) ->
          fromDoubles(asDoubles(v, n), new NullMask(Vectors.nulls(v, n), n), n, m, v::getObject);
    }
    if (from instanceof DecimalType && !(to instanceof BinaryType)) {
      return (v, n) -> DecimalCasts.fromDecimals((DecimalVector) v, n, m);
    }
    return null;
  }

  static boolean isNumber(DataType t) {
    return ArithmeticEvaluators.isIntegral(t)
        || t instanceof FloatType
        || t instanceof DoubleType
        || t instanceof DecimalType;
  }

  static double[] asDoubles(ColumnVector v, int n) {
    if (v instanceof DoubleVector d) return d.values();
    float[] f = ((FloatVector) v).values();
    double[] out = new double[Math.max(n, 1)];
    for (int i = 0; i < n; i++) out[i] = f[i];
    return out;
  }

  /** Integral (or boolean 0/1, or seconds) values to the mode's target type. */
  static ColumnVector fromLongs(
      long[] v, NullMask mask, int n, CastMode m, IntFunction<Object> original) {
    DataType to = m.to();
    if (to instanceof LongType) {
      long[] out = new long[Math.max(n, 1)];
      System.arraycopy(v, 0, out, 0, n);
      return new LongVector(to, out, mask.result(), n);
    }
    if (to instanceof IntegerType || to instanceof ShortType || to instanceof ByteType) {
      long lo = minOf(to);
      long hi = maxOf(to);
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        long x = v[i];
        if ((x < lo || x > hi) && !mask.isNull(i) && m.overflow(original.apply(i))) mask.set(i);
        out[i] = (int) x;
      }
      return ArithmeticEvaluators.fromInts(to, out, mask.result(), n);
    }
    if (to instanceof DoubleType) {
      double[] out = new double[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = v[i];
      return new DoubleVector(to, out, mask.result(), n);
    }
    if (to instanceof FloatType) {
      float[] out = new float[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = v[i];
      return new FloatVector(to, out, mask.result(), n);
    }
    if (to instanceof BooleanType) {
      boolean[] out = new boolean[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = v[i] != 0;
      return new BooleanVector(to, out, mask.result(), n);
    }
    if (to instanceof DecimalType d) return DecimalCasts.fromLongs(v, mask, n, d, m);
    if (to instanceof TimestampType) {
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        long x = v[i];
        long r = x * DateTimes.MICROS_PER_SECOND;
        if (Math.multiplyHigh(x, DateTimes.MICROS_PER_SECOND) != (r >> 63)) {
          // LEGACY saturates, as Spark's SECONDS.toMicros does.
          r = x < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
          if (!mask.isNull(i) && m.overflow(original.apply(i))) mask.set(i);
        }
        out[i] = r;
      }
      return new LongVector(to, out, mask.result(), n);
    }
    throw EvalErrors.unsupported("cast to " + to.sql());
  }

  /** Floating-point values to the mode's target type. */
  static ColumnVector fromDoubles(
      double[] v, NullMask mask, int n, CastMode m, IntFunction<Object> original) {
    DataType to = m.to();
    if (ArithmeticEvaluators.isIntegral(to)) {
      double lo = minOf(to);
      double hi = maxOf(to);
      boolean isLong = to instanceof LongType;
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        double x = v[i];
        // NaN fails both tests, as in Spark's ANSI cast.
        if (!(Math.floor(x) <= hi && Math.ceil(x) >= lo)
            && !mask.isNull(i)
            && m.overflow(original.apply(i))) {
          mask.set(i);
        }
        out[i] = isLong ? (long) x : (int) x;
      }
      if (isLong) return new LongVector(to, out, mask.result(), n);
      int[] ints = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) ints[i] = (int) out[i];
      return ArithmeticEvaluators.fromInts(to, ints, mask.result(), n);
    }
    if (to instanceof DoubleType) {
      double[] out = new double[Math.max(n, 1)];
      System.arraycopy(v, 0, out, 0, n);
      return new DoubleVector(to, out, mask.result(), n);
    }
    if (to instanceof FloatType) {
      float[] out = new float[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = (float) v[i];
      return new FloatVector(to, out, mask.result(), n);
    }
    if (to instanceof BooleanType) {
      boolean[] out = new boolean[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = v[i] != 0;
      return new BooleanVector(to, out, mask.result(), n);
    }
    if (to instanceof DecimalType d) {
      DecimalVector out = new DecimalVector(d, n);
      for (int i = 0; i < n; i++) {
        if (mask.isNull(i)) continue;
        double x = v[i];
        BigDecimal r =
            Double.isNaN(x) || Double.isInfinite(x)
                ? null
                : DecimalCasts.fit(BigDecimal.valueOf(x), d, m);
        if (r == null) {
          mask.set(i);
        } else {
          out.setDecimal(i, r);
        }
      }
      out.setSize(n);
      out.setNulls(mask.result());
      return out;
    }
    if (to instanceof TimestampType) {
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (mask.isNull(i)) continue;
        double x = v[i];
        if (Double.isNaN(x) || Double.isInfinite(x)) {
          m.invalid(original.apply(i));
          mask.set(i);
          continue;
        }
        double us = x * DateTimes.MICROS_PER_SECOND;
        if (!(us >= -0x1p63 && us < 0x1p63) && m.overflow(original.apply(i))) {
          mask.set(i);
        }
        out[i] = (long) us;
      }
      return new LongVector(to, out, mask.result(), n);
    }
    throw EvalErrors.unsupported("cast to " + to.sql());
  }

  static long minOf(DataType t) {
    if (t instanceof ByteType) return Byte.MIN_VALUE;
    if (t instanceof ShortType) return Short.MIN_VALUE;
    if (t instanceof IntegerType) return Integer.MIN_VALUE;
    return Long.MIN_VALUE;
  }

  static long maxOf(DataType t) {
    if (t instanceof ByteType) return Byte.MAX_VALUE;
    if (t instanceof ShortType) return Short.MAX_VALUE;
    if (t instanceof IntegerType) return Integer.MAX_VALUE;
    return Long.MAX_VALUE;
  }

  /** Integral to binary: the value's big-endian bytes at the type's width (Spark's legacy cast). */
  private static ColumnVector toBinary(ColumnVector v, int n) {
    long[] x = ArithmeticEvaluators.asLongs(v, n);
    DataType from = v.type();
    int width =
        from instanceof ByteType
            ? 1
            : from instanceof ShortType ? 2 : from instanceof IntegerType ? 4 : 8;
    BytesVector out = new BytesVector(io.sluice.types.DataTypes.BinaryType, n);
    byte[] buf = new byte[width];
    for (int i = 0; i < n; i++) {
      if (v.isNullAt(i)) {
        out.appendNull();
        continue;
      }
      for (int b = 0; b < width; b++) buf[b] = (byte) (x[i] >>> (8 * (width - 1 - b)));
      out.appendBytes(buf);
    }
    return out;
  }
}
