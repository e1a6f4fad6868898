package io.sluice.types;

/**
 * ANSI day-time interval ({@code INTERVAL DAY TO SECOND} and its narrower forms). Values are
 * microseconds stored in a {@code long}.
 */
public final class DayTimeIntervalType extends DataType {
  public static final byte DAY = 0;
  public static final byte HOUR = 1;
  public static final byte MINUTE = 2;
  public static final byte SECOND = 3;
  private static final String[] NAMES = {"day", "hour", "minute", "second"};

  private final byte startField;
  private final byte endField;

  public DayTimeIntervalType(byte startField, byte endField) {
    if (startField < DAY || endField > SECOND || startField > endField) {
      throw new IllegalArgumentException(
          "Invalid day-time interval fields " + startField + " to " + endField);
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

  /** The name of a field: {@code day}, {@code hour}, {@code minute} or {@code second}. */
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
    return 8;
  }

  @Override
  public boolean isFixedWidth() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayTimeIntervalType d
        && d.startField == startField
        && d.endField == endField;
  }

  @Override
  public int hashCode() {
    return 17 + startField * 4 + endField;
  }

  @Override
  public String toString() {
    return "DayTimeIntervalType(" + startField + "," + endField + ")";
  }
}
