package io.sluice.types;

/** ANSI year-month interval. Values are months stored in an {@code int}. */
public final class YearMonthIntervalType extends DataType {
  public static final byte YEAR = 0;
  public static final byte MONTH = 1;
  private static final String[] NAMES = {"year", "month"};

  private final byte startField;
  private final byte endField;

  public YearMonthIntervalType(byte startField, byte endField) {
    if (startField < YEAR || endField > MONTH || startField > endField) {
      throw new IllegalArgumentException(
          "Invalid year-month interval fields " + startField + " to " + endField);
    }
    this.startField = startField;
    this.endField = endField;
  }

  public byte startField() {
    return startField;
  }

  public byte endField() {
    return endField;
  }

  /** The name of a field: {@code year} or {@code month}. */
  public static String fieldName(byte field) {
    return NAMES[field];
  }

  @Override
  public String typeName() {
    return startField == endField
        ? "interval " + NAMES[startField]
        : "interval " + NAMES[startField] + " to " + NAMES[endField];
  }

  @Override
  public String sql() {
    return typeName().toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public int defaultSize() {
    return 4;
  }

  @Override
  public boolean isFixedWidth() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof YearMonthIntervalType y
        && y.startField == startField
        && y.endField == endField;
  }

  @Override
  public int hashCode() {
    return 71 + startField * 2 + endField;
  }

  @Override
  public String toString() {
    return "YearMonthIntervalType(" + startField + "," + endField + ")";
  }
}
