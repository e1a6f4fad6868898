package io.sluice.types;

/**
 * Fixed-point decimal with {@code precision} total digits (1..38) and {@code scale} digits after
 * the point. Values of precision up to {@link #MAX_LONG_DIGITS} are stored as unscaled longs.
 */
public final class DecimalType extends DataType {
  public static final int MAX_PRECISION = 38;
  public static final int MAX_SCALE = 38;

  /** Largest precision whose unscaled values always fit in a {@code long}. */
  public static final int MAX_LONG_DIGITS = 18;

  /** Spark's default for {@code DECIMAL} without parameters: decimal(10,0). */
  public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);

  /** Spark's system default decimal(38,18), used for inferring BigDecimal values. */
  public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);

  private final int precision;
  private final int scale;

  public DecimalType(int precision, int scale) {
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new IllegalArgumentException(
          "Decimal precision " + precision + " is out of range: it must be between 1 and 38");
    }
    if (scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "Decimal scale " + scale + " must be between 0 and the precision " + precision);
    }
    this.precision = precision;
    this.scale = scale;
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  /** True when values fit in an unscaled {@code long}. */
  public boolean fitsInLong() {
    return precision <= MAX_LONG_DIGITS;
  }

  /** Bounds precision and scale to 38 as Spark's {@code DecimalType.bounded} does. */
  public static DecimalType bounded(int precision, int scale) {
    return new DecimalType(Math.min(precision, MAX_PRECISION), Math.min(scale, MAX_SCALE));
  }

  /**
   * Spark's {@code adjustPrecisionScale} (allowPrecisionLoss = true): when the exact result type
   * does not fit in 38 digits, keep at least 6 fractional digits and give up the rest.
   */
  public static DecimalType adjustPrecisionScale(int precision, int scale) {
    if (precision <= MAX_PRECISION) {
      return new DecimalType(precision, scale);
    } else if (scale < 0) {
      return new DecimalType(MAX_PRECISION, scale);
    } else {
      int intDigits = precision - scale;
      int minScale = Math.min(scale, 6);
      int adjustedScale = Math.max(MAX_PRECISION - intDigits, minScale);
      return new DecimalType(MAX_PRECISION, adjustedScale);
    }
  }

  /** The decimal type that holds every value of an integral type, as Spark's forType. */
  public static DecimalType forType(DataType t) {
    if (t instanceof ByteType) return new DecimalType(3, 0);
    if (t instanceof ShortType) return new DecimalType(5, 0);
    if (t instanceof IntegerType) return new DecimalType(10, 0);
    if (t instanceof LongType) return new DecimalType(20, 0);
    if (t instanceof FloatType) return new DecimalType(14, 7);
    if (t instanceof DoubleType) return new DecimalType(30, 15);
    if (t instanceof DecimalType d) return d;
    throw new IllegalArgumentException("No decimal type for " + t.simpleString());
  }

  @Override
  public String typeName() {
    return "decimal(" + precision + "," + scale + ")";
  }

  @Override
  public String sql() {
    return "DECIMAL(" + precision + "," + scale + ")";
  }

  @Override
  public int defaultSize() {
    return fitsInLong() ? 8 : 16;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  @Override
  public boolean isFixedWidth() {
    return fitsInLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecimalType d && d.precision == precision && d.scale == scale;
  }

  @Override
  public int hashCode() {
    return 31 * precision + scale;
  }

  @Override
  public String toString() {
    return "DecimalType(" + precision + "," + scale + ")";
  }
}
