package io.sluice.types;

/**
 * A value of {@link CalendarIntervalType}: months, days and microseconds kept apart, because a
 * month has no fixed length. As Spark's {@code CalendarInterval}.
 */
public record CalendarInterval(int months, int days, long microseconds) {
  @Override
  public String toString() {
    if (months == 0 && days == 0 && microseconds == 0) {
      return "0 seconds";
    }
    StringBuilder sb = new StringBuilder();
    if (months != 0) {
      int years = months / 12;
      int m = months % 12;
      if (years != 0) sb.append(years).append(" years ");
      if (m != 0) sb.append(m).append(" months ");
    }
    if (days != 0) sb.append(days).append(" days ");
    if (microseconds != 0) {
      long rest = microseconds;
      long hours = rest / 3_600_000_000L;
      rest %= 3_600_000_000L;
      long minutes = rest / 60_000_000L;
      rest %= 60_000_000L;
      if (hours != 0) sb.append(hours).append(" hours ");
      if (minutes != 0) sb.append(minutes).append(" minutes ");
      if (rest != 0) {
        java.math.BigDecimal secs = java.math.BigDecimal.valueOf(rest, 6).stripTrailingZeros();
        sb.append(secs.toPlainString()).append(" seconds ");
      }
    }
    return sb.toString().trim();
  }
}
