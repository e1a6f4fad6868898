package io.sluice.types;

/** Spark's `tinyint` type; obtain it as {@code DataTypes.ByteType}. */
public final class ByteType extends AtomicType {
  static final ByteType INSTANCE = new ByteType();

  private ByteType() {
    super("byte", "tinyint", "TINYINT", 1);
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
