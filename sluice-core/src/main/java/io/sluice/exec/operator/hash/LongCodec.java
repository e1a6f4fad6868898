package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.ShortType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;

/**
 * Maps the values of a fixed-width type to {@code long}s and back, so hash tables and accumulators
 * can work on one primitive array whatever the column's width. Two values get the same code exactly
 * when they are equal for grouping and joins: floating-point codes are normalized so that all NaNs
 * are one value and {@code -0.0} equals {@code 0.0}, as in Spark. Codes of integral types are their
 * numeric values (so int and bigint keys compare equal).
 */
public enum LongCodec {
  BOOLEAN,
  BYTE,
  SHORT,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  DECIMAL;

  /** The codec for {@code type}, or {@code null} when its values are not fixed-width. */
  public static LongCodec forType(DataType type) {
    if (type instanceof BooleanType) return BOOLEAN;
    if (type instanceof ByteType) return BYTE;
    if (type instanceof ShortType) return SHORT;
    if (type instanceof IntegerType
        || type instanceof DateType
        || type instanceof YearMonthIntervalType) {
      return INT;
    }
    if (type instanceof LongType
        || type instanceof TimestampType
        || type instanceof DayTimeIntervalType) {
      return LONG;
    }
    if (type instanceof FloatType) return FLOAT;
    if (type instanceof DoubleType) return DOUBLE;
    if (type instanceof DecimalType d && d.fitsInLong()) return DECIMAL;
    return null;
  }

  /** True when codes order as the values do (all but floating point). */
  public boolean ordered() {
    return this != FLOAT && this != DOUBLE;
  }

  /**
   * The codes of rows {@code [0, n)} of {@code v}. May return the vector's own array, which callers
   * must not modify; otherwise fills and returns {@code scratch} (grown if short). Null rows hold
   * arbitrary codes.
   */
  public long[] toLongs(ColumnVector v, int n, long[] scratch) {
    if (this == LONG) return ((LongVector) v).values();
    if (this == DECIMAL) return ((DecimalVector) v).unscaled();
    long[] out = scratch != null && scratch.length >= n ? scratch : new long[Math.max(n, 16)];
    switch (this) {
      case BOOLEAN -> {
        boolean[] a = ((BooleanVector) v).values();
        for (int i = 0; i < n; i++) out[i] = a[i] ? 1 : 0;
      }
      case BYTE -> {
        byte[] a = ((ByteVector) v).values();
        for (int i = 0; i < n; i++) out[i] = a[i];
      }
      case SHORT -> {
        short[] a = ((ShortVector) v).values();
        for (int i = 0; i < n; i++) out[i] = a[i];
      }
      case INT -> {
        int[] a = ((IntVector) v).values();
        for (int i = 0; i < n; i++) out[i] = a[i];
      }
      case FLOAT -> {
        float[] a = ((FloatVector) v).values();
        for (int i = 0; i < n; i++) out[i] = floatCode(a[i]);
      }
      case DOUBLE -> {
        double[] a = ((DoubleVector) v).values();
        for (int i = 0; i < n; i++) out[i] = doubleCode(a[i]);
      }
      case LONG, DECIMAL -> throw new AssertionError(this);
    }
    return out;
  }

  /** The code of one value. */
  public long code(ColumnVector v, int row) {
    return switch (this) {
      case BOOLEAN -> ((BooleanVector) v).get(row) ? 1 : 0;
      case BYTE -> ((ByteVector) v).get(row);
      case SHORT -> ((ShortVector) v).get(row);
      case INT -> ((IntVector) v).get(row);
      case LONG -> ((LongVector) v).get(row);
      case FLOAT -> floatCode(((FloatVector) v).get(row));
      case DOUBLE -> doubleCode(((DoubleVector) v).get(row));
      case DECIMAL -> ((DecimalVector) v).unscaled()[row];
    };
  }

  /**
   * A vector of {@code type} holding the values coded by {@code codes[from, to)}; rows whose {@code
   * isNull[i]} is true (indexes as in {@code codes}; the array may be null) are null.
   */
  public ColumnVector fromLongs(DataType type, long[] codes, boolean[] isNull, int from, int to) {
    int n = to - from;
    ColumnVector out = ColumnVector.allocate(type, n);
    switch (this) {
      case BOOLEAN -> {
        boolean[] a = ((BooleanVector) out).values();
        for (int i = 0; i < n; i++) a[i] = codes[from + i] != 0;
      }
      case BYTE -> {
        byte[] a = ((ByteVector) out).values();
        for (int i = 0; i < n; i++) a[i] = (byte) codes[from + i];
      }
      case SHORT -> {
        short[] a = ((ShortVector) out).values();
        for (int i = 0; i < n; i++) a[i] = (short) codes[from + i];
      }
      case INT -> {
        int[] a = ((IntVector) out).values();
        for (int i = 0; i < n; i++) a[i] = (int) codes[from + i];
      }
      case LONG -> System.arraycopy(codes, from, ((LongVector) out).values(), 0, n);
      case FLOAT -> {
        float[] a = ((FloatVector) out).values();
        for (int i = 0; i < n; i++) a[i] = Float.intBitsToFloat((int) codes[from + i]);
      }
      case DOUBLE -> {
        double[] a = ((DoubleVector) out).values();
        for (int i = 0; i < n; i++) a[i] = Double.longBitsToDouble(codes[from + i]);
      }
      case DECIMAL -> System.arraycopy(codes, from, ((DecimalVector) out).unscaled(), 0, n);
    }
    out.setSize(n);
    if (isNull != null) {
      for (int i = 0; i < n; i++) {
        if (isNull[from + i]) out.setNull(i);
      }
    }
    return out;
  }

  static long floatCode(float f) {
    if (f == 0.0f) return 0;
    return Float.floatToIntBits(f);
  }

  static long doubleCode(double d) {
    if (d == 0.0) return 0;
    return Double.doubleToLongBits(d);
  }
}
