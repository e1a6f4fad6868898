package io.sluice.types;

/** Spark's `double` type; obtain it as {@code DataTypes.DoubleType}. */
public final class DoubleType extends AtomicType {
  static final DoubleType INSTANCE = new DoubleType();

  private DoubleType() {
    super("double", "double", "DOUBLE", 8);
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  @Override
  public boolean isFixedWidth() {
    return true;
  }
}
