package io.sluice.types;

/**
 * The type of a column or expression value. Instances are immutable; atomic types are singletons
 * reachable through {@link DataTypes}. Names and printed forms follow Spark's.
 */
public abstract class DataType {

  DataType() {}

  /** Spark's {@code typeName}: the name used by {@code printSchema}, e.g. {@code integer}. */
  public abstract String typeName();

  /** Spark's {@code simpleString}, e.g. {@code int}, {@code struct<a:int>}. */
  public String simpleString() {
    return typeName();
  }

  /** Spark's {@code catalogString}; equal to {@link #simpleString()} for these types. */
  public String catalogString() {
    return simpleString();
  }

  /** The SQL spelling, e.g. {@code INT}, {@code STRUCT<a: INT>}. */
  public abstract String sql();

  /** Approximate size in bytes of one value, used for planning. */
  public abstract int defaultSize();

  /** True for numeric types (integral, fractional and decimal). */
  public boolean isNumeric() {
    return false;
  }

  /** True for byte, short, int and long. */
  public boolean isIntegral() {
    return false;
  }

  /** True for types whose values live in fixed-width primitive vectors. */
  public boolean isFixedWidth() {
    return false;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
