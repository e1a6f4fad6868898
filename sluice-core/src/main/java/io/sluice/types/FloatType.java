package io.sluice.types;

/** Spark's `float` type; obtain it as {@code DataTypes.FloatType}. */
public final class FloatType extends AtomicType {
  static final FloatType INSTANCE = new FloatType();

  private FloatType() {
    super("float", "float", "FLOAT", 4);
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
