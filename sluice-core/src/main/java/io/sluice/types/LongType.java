package io.sluice.types;

/** Spark's `bigint` type; obtain it as {@code DataTypes.LongType}. */
public final class LongType extends AtomicType {
  static final LongType INSTANCE = new LongType();

  private LongType() {
    super("long", "bigint", "BIGINT", 8);
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  @Override
  public boolean isIntegral() {
    return true;
  }

  @Override
  public boolean isFixedWidth() {
    return true;
  }
}
