package io.sluice.plan.expr;

import io.sluice.types.CalendarInterval;
import java.util.Locale;

/**
 * Reads interval text such as {@code 10 minutes}, {@code 1 hour 30 minutes}, {@code -2 days 1.5
 * seconds} or {@code interval 1 day}, as Spark converts strings to calendar intervals: an optional
 * {@code interval} prefix, then pairs of a signed whole number and a unit ({@code year}, {@code
 * month}, {@code week}, {@code day}, {@code hour}, {@code minute}, {@code second}, {@code
 * millisecond}, {@code microsecond}, each optionally plural), case-insensitive. Only seconds take a
 * fraction (up to nine digits, kept to the microsecond).
 */
public final class IntervalStrings {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  private static final String[] UNITS = {
    "year", "month", "week", "day", "hour", "minute", "second", "millisecond", "microsecond"
  };

  private IntervalStrings() {}

  /** Thrown for text that is not an interval; the message says why. */
  public static final class InvalidIntervalException extends IllegalArgumentException {
    InvalidIntervalException(String message) {
      super(message, null);
    }
  }

  /** The interval {@code text} denotes, or null when it is not an interval (Spark's safe cast). */
  public static CalendarInterval parseOrNull(String text) {
    try {
      return parse(text);
    } catch (InvalidIntervalException e) {
      return null;
    }
  }

  /** The interval {@code text} denotes; throws {@link InvalidIntervalException} if none. */
  public static CalendarInterval parse(String text) {
    if (text == null) throw new InvalidIntervalException("the input is null");
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) throw new InvalidIntervalException("the input is empty");
    int i = 0;
    if (s.startsWith("interval")) {
      if (s.length() == 8) throw new InvalidIntervalException("the input is empty");
      if (!Character.isWhitespace(s.charAt(8))) {
        throw new InvalidIntervalException("invalid prefix " + word(s, 0));
      }
      i = 9;
    }
    long months = 0;
    long days = 0;
    long micros = 0;
    int n = s.length();
    try {
      while (true) {
        i = skipSpaces(s, i);
        if (i >= n) break;
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
          negative = c == '-';
          i = skipSpaces(s, i + 1);
          if (i >= n) throw new InvalidIntervalException("missing number after the sign");
        }
        int start = i;
        long value = 0;
        while (i < n && isDigit(s.charAt(i))) {
          value = Math.addExact(Math.multiplyExact(value, 10), s.charAt(i) - '0');
          i++;
        }
        long fractionMicros = -1;
        if (i < n && s.charAt(i) == '.') {
          i++;
          int fracStart = i;
          long nanos = 0;
          int scale = 100_000_000;
          while (i < n && isDigit(s.charAt(i))) {
            if (scale == 0) throw new InvalidIntervalException("too many fraction digits");
            nanos += (s.charAt(i) - '0') * (long) scale;
            scale /= 10;
            i++;
          }
          if (i == fracStart && i - 1 == start) {
            throw new InvalidIntervalException("invalid value " + word(s, start));
          }
          fractionMicros = nanos / 1000;
        } else if (i == start) {
          throw new InvalidIntervalException("unrecognized number " + word(s, start));
        }
        if (i < n && !Character.isWhitespace(s.charAt(i))) {
          throw new InvalidIntervalException("invalid value " + word(s, start));
        }
        i = skipSpaces(s, i);
        if (i >= n) throw new InvalidIntervalException("missing unit after " + word(s, start));
        int unitStart = i;
        String unit = unit(s, i);
        if (unit == null) throw new InvalidIntervalException("invalid unit " + word(s, i));
        i += unit.length();
        if (i < n && s.charAt(i) == 's') i++;
        if (i < n && !Character.isWhitespace(s.charAt(i))) {
          throw new InvalidIntervalException("invalid unit " + word(s, unitStart));
        }
        if (fractionMicros >= 0 && !unit.equals("second")) {
          throw new InvalidIntervalException("the unit " + unit + " takes no fraction");
        }
        long v = negative ? -value : value;
        long f = fractionMicros < 0 ? 0 : negative ? -fractionMicros : fractionMicros;
        switch (unit) {
          case "year" -> months = Math.addExact(months, Math.multiplyExact(v, 12));
          case "month" -> months = Math.addExact(months, v);
          case "week" -> days = Math.addExact(days, Math.multiplyExact(v, 7));
          case "day" -> days = Math.addExact(days, v);
          case "hour" -> micros = Math.addExact(micros, Math.multiplyExact(v, MICROS_PER_HOUR));
          case "minute" -> micros = Math.addExact(micros, Math.multiplyExact(v, MICROS_PER_MINUTE));
          case "second" ->
              micros =
                  Math.addExact(Math.addExact(micros, Math.multiplyExact(v, MICROS_PER_SECOND)), f);
          case "millisecond" -> micros = Math.addExact(micros, Math.multiplyExact(v, 1000));
          default -> micros = Math.addExact(micros, v);
        }
      }
      return new CalendarInterval(Math.toIntExact(months), Math.toIntExact(days), micros);
    } catch (ArithmeticException e) {
      throw new InvalidIntervalException("the interval is out of range");
    }
  }

  private static String unit(String s, int i) {
    for (String u : UNITS) {
      if (s.startsWith(u, i)) return u;
    }
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }

  private static String word(String s, int i) {
    int end = i;
    while (end < s.length() && !Character.isWhitespace(s.charAt(end))) end++;
    return s.substring(i, end);
  }
}
