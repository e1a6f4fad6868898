package io.sluice.exec.expr;

import io.sluice.exec.expr.CastEvaluator.VectorCast;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.LongType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * Casts from strings, parsing UTF-8 bytes in place where Spark's rules allow: integral numbers
 * (surrounding whitespace trimmed, optional sign; LEGACY also accepts and truncates a fraction such
 * as {@code 1.5}), booleans ({@code t true y yes 1} / {@code f false n no 0}, any case), floating
 * point (Java's syntax plus {@code inf}, {@code infinity}, {@code nan}), decimals (Java's {@code
 * BigDecimal} syntax), dates and timestamps ({@link DateTimes}), binary (the bytes) and ANSI
 * intervals ({@link IntervalParser}). Malformed text raises {@code CAST_INVALID_INPUT} in ANSI mode
 * and is null otherwise.
 */
final class CastFromString {
  private CastFromString() {}

  /** The cast for the mode's target, or null when it is not handled here. */
  static VectorCast forTarget(CastMode m) {
    DataType to = m.to();
    if (ArithmeticEvaluators.isIntegral(to)) return (v, n) -> integral((BytesVector) v, n, m);
    if (to instanceof BooleanType) return (v, n) -> bool((BytesVector) v, n, m);
    if (to instanceof DoubleType || to instanceof FloatType) {
      return (v, n) -> floating((BytesVector) v, n, m);
    }
    if (to instanceof DecimalType d) return (v, n) -> decimal((BytesVector) v, n, d, m);
    if (to instanceof DateType) return (v, n) -> date((BytesVector) v, n, m);
    if (to instanceof TimestampType) return (v, n) -> timestamp((BytesVector) v, n, m);
    if (to instanceof BinaryType) {
      return (v, n) -> {
        BytesVector b = (BytesVector) v;
        return new BytesVector(to, b.data(), b.offsets(), Vectors.nulls(b, n), n);
      };
    }
    if (to instanceof DayTimeIntervalType || to instanceof YearMonthIntervalType) {
      return (v, n) -> IntervalParser.castStrings((BytesVector) v, n, m);
    }
    return null;
  }

  static boolean isSpace(byte b) {
    return (b >= 0 && b <= ' ') || b == 0x7f;
  }

  /**
   * Spark's {@code UTF8String.toLong}: parses {@code data[from, to)} into {@code result[0]}; false
   * when malformed or out of the long range. With {@code allowFraction} a {@code .} and digits
   * after the integral part are accepted and dropped.
   */
  static boolean parseLong(byte[] data, int from, int to, boolean allowFraction, long[] result) {
    while (from < to && isSpace(data[from])) from++;
    while (to > from && isSpace(data[to - 1])) to--;
    if (from == to) return false;
    boolean negative = data[from] == '-';
    if (negative || data[from] == '+') {
      if (to - from == 1) return false;
      from++;
    }
    long stop = Long.MIN_VALUE / 10;
    long acc = 0; // accumulated negatively, to reach Long.MIN_VALUE
    int p = from;
    while (p < to) {
      byte b = data[p++];
      if (b == '.' && allowFraction) break;
      if (b < '0' || b > '9') return false;
      if (acc < stop) return false;
      acc = acc * 10 - (b - '0');
      if (acc > 0) return false;
    }
    for (; p < to; p++) {
      if (data[p] < '0' || data[p] > '9') return false;
    }
    if (!negative) {
      acc = -acc;
      if (acc < 0) return false;
    }
    result[0] = acc;
    return true;
  }

  private static ColumnVector integral(BytesVector v, int n, CastMode m) {
    DataType to = m.to();
    NullMask mask = new NullMask(Vectors.nulls(v, n), n);
    long lo = NumericCasts.minOf(to);
    long hi = NumericCasts.maxOf(to);
    // TRY behaves as ANSI with nulls for errors: only LEGACY accepts a fraction.
    boolean allowFraction = m.legacy();
    long[] out = new long[Math.max(n, 1)];
    long[] parsed = new long[1];
    byte[] data = v.data();
    for (int i = 0; i < n; i++) {
      if (mask.isNull(i)) continue;
      int s = v.start(i);
      boolean ok =
          parseLong(data, s, s + v.length(i), allowFraction, parsed)
              && parsed[0] >= lo
              && parsed[0] <= hi;
      if (ok) {
        out[i] = parsed[0];
      } else {
        m.invalid(v.getString(i));
        mask.set(i);
      }
    }
    if (to instanceof LongType) return new LongVector(to, out, mask.result(), n);
    int[] ints = new int[Math.max(n, 1)];
    for (int i = 0; i < n; i++) ints[i] = (int) out[i];
    return ArithmeticEvaluators.fromInts(to, ints, mask.result(), n);
  }

