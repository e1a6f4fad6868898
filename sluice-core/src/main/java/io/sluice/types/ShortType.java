package io.sluice.types;

/** Spark's `smallint` type; obtain it as {@code DataTypes.ShortType}. */
public final class ShortType extends AtomicType {
  static final ShortType INSTANCE = new ShortType();

  private ShortType() {
    super("short", "smallint", "SMALLINT", 2);
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
