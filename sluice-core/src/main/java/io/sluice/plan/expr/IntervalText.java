package io.sluice.plan.expr;

import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.YearMonthIntervalType;

/** Spark's textual form of ANSI interval values (used in literals and when casting to string). */
public final class IntervalText {
  private IntervalText() {}

  /** E.g. {@code 1 02:03:04.5} for DAY TO SECOND, {@code 5} for MINUTE. */
  public static String dayTime(long micros, DayTimeIntervalType t) {
    String sign = micros < 0 ? "-" : "";
    long m = Math.abs(micros);
    long days = m / 86_400_000_000L;
    long rem = m % 86_400_000_000L;
    long hours = rem / 3_600_000_000L;
    rem %= 3_600_000_000L;
    long minutes = rem / 60_000_000L;
    rem %= 60_000_000L;
    long seconds = rem / 1_000_000L;
    long frac = rem % 1_000_000L;
    String secText =
        frac == 0
            ? String.format("%02d", seconds)
            : String.format("%02d.%06d", seconds, frac).replaceAll("0+$", "");
    byte s = t.startField();
    byte e = t.endField();
    long lead =
        switch (s) {
          case DayTimeIntervalType.DAY -> days;
          case DayTimeIntervalType.HOUR -> days * 24 + hours;
          case DayTimeIntervalType.MINUTE -> (days * 24 + hours) * 60 + minutes;
          default -> ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
        };
    StringBuilder sb = new StringBuilder(sign);
    if (s == DayTimeIntervalType.SECOND) {
      sb.append(
          frac == 0
              ? String.valueOf(lead)
              : (lead + String.format(".%06d", frac)).replaceAll("0+$", ""));
      return sb.toString();
    }
    sb.append(lead);
    if (s == DayTimeIntervalType.DAY && e >= DayTimeIntervalType.HOUR) {
      sb.append(' ').append(String.format("%02d", hours));
    }
    if (s < DayTimeIntervalType.MINUTE && e >= DayTimeIntervalType.MINUTE) {
      sb.append(':').append(String.format("%02d", minutes));
    }
    if (e >= DayTimeIntervalType.SECOND) {
      sb.append(':').append(secText);
    }
    return sb.toString();
  }

  /** E.g. {@code 1-2} for YEAR TO MONTH. */
  public static String yearMonth(int months, YearMonthIntervalType t) {
    String sign = months < 0 ? "-" : "";
    long m = Math.abs((long) months);
    if (t.startField() == YearMonthIntervalType.MONTH) return sign + m;
    if (t.endField() == YearMonthIntervalType.YEAR) return sign + (m / 12);
    return sign + (m / 12) + "-" + (m % 12);
  }
}