  private static ColumnVector bool(BytesVector v, int n, CastMode m) {
    NullMask mask = new NullMask(Vectors.nulls(v, n), n);
    boolean[] out = new boolean[Math.max(n, 1)];
    byte[] data = v.data();
    for (int i = 0; i < n; i++) {
      if (mask.isNull(i)) continue;
      int from = v.start(i);
      int to = from + v.length(i);
      while (from < to && isSpace(data[from])) from++;
      while (to > from && isSpace(data[to - 1])) to--;
      int r = booleanWord(data, from, to);
      if (r < 0) {
        m.invalid(v.getString(i));
        mask.set(i);
      } else {
        out[i] = r == 1;
      }
    }
    return new BooleanVector(m.to(), out, mask.result(), n);
  }

  /** 1 for a true word, 0 for a false word, -1 otherwise (ASCII case-insensitive). */
  private static int booleanWord(byte[] d, int from, int to) {
    int len = to - from;
    if (len == 0 || len > 5) return -1;
    char[] w = new char[len];
    for (int k = 0; k < len; k++) {
      byte b = d[from + k];
      w[k] = (char) (b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
    String s = new String(w);
    return switch (s) {
      case "t", "true", "y", "yes", "1" -> 1;
      case "f", "false", "n", "no", "0" -> 0;
      default -> -1;
    };
  }

  private static ColumnVector floating(BytesVector v, int n, CastMode m) {
    NullMask mask = new NullMask(Vectors.nulls(v, n), n);
    boolean isFloat = m.to() instanceof FloatType;
    double[] out = new double[Math.max(n, 1)];
    for (int i = 0; i < n; i++) {
      if (mask.isNull(i)) continue;
      String s = v.getString(i);
      double d = parseDouble(s);
      if (Double.isNaN(d) && !isNaNText(s)) {
        m.invalid(s);
        mask.set(i);
      } else {
        // A float parses on its own, as Spark's toFloat does (not via a rounded double).
        out[i] = isFloat ? parseFloat(s) : d;
      }
    }
    if (!isFloat) return new DoubleVector(m.to(), out, mask.result(), n);
    float[] f = new float[Math.max(n, 1)];
    for (int i = 0; i < n; i++) f[i] = (float) out[i];
    return new FloatVector(m.to(), f, mask.result(), n);
  }

  /** Java's parse or Spark's special words; NaN for malformed text (see {@link #isNaNText}). */
  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return special(s);
    }
  }

  private static float parseFloat(String s) {
    try {
      return Float.parseFloat(s);
    } catch (NumberFormatException e) {
      return (float) special(s);
    }
  }

  private static double special(String s) {
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.NaN;
    };
  }

  private static boolean isNaNText(String s) {
    String t = s.trim();
    return t.equalsIgnoreCase("nan") || t.equals("+NaN") || t.equals("-NaN");
  }

  private static ColumnVector decimal(BytesVector v, int n, DecimalType t, CastMode m) {
    NullMask mask = new NullMask(Vectors.nulls(v, n), n);
    DecimalVector out = new DecimalVector(t, n);
    for (int i = 0; i < n; i++) {
      if (mask.isNull(i)) continue;
      String s = v.getString(i);
      BigDecimal d;
      try {
        d = new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        m.invalid(s);
        mask.set(i);
        continue;
      }
      BigDecimal r = DecimalCasts.fit(d, t, m);
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

  private static ColumnVector date(BytesVector v, int n, CastMode m) {
    NullMask mask = new NullMask(Vectors.nulls(v, n), n);
    int[] out = new int[Math.max(n, 1)];
    byte[] data = v.data();
    for (int i = 0; i < n; i++) {
      if (mask.isNull(i)) continue;
      int d = DateTimes.stringToDate(data, v.start(i), v.length(i));
      if (d == DateTimes.INVALID_DATE) {
        m.invalid(v.getString(i));
        mask.set(i);
      } else {
        out[i] = d;
      }
    }
    return new IntVector(m.to(), out, mask.result(), n);
  }

  private static ColumnVector timestamp(BytesVector v, int n, CastMode m) {
    NullMask mask = new NullMask(Vectors.nulls(v, n), n);
    long[] out = new long[Math.max(n, 1)];
    byte[] data = v.data();
    ZoneId zone = m.zone();
    for (int i = 0; i < n; i++) {
      if (mask.isNull(i)) continue;
      long t = DateTimes.stringToTimestamp(data, v.start(i), v.length(i), zone);
      if (t == DateTimes.INVALID_TIMESTAMP) {
        m.invalid(v.getString(i));
        mask.set(i);
      } else {
        out[i] = t;
      }
    }
    return new LongVector(m.to(), out, mask.result(), n);
  }
}
