package io.sluice.exec.expr.fn;

import java.util.Locale;

/**
 * The units of {@code date_trunc} and {@code trunc}, finest first, with the spellings Spark accepts
 * (case-insensitive). {@code trunc} on dates accepts {@link #WEEK} and coarser.
 */
enum TruncLevel {
  MICROSECOND,
  MILLISECOND,
  SECOND,
  MINUTE,
  HOUR,
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR;

  /** The level named by {@code text}, or {@code null} when it names none. */
  static TruncLevel parse(String text) {
    if (text == null) return null;
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "MICROSECOND" -> MICROSECOND;
      case "MILLISECOND" -> MILLISECOND;
      case "SECOND" -> SECOND;
      case "MINUTE" -> MINUTE;
      case "HOUR" -> HOUR;
      case "DAY", "DD" -> DAY;
      case "WEEK" -> WEEK;
      case "MON", "MONTH", "MM" -> MONTH;
      case "QUARTER" -> QUARTER;
      case "YEAR", "YYYY", "YY" -> YEAR;
      default -> null;
    };
  }

  /** True for the levels {@code trunc} accepts on dates. */
  boolean appliesToDates() {
    return compareTo(WEEK) >= 0;
  }

  /** The first day of the unit holding {@code epochDay}; only for {@link #appliesToDates()}. */
  long truncateDay(long epochDay) {
    return switch (this) {
      case WEEK -> epochDay - CivilCalendar.isoDayOfWeek(epochDay) + 1;
      case MONTH -> epochDay - CivilCalendar.dayOfMonth(epochDay) + 1;
      case QUARTER -> {
        long p = CivilCalendar.civil(epochDay);
        int firstMonth = (CivilCalendar.packedMonth(p) - 1) / 3 * 3 + 1;
        yield CivilCalendar.daysFromCivil(CivilCalendar.packedYear(p), firstMonth, 1);
      }
      case YEAR -> CivilCalendar.daysFromCivil(CivilCalendar.year(epochDay), 1, 1);
      case MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY -> epochDay;
    };
  }
}
