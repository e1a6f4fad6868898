package io.sluice.exec.expr.fn;

import java.util.ArrayList;
import java.util.List;

/**
 * A shortcut for the common numeric patterns ({@code yyyy-MM-dd HH:mm:ss.SSS} and kin): parses
 * UTF-8 bytes and prints local date-times with plain arithmetic, no {@code java.time} object per
 * row. It handles only text it is sure {@code java.time} reads the same way (exact field widths,
 * valid values, the whole text consumed) and otherwise answers "not handled", so the caller falls
 * back to the {@code DateTimeFormatter}, which decides (and words the error). Results therefore
 * always equal the formatter's.
 *
 * <p>Accepted letters, outside quotes: {@code uuuu} (from {@code yyyy}), {@code MM}, {@code dd},
 * {@code HH}, {@code mm}, {@code ss}, and runs of {@code S} (1 to n digits when parsing); each at
 * most once, time fields without holes. Anything else (text fields, zones, other widths) leaves the
 * pattern to the formatter.
 */
final class FastDateTimePattern {
  /** Returned by {@link #parse} for text the shortcut does not handle. */
  static final long NOT_HANDLED = Long.MIN_VALUE;

  private static final int LITERAL = 0;
  private static final int YEAR = 1;
  private static final int MONTH = 2;
  private static final int DAY = 3;
  private static final int HOUR = 4;
  private static final int MINUTE = 5;
  private static final int SECOND = 6;
  private static final int FRACTION = 7;
  private static final int[] POWERS = {
    1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private final int[] kinds;

  /** The literal character, or the width of a field. */
  private final int[] args;

  /** The length of every formatted text (all ASCII). */
  private final int width;

  private FastDateTimePattern(int[] kinds, int[] args) {
    this.kinds = kinds;
    this.args = args;
    int w = 0;
    for (int i = 0; i < kinds.length; i++) w += kinds[i] == LITERAL ? 1 : args[i];
    this.width = w;
  }

  /** The length in bytes of every text {@link #format} writes. */
  int width() {
    return width;
  }

  /** The shortcut of a converted pattern ({@code y} already {@code u}), or null. */
  static FastDateTimePattern of(String converted) {
    List<int[]> tokens = new ArrayList<>();
    boolean[] seen = new boolean[FRACTION + 1];
    String[] parts = converted.split("'", -1);
    for (int p = 0; p < parts.length; p++) {
      String part = parts[p];
      if (p % 2 == 1) {
        if (part.isEmpty()) return null; // an escaped quote: leave it to the formatter
        for (int k = 0; k < part.length(); k++) {
          if (part.charAt(k) > 127) return null;
          tokens.add(new int[] {LITERAL, part.charAt(k)});
        }
        continue;
      }
      int k = 0;
      while (k < part.length()) {
        char c = part.charAt(k);
        int end = k;
        while (end < part.length() && part.charAt(end) == c) end++;
        int count = end - k;
        if ("[]#{}".indexOf(c) >= 0 || c > 127) return null; // reserved; ASCII text only
        if (!Character.isLetter(c)) {
          for (int i = k; i < end; i++) tokens.add(new int[] {LITERAL, c});
        } else {
          int kind = kindOf(c, count);
          if (kind < 0 || seen[kind]) return null;
          seen[kind] = true;
          tokens.add(new int[] {kind, count});
        }
        k = end;
      }
    }
    if (!timeFieldsWithoutHoles(seen) || !adjacencySafe(tokens)) return null;
    int[] kinds = new int[tokens.size()];
    int[] args = new int[tokens.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = tokens.get(i)[0];
      args[i] = tokens.get(i)[1];
    }
    return new FastDateTimePattern(kinds, args);
  }

  private static int kindOf(char c, int count) {
    return switch (c) {
      case 'u' -> count == 4 ? YEAR : -1;
      case 'M' -> count == 2 ? MONTH : -1;
      case 'd' -> count == 2 ? DAY : -1;
      case 'H' -> count == 2 ? HOUR : -1;
      case 'm' -> count == 2 ? MINUTE : -1;
      case 's' -> count == 2 ? SECOND : -1;
      case 'S' -> count <= 9 ? FRACTION : -1;
      default -> -1;
    };
  }

  private static boolean timeFieldsWithoutHoles(boolean[] seen) {
    boolean missing = false;
    for (int kind = HOUR; kind <= FRACTION; kind++) {
      if (!seen[kind]) {
        missing = true;
      } else if (missing) {
        return false;
      }
    }
    return true;
  }

  /**
   * The year has a variable width for {@code java.time} and a fraction too: when either touches
   * another number field, adjacent-value parsing splits digits in ways this shortcut does not
   * model, except for a year followed only by fixed-width fields.
   */
  private static boolean adjacencySafe(List<int[]> tokens) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      int a = tokens.get(i)[0];
      int b = tokens.get(i + 1)[0];
      if (a == LITERAL || b == LITERAL) continue;
      if (a == FRACTION || b == FRACTION) return false;
    }
    return true;
  }

  /**
   * Microseconds since the epoch of the text {@code bytes[start, end)} read in {@code zone}, or
   * {@link #NOT_HANDLED}.
   */
  long parse(byte[] bytes, int start, int end, ZoneOffsets zone, boolean varLengthFraction) {
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    int at = start;
    for (int t = 0; t < kinds.length; t++) {
      int kind = kinds[t];
      if (kind == LITERAL) {
        if (at >= end || bytes[at] != args[t]) return NOT_HANDLED;
        at++;
        continue;
      }
      int width = args[t];
      int digits = 0;
      int value = 0;
      while (at < end && digits < width && bytes[at] >= '0' && bytes[at] <= '9') {
        value = value * 10 + (bytes[at++] - '0');
        digits++;
      }
      if (kind == FRACTION) {
        if (digits == 0 || (!varLengthFraction && digits < width)) return NOT_HANDLED;
        nanos = value * POWERS[9 - digits];
        continue;
      }
      if (digits < width) return NOT_HANDLED;
      switch (kind) {
        case YEAR -> year = value;
        case MONTH -> month = value;
        case DAY -> day = value;
        case HOUR -> hour = value;
        case MINUTE -> minute = value;
        default -> second = value;
      }
    }
    if (at != end
        || month < 1
        || month > 12
        || day < 1
        || day > CivilCalendar.lengthOfMonth(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return NOT_HANDLED;
    }
    long local =
        CivilCalendar.daysFromCivil(year, month, day) * 86_400L
            + hour * 3600
            + minute * 60
            + second;
    return zone.toUtc(local) * 1_000_000L + nanos / 1000;
  }

  /** True when {@link #format} handles the year of this local second (0-9999). */
  static boolean handles(long localSecond) {
    // 0000-01-01T00:00:00 to 9999-12-31T23:59:59 as local epoch seconds
    return localSecond >= -62_167_219_200L && localSecond < 253_402_300_800L;
  }

  /**
   * Writes the {@link #width()} ASCII bytes of a local date-time at {@code dst[at]}; only for
   * {@link #handles} years (the formatter prints others with a sign).
   */
  void format(byte[] dst, int at, long localSecond, int nanos) {
    long day = Math.floorDiv(localSecond, 86_400L);
    int secondOfDay = (int) Math.floorMod(localSecond, 86_400L);
    long packed = CivilCalendar.civil(day);
    for (int t = 0; t < kinds.length; t++) {
      at =
          switch (kinds[t]) {
            case LITERAL -> {
              dst[at] = (byte) args[t];
              yield at + 1;
            }
            case YEAR -> digits(dst, at, CivilCalendar.packedYear(packed), 4);
            case MONTH -> digits(dst, at, CivilCalendar.packedMonth(packed), 2);
            case DAY -> digits(dst, at, CivilCalendar.packedDay(packed), 2);
            case HOUR -> digits(dst, at, secondOfDay / 3600, 2);
            case MINUTE -> digits(dst, at, secondOfDay / 60 % 60, 2);
            case SECOND -> digits(dst, at, secondOfDay % 60, 2);
            default -> digits(dst, at, nanos / POWERS[9 - args[t]], args[t]);
          };
    }
  }

  private static int digits(byte[] dst, int at, int value, int width) {
    for (int p = at + width - 1; p >= at; p--) {
      dst[p] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
