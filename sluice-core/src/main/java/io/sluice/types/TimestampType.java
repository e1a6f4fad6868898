package io.sluice.types;

/** Spark's `timestamp` type; obtain it as {@code DataTypes.TimestampType}. */
public final class TimestampType extends AtomicType {
  static final TimestampType INSTANCE = new TimestampType();

  private TimestampType() {
    super("timestamp", "timestamp", "TIMESTAMP", 8);
  }

  @Override
  public boolean isFixedWidth() {
    return true;
  }
}
