package io.sluice.types;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parses the interval text Spark accepts where a duration is expected ({@code "10 seconds"}, {@code
 * "1 hour 30 minutes"}, {@code "interval 5 minutes"}, {@code "500 ms"}): pairs of a number and a
 * unit, optionally preceded by {@code interval}. Used for trigger intervals, watermark delays and
 * window durations; months and years are rejected because they have no fixed length.
 */
public final class IntervalText {
  private static final long MICROS_PER_MILLI = 1000L;
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private IntervalText() {}

  /** The duration in microseconds; throws {@link IllegalArgumentException} saying what is wrong. */
  public static long parseDurationMicros(String text) {
    if (text == null) throw new IllegalArgumentException("the interval is null");
    String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    int i = 0;
    if (words.length > 0 && words[0].equals("interval")) i = 1;
    if (i >= words.length || words[i].isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not an interval such as '10 seconds'");
    }
    long total = 0;
    while (i < words.length) {
      if (i + 1 >= words.length) {
        throw new IllegalArgumentException(
            "'" + text + "': the number " + words[i] + " has no unit (e.g. 'seconds')");
      }
      BigDecimal n;
      try {
        n = new BigDecimal(stripQuotes(words[i]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "': '" + words[i] + "' is not a number", e);
      }
      long unit = unitMicros(words[i + 1], text);
      total = Math.addExact(total, n.multiply(BigDecimal.valueOf(unit)).longValueExact());
      i += 2;
    }
    return total;
  }

  private static String stripQuotes(String w) {
    if (w.length() >= 2 && (w.charAt(0) == '\'' || w.charAt(0) == '"')) {
      return w.substring(1, w.length() - 1);
    }
    return w;
  }

  private static long unitMicros(String unit, String text) {
    String u =
        unit.endsWith("s") && unit.length() > 2 ? unit.substring(0, unit.length() - 1) : unit;
    return switch (u) {
      case "week" -> 7 * 86_400 * MICROS_PER_SECOND;
      case "day" -> 86_400 * MICROS_PER_SECOND;
      case "hour" -> 3_600 * MICROS_PER_SECOND;
      case "minute", "min" -> 60 * MICROS_PER_SECOND;
      case "second", "sec" -> MICROS_PER_SECOND;
      case "millisecond", "milli", "ms" -> MICROS_PER_MILLI;
      case "microsecond", "micro", "us" -> 1;
      case "month", "year" ->
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "': "
                  + unit
                  + " has no fixed length; use days, hours, minutes or seconds");
      default ->
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "': unknown unit '"
                  + unit
                  + "' (use weeks, days, hours, minutes, seconds, milliseconds or microseconds)");
    };
  }
}
