package io.sluice.types;

/** Spark's `date` type; obtain it as {@code DataTypes.DateType}. */
public final class DateType extends AtomicType {
  static final DateType INSTANCE = new DateType();

  private DateType() {
    super("date", "date", "DATE", 4);
  }

  @Override
  public boolean isFixedWidth() {
    return true;
  }
}
