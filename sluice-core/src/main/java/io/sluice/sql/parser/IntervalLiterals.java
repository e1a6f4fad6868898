package io.sluice.sql.parser;

import io.sluice.plan.expr.Literal;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Interval literals as Spark 4 builds them. {@code INTERVAL 5 MINUTES} and {@code INTERVAL '5'
 * MINUTE} (units and values) become ANSI intervals when every unit is of one family: a year-month
 * interval (value in months) for years and months, a day-time interval (value in microseconds) for
 * days, hours, minutes and seconds; the type's start field is the largest unit the value reaches
 * ({@code INTERVAL 90 MINUTES} is {@code INTERVAL '01:30' HOUR TO MINUTE}). Mixed families, weeks,
 * milliseconds and microseconds, and the string form {@code INTERVAL '10 minutes'} give a calendar
 * interval.
 */
final class IntervalLiterals {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

  private IntervalLiterals() {}

  /** A unit and a value of it, e.g. {@code 1.5} {@code hour}. */
  record Part(BigDecimal value, String unit) {}

  /** Thrown for a value or unit that is not valid; the caller adds the position. */
  static final class InvalidInterval extends RuntimeException {
    InvalidInterval(String message) {
      super(message, null, false, false);
    }
  }

  /** The singular lower-case name of a unit keyword ({@code MINUTES} → {@code minute}). */
  static String unitName(String keyword) {
    String u = keyword.toLowerCase(Locale.ROOT);
    return u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
  }

  /** {@code INTERVAL v1 unit1 v2 unit2 ...}. */
  static Literal multiUnits(List<Part> parts) {
    CalendarInterval ci = toCalendar(parts);
    boolean yearMonth = parts.stream().allMatch(p -> isYearMonth(p.unit()));
    boolean dayTime = parts.stream().allMatch(p -> dayTimeField(p.unit()) >= 0);
    if (yearMonth) {
      byte min = YearMonthIntervalType.MONTH;
      byte max = YearMonthIntervalType.YEAR;
      for (Part p : parts) {
        byte f = p.unit().equals("year") ? YearMonthIntervalType.YEAR : YearMonthIntervalType.MONTH;
        min = (byte) Math.min(min, f);
        max = (byte) Math.max(max, f);
      }
      byte start = ci.months() / 12 != 0 ? YearMonthIntervalType.YEAR : min;
      return new Literal(ci.months(), new YearMonthIntervalType(start, max));
    }
    if (dayTime) {
      long micros;
      try {
        micros =
            Math.addExact(Math.multiplyExact((long) ci.days(), MICROS_PER_DAY), ci.microseconds());
      } catch (ArithmeticException e) {
        throw new InvalidInterval("the interval is out of range");
      }
      byte min = DayTimeIntervalType.SECOND;
      byte max = DayTimeIntervalType.DAY;
      for (Part p : parts) {
        byte f = dayTimeField(p.unit());
        min = (byte) Math.min(min, f);
        max = (byte) Math.max(max, f);
      }
      long abs = Math.abs(micros);
      byte reached =
          abs >= MICROS_PER_DAY
              ? DayTimeIntervalType.DAY
              : abs >= MICROS_PER_HOUR
                  ? DayTimeIntervalType.HOUR
                  : abs >= MICROS_PER_MINUTE
                      ? DayTimeIntervalType.MINUTE
                      : DayTimeIntervalType.SECOND;
      byte start = (byte) Math.min(Math.min(reached, min), max);
      return new Literal(micros, new DayTimeIntervalType(start, max));
    }
    return new Literal(ci, DataTypes.CalendarIntervalType);
  }

  /** {@code INTERVAL '1 day 2 hours'}: the text as a calendar interval. */
  static Literal fromString(String text) {
    String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    int i = 0;
    if (words.length > 0 && words[0].equals("interval")) i++;
    List<Part> parts = new ArrayList<>();
    while (i < words.length) {
      if (words[i].isEmpty()) throw new InvalidInterval("empty interval");
      if (i + 1 >= words.length) throw new InvalidInterval("missing unit after " + words[i]);
      parts.add(new Part(number(words[i]), checkedUnit(unitName(words[i + 1]))));
      i += 2;
    }
    if (parts.isEmpty()) throw new InvalidInterval("empty interval");
    return new Literal(toCalendar(parts), DataTypes.CalendarIntervalType);
  }

  static BigDecimal number(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInterval("invalid number " + s);
    }
  }

  private static String checkedUnit(String u) {
    return switch (u) {
      case "year",
          "month",
          "week",
          "day",
          "hour",
          "minute",
          "second",
          "millisecond",
          "microsecond" ->
          u;
      default -> throw new InvalidInterval("invalid unit " + u);
    };
  }

  private static boolean isYearMonth(String unit) {
    return unit.equals("year") || unit.equals("month");
  }

  private static byte dayTimeField(String unit) {
    return switch (unit) {
      case "day" -> DayTimeIntervalType.DAY;
      case "hour" -> DayTimeIntervalType.HOUR;
      case "minute" -> DayTimeIntervalType.MINUTE;
      case "second" -> DayTimeIntervalType.SECOND;
      default -> -1;
    };
  }

  private static CalendarInterval toCalendar(List<Part> parts) {
    long months = 0;
    long days = 0;
    BigDecimal micros = BigDecimal.ZERO;
    try {
      for (Part p : parts) {
        BigDecimal v = p.value();
        switch (p.unit()) {
          case "year" -> months = Math.addExact(months, Math.multiplyExact(whole(v, p), 12L));
          case "month" -> months = Math.addExact(months, whole(v, p));
          case "week" -> days = Math.addExact(days, Math.multiplyExact(whole(v, p), 7L));
          case "day" -> days = Math.addExact(days, whole(v, p));
          case "hour" -> micros = micros.add(v.multiply(BigDecimal.valueOf(MICROS_PER_HOUR)));
          case "minute" -> micros = micros.add(v.multiply(BigDecimal.valueOf(MICROS_PER_MINUTE)));
          case "second" -> micros = micros.add(v.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)));
          case "millisecond" -> micros = micros.add(v.multiply(BigDecimal.valueOf(1000)));
          case "microsecond" -> micros = micros.add(v);
          default -> throw new InvalidInterval("invalid unit " + p.unit());
        }
      }
      return new CalendarInterval(
          Math.toIntExact(months),
          Math.toIntExact(days),
          micros.setScale(0, RoundingMode.DOWN).longValueExact());
    } catch (ArithmeticException e) {
      throw new InvalidInterval("the interval is out of range");
    }
  }

  private static long whole(BigDecimal v, Part p) {
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidInterval("the value of " + p.unit() + " must be a whole number");
    }
  }
}
