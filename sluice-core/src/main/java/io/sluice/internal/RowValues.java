package io.sluice.internal;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Equality and hashing of external row values as Spark's {@code Row.equals} defines them: binary by
 * content, decimals by {@code compareTo}, NaN equal to NaN, and boxed numbers of different types
 * equal when numerically equal (Scala's cooperative {@code ==}).
 */
public final class RowValues {
  private RowValues() {}

  /** Whether two values of a row are equal. */
  public static boolean equal(Object a, Object b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    if (a instanceof byte[] x) return b instanceof byte[] y && Arrays.equals(x, y);
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
    if (a instanceof Number x
        && b instanceof Number y
        && isPrimitiveNumber(x)
        && isPrimitiveNumber(y)) {
      return numbersEqual(x, y);
    }
    return a.equals(b);
  }

  /** A hash consistent with {@link #equal}. */
  public static int hash(Object v) {
    if (v == null) return 0;
    if (v instanceof byte[] b) return Arrays.hashCode(b);
    if (v instanceof BigDecimal d) return d.stripTrailingZeros().hashCode();
    if (v instanceof Number n && isPrimitiveNumber(n)) {
      if (isIntegral(n)) return Long.hashCode(n.longValue());
      double d = n.doubleValue();
      if (Double.isNaN(d)) return 0x7ff80000;
      long l = (long) d;
      if (l == d) return Long.hashCode(l);
      return Double.hashCode(d);
    }
    return v.hashCode();
  }

  private static boolean isPrimitiveNumber(Number n) {
    return n instanceof Integer
        || n instanceof Long
        || n instanceof Short
        || n instanceof Byte
        || n instanceof Double
        || n instanceof Float;
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  private static boolean numbersEqual(Number x, Number y) {
    if (isIntegral(x) && isIntegral(y)) return x.longValue() == y.longValue();
    double a = x.doubleValue();
    double b = y.doubleValue();
    if (Double.isNaN(a) || Double.isNaN(b)) {
      // Spark: a NaN equals only a NaN of the same boxed type.
      return Double.isNaN(a) && Double.isNaN(b) && x.getClass() == y.getClass();
    }
    if (isIntegral(x) || isIntegral(y)) {
      Number integral = isIntegral(x) ? x : y;
      double other = isIntegral(x) ? b : a;
      return other == (double) integral.longValue() && (long) other == integral.longValue();
    }
    if (x instanceof Float && y instanceof Float) return x.floatValue() == y.floatValue();
    return a == b;
  }
}
