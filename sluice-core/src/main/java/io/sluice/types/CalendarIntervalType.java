package io.sluice.types;

/** Spark's `interval` type; obtain it as {@code DataTypes.CalendarIntervalType}. */
public final class CalendarIntervalType extends AtomicType {
  static final CalendarIntervalType INSTANCE = new CalendarIntervalType();

  private CalendarIntervalType() {
    super("interval", "interval", "INTERVAL", 16);
  }
}
