package io.sluice.types;

/** Spark's `int` type; obtain it as {@code DataTypes.IntegerType}. */
public final class IntegerType extends AtomicType {
  static final IntegerType INSTANCE = new IntegerType();

  private IntegerType() {
    super("integer", "int", "INT", 4);
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
