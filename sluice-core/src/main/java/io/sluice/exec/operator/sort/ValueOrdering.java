package io.sluice.exec.operator.sort;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Spark's ascending order of non-null values in internal form, for the rare types sorted or
 * compared without a primitive layout: wide decimals, structs and arrays (field by field, element
 * by element, nulls first), strings by UTF-8 bytes, doubles with NaN greatest.
 */
public final class ValueOrdering {
  private ValueOrdering() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a == b) return 0;
    if (a == null) return -1;
    if (b == null) return 1;
    if (a instanceof Double x && b instanceof Double y) return compareDoubles(x, y);
    if (a instanceof Float x && b instanceof Float y) return compareDoubles(x, y);
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y);
    if (a instanceof String x && b instanceof String y) {
      return Arrays.compareUnsigned(
          x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
    }
    if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.compareUnsigned(x, y);
    if (a instanceof Object[] x && b instanceof Object[] y) {
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        int c = compare(x[i], y[i]);
        if (c != 0) return c;
      }
      return Integer.compare(x.length, y.length);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (a instanceof Comparable x) return x.compareTo(b);
    throw new IllegalArgumentException(
        "Values of " + a.getClass().getSimpleName() + " are not orderable");
  }

  /** Spark's double order: -0.0 equals 0.0, NaN equals NaN and is above everything. */
  public static int compareDoubles(double x, double y) {
    if (x == y) return 0;
    return Double.compare(x, y);
  }
}
