package io.sluice.types;

/** Spark's `boolean` type; obtain it as {@code DataTypes.BooleanType}. */
public final class BooleanType extends AtomicType {
  static final BooleanType INSTANCE = new BooleanType();

  private BooleanType() {
    super("boolean", "boolean", "BOOLEAN", 1);
  }

  @Override
  public boolean isFixedWidth() {
    return true;
  }
}
