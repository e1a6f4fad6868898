package io.sluice.exec.expr.fn;

/**
 * Proleptic Gregorian calendar arithmetic on days since 1970-01-01, with plain integer math (no
 * {@code LocalDate} per row). The conversions use the era-based civil-date algorithm: a 400-year
 * era has exactly 146,097 days, and counting years from March puts the leap day last, so month
 * lengths follow a linear formula. The property tests check every function against {@code
 * java.time}.
 */
final class CivilCalendar {
  /** Days from 0000-03-01 to 1970-01-01. */
  private static final long EPOCH_SHIFT = 719_468;

  private static final long DAYS_PER_ERA = 146_097;

  private CivilCalendar() {}

  /** The year of an epoch day. */
  static int year(long epochDay) {
    long z = epochDay + EPOCH_SHIFT;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    long doe = z - era * DAYS_PER_ERA;
    long yoe = yearOfEra(doe);
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    return (int) (yoe + era * 400 + (mp >= 10 ? 1 : 0));
  }

  /** The month (1-12) of an epoch day. */
  static int month(long epochDay) {
    long doy = marchDayOfYear(epochDay);
    long mp = (5 * doy + 2) / 153;
    return (int) (mp < 10 ? mp + 3 : mp - 9);
  }

  /** The day of the month (1-31) of an epoch day. */
  static int dayOfMonth(long epochDay) {
    long doy = marchDayOfYear(epochDay);
    long mp = (5 * doy + 2) / 153;
    return (int) (doy - (153 * mp + 2) / 5 + 1);
  }

  /** The day of the year (1-366) of an epoch day. */
  static int dayOfYear(long epochDay) {
    return (int) (epochDay - daysFromCivil(year(epochDay), 1, 1) + 1);
  }

  /** The quarter (1-4) of an epoch day. */
  static int quarter(long epochDay) {
    return (month(epochDay) + 2) / 3;
  }

  /** The day of the week, 1 = Sunday ... 7 = Saturday (Spark's {@code dayofweek}). */
  static int dayOfWeekFromSunday(long epochDay) {
    return (int) Math.floorMod(epochDay + 4, 7) + 1;
  }

  /** The ISO day of the week, 1 = Monday ... 7 = Sunday. */
  static int isoDayOfWeek(long epochDay) {
    return (int) Math.floorMod(epochDay + 3, 7) + 1;
  }

  /** The ISO-8601 week of the week-based year (1-53): weeks start on Monday. */
  static int isoWeekOfYear(long epochDay) {
    long thursday = epochDay - isoDayOfWeek(epochDay) + 4;
    long jan1 = daysFromCivil(year(thursday), 1, 1);
    return (int) ((thursday - jan1) / 7 + 1);
  }

  /**
   * Year, month and day of an epoch day packed as {@code (year << 9) | (month << 5) | day}, so a
   * caller needing all three computes them once.
   */
  static long civil(long epochDay) {
    long z = epochDay + EPOCH_SHIFT;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    long doe = z - era * DAYS_PER_ERA;
    long yoe = yearOfEra(doe);
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return (y << 9) | (m << 5) | d;
  }

  static int packedYear(long packed) {
    return (int) (packed >> 9);
  }

  static int packedMonth(long packed) {
    return (int) ((packed >> 5) & 15);
  }

  static int packedDay(long packed) {
    return (int) (packed & 31);
  }

  /** Days since the epoch of a civil date (not validated: day 0 is the previous month's last). */
  static long daysFromCivil(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    int mp = (month + 9) % 12;
    long doy = (153L * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
  }

  static boolean isLeap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int lengthOfMonth(long year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** The epoch day of the last day of the month holding {@code epochDay}. */
  static long lastDayOfMonth(long epochDay) {
    long p = civil(epochDay);
    int y = packedYear(p);
    int m = packedMonth(p);
    return epochDay + lengthOfMonth(y, m) - packedDay(p);
  }

  /**
   * {@code epochDay} plus {@code months}, the day clamped to the last day of the resulting month
   * ({@code LocalDate.plusMonths}).
   */
  static long addMonths(long epochDay, long months) {
    long p = civil(epochDay);
    long monthCount = packedYear(p) * 12L + (packedMonth(p) - 1) + months;
    long year = Math.floorDiv(monthCount, 12);
    int month = (int) Math.floorMod(monthCount, 12) + 1;
    int day = Math.min(packedDay(p), lengthOfMonth(year, month));
    return daysFromCivil(year, month, day);
  }

  /** Days of the era (0-146096) to the year of the era (0-399), March-based. */
  private static long yearOfEra(long doe) {
    return (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
  }

  /** Days since March 1 of the March-based year holding the epoch day (0-365). */
  private static long marchDayOfYear(long epochDay) {
    long z = epochDay + EPOCH_SHIFT;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    long doe = z - era * DAYS_PER_ERA;
    long yoe = yearOfEra(doe);
    return doe - (365 * yoe + yoe / 4 - yoe / 100);
  }
}
