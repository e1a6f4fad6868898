package io.sluice.exec.expr;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/**
 * Spark's text forms of dates and timestamps: the parsers behind {@code CAST(string AS
 * TIMESTAMP/DATE)} (also used by the JSON and CSV readers) and the formatters behind {@code
 * CAST(... AS STRING)} and {@code show()}.
 *
 * <p>Dates are days since 1970-01-01 ({@code int}); timestamps are microseconds since
 * 1970-01-01T00:00:00Z ({@code long}), both in the proleptic Gregorian calendar.
 *
 * <p>Parsers return a sentinel instead of throwing or boxing: {@link #INVALID_TIMESTAMP} ({@code
 * Long.MIN_VALUE}) and {@link #INVALID_DATE} ({@code Integer.MIN_VALUE}). Those two exact values
 * (in the years -290308 and -5877641) are therefore reported as invalid, a deliberate trade.
 *
 * <p>Accepted timestamp text (after trimming leading and trailing whitespace and control
 * characters): {@code [+-]yyyy[y..]}, {@code [+-]yyyy-[m]m}, {@code [+-]yyyy-[m]m-[d]d}, then
 * optionally {@code ' '} or {@code 'T'} and {@code [h]h:[m]m[:[s]s[.fraction]]} followed (after
 * seconds) by an optional zone: {@code Z}, {@code [+-]h[h][[:]mm]}, {@code UTC}, {@code UTC+hh:mm},
 * {@code GMT-h}, a region id such as {@code America/Los_Angeles} or a short id such as {@code PST}.
 * A fraction keeps 6 digits; more are truncated. Text holding only a time ({@code 12:30:00} or
 * {@code T12:30:00}) takes today's date in the zone. Without a zone in the text the given session
 * zone applies. Years have 4 to 6 digits for timestamps, 4 to 7 for dates.
 */
public final class DateTimes {
  /** Returned by the timestamp parsers for text that is not a timestamp. */
  public static final long INVALID_TIMESTAMP = Long.MIN_VALUE;

  /** Returned by the date parsers for text that is not a date. */
  public static final int INVALID_DATE = Integer.MIN_VALUE;

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  private static final long SECONDS_PER_DAY = 86_400L;

  // Segment indexes of the timestamp parser.
  private static final int YEAR = 0;
  private static final int HOUR = 3;
  private static final int SECOND = 5;
  private static final int FRACTION = 6;
  private static final int ZONE = 7;
  private static final int FRACTION_DIGITS = 7;
  private static final int JUST_TIME = 8;
  private static final int NEGATIVE_YEAR = 9;

  private DateTimes() {}

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /** Microseconds since the epoch of {@code s}, or {@link #INVALID_TIMESTAMP}. */
  public static long stringToTimestamp(String s, ZoneId sessionZone) {
    if (s == null) return INVALID_TIMESTAMP;
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return stringToTimestamp(b, 0, b.length, sessionZone);
  }

  /**
   * Microseconds since the epoch of the UTF-8 text {@code bytes[offset .. offset + length)}, or
   * {@link #INVALID_TIMESTAMP}. Allocates only a small scratch array, plus the zone id when the
   * text names one (other than {@code Z}) or the session zone has daylight-saving rules.
   */
  public static long stringToTimestamp(byte[] bytes, int offset, int length, ZoneId sessionZone) {
    int start = trimStart(bytes, offset, offset + length);
    int end = trimEnd(bytes, start, offset + length);
    if (start == end) return INVALID_TIMESTAMP;
    int[] seg = {0, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    int zoneStart = scanTimestamp(bytes, offset, start, end, seg);
    if (zoneStart == -2) return INVALID_TIMESTAMP;
    int fraction = seg[FRACTION];
    for (int k = Math.min(seg[FRACTION_DIGITS], 6); k < 6; k++) fraction *= 10;
    int year = seg[NEGATIVE_YEAR] != 0 ? -seg[YEAR] : seg[YEAR];
    ZoneId zone = sessionZone;
    if (zoneStart >= 0) {
      zone = parseZone(bytes, zoneStart, end);
      if (zone == null) return INVALID_TIMESTAMP;
    }
    int hour = seg[HOUR];
    int minute = seg[HOUR + 1];
    int second = seg[SECOND];
    if (hour > 23 || minute > 59 || second > 59) return INVALID_TIMESTAMP;
    long epochDay;
    if (seg[JUST_TIME] != 0) {
      epochDay = LocalDate.now(zone).toEpochDay();
    } else {
      epochDay = civilToDays(year, seg[1], seg[2]);
      if (epochDay == Long.MIN_VALUE) return INVALID_TIMESTAMP;
    }
    return toMicros(epochDay, hour * 3600 + minute * 60 + second, fraction, zone);
  }

  /**
   * Splits timestamp text into {@code seg}: year, month, day, hour, minute, second, fraction (first
   * six digits), then the number of fraction digits, a time-only flag and a negative-year flag.
   * Returns where a zone starts, -1 without a zone, -2 when malformed.
   */
  private static int scanTimestamp(byte[] bytes, int offset, int j, int end, int[] seg) {
    int i = YEAR;
    int value = 0;
    int digits = 0;
    boolean signed = bytes[j] == '-' || bytes[j] == '+';
    if (signed) {
      seg[NEGATIVE_YEAR] = bytes[j] == '-' ? 1 : 0;
      j++;
    }
    int zoneStart = -1;
    for (; j < end; j++) {
      byte b = bytes[j];
      int d = b - '0';
      if (d >= 0 && d <= 9) {
        if (i == FRACTION) seg[FRACTION_DIGITS]++;
        if (i != FRACTION || digits < 6) value = value * 10 + d;
        if (++digits > 9 && i != FRACTION) return -2;
        continue;
      }
      if (j == offset && b == 'T') { // time only: T12:00:00
        seg[JUST_TIME] = 1;
        i = HOUR;
        continue;
      }
      boolean separatorOk;
      int next = i + 1;
      if (i < 2) {
        separatorOk = b == '-';
        if (i == YEAR && b == ':' && !signed) { // time only: 12:00:00
          seg[JUST_TIME] = 1;
          i = HOUR;
          next = HOUR + 1;
          separatorOk = true;
        }
      } else if (i == 2) {
        separatorOk = b == ' ' || b == 'T';
      } else if (i == HOUR || i == HOUR + 1) {
        separatorOk = b == ':';
      } else if (i == SECOND || i == FRACTION) {
        separatorOk = true;
        if (i == FRACTION || b != '.') {
          zoneStart = j; // anything after the seconds or the fraction is a zone
          next = ZONE;
        }
      } else {
        separatorOk = false;
      }
      if (!separatorOk || !validTimestampDigits(i, digits)) return -2;
      seg[i] = value;
      i = next;
      value = 0;
      digits = 0;
      if (zoneStart >= 0) break;
    }
    if (!validTimestampDigits(i, digits)) return -2;
    if (i <= FRACTION) seg[i] = value;
    return zoneStart;
  }

  private static boolean validTimestampDigits(int segment, int digits) {
    if (segment == YEAR) return digits >= 4 && digits <= 6;
    if (segment == FRACTION) return true;
    if (segment == ZONE) return digits <= 2;
    return digits > 0 && digits <= 2;
  }

  /** Local date and time in {@code zone} to microseconds since the epoch (gaps shift forward). */
  private static long toMicros(long epochDay, int secondOfDay, int micros, ZoneId zone) {
    long localSeconds = epochDay * SECONDS_PER_DAY + secondOfDay;
    long offsetSeconds;
    if (zone instanceof ZoneOffset o) {
      offsetSeconds = o.getTotalSeconds();
    } else {
      ZoneRules rules = zone.getRules();
      if (rules.isFixedOffset()) {
        offsetSeconds = rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds();
      } else {
        try {
          LocalDateTime ldt =
              LocalDateTime.ofEpochSecond(localSeconds, micros * 1000, ZoneOffset.UTC);
          return fromEpochSecond(ZonedDateTime.of(ldt, zone).toEpochSecond(), micros);
        } catch (DateTimeException | ArithmeticException e) {
          return INVALID_TIMESTAMP;
        }
      }
    }
    return fromEpochSecond(localSeconds - offsetSeconds, micros);
  }

  private static long fromEpochSecond(long seconds, int micros) {
    try {
      // As Spark's instantToMicros: the step through seconds + 1 keeps the minimum reachable.
      long r =
          seconds < 0
              ? Math.addExact(
                  Math.multiplyExact(seconds + 1, MICROS_PER_SECOND), micros - MICROS_PER_SECOND)
              : Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), micros);
      return r;
    } catch (ArithmeticException e) {
      return INVALID_TIMESTAMP;
    }
  }

  /**
   * The zone named by {@code bytes[start, end)} as Spark reads it (surrounding spaces ignored,
   * {@code +h:mm} and {@code +hh:m} widened), or {@code null} when it names none.
   */
  private static ZoneId parseZone(byte[] bytes, int start, int end) {
    while (start < end && bytes[start] == ' ') start++;
    if (end - start == 1 && (bytes[start] == 'Z' || bytes[start] == 'z')) return ZoneOffset.UTC;
    String id = new String(bytes, start, end - start, StandardCharsets.UTF_8).trim();
    return zoneOf(id);
  }

  /** Spark's {@code getZoneId}: {@link ZoneId#of} with short ids and lenient offset digits. */
  public static ZoneId zoneOf(String id) {
    String z = widenOffset(id);
    try {
      return ZoneId.of(z, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String widenOffset(String id) {
    StringBuilder sb = null;
    // (+|-)h: -> (+|-)0h:  (first occurrence)
    for (int k = 0; k + 2 < id.length(); k++) {
      char c = id.charAt(k);
      if ((c == '+' || c == '-') && isDigit(id.charAt(k + 1)) && id.charAt(k + 2) == ':') {
        sb = new StringBuilder(id).insert(k + 1, '0');
        break;
      }
    }
    String s = sb == null ? id : sb.toString();
    // (+|-)hh:m at the end -> (+|-)hh:0m
    int n = s.length();
    if (n >= 5
        && (s.charAt(n - 5) == '+' || s.charAt(n - 5) == '-')
        && isDigit(s.charAt(n - 4))
        && isDigit(s.charAt(n - 3))
        && s.charAt(n - 2) == ':'
        && isDigit(s.charAt(n - 1))) {
      s = s.substring(0, n - 1) + '0' + s.charAt(n - 1);
    }
    return s;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Days since the epoch of {@code s}, or {@link #INVALID_DATE}. */
  public static int stringToDate(String s) {
    if (s == null) return INVALID_DATE;
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return stringToDate(b, 0, b.length);
  }

  /**
   * Days since the epoch of the UTF-8 text {@code bytes[offset .. offset + length)}, or {@link
   * #INVALID_DATE}. Accepts {@code [+-]yyyy[yyy]}, {@code [+-]yyyy-[m]m} and {@code
   * [+-]yyyy-[m]m-[d]d}, the last optionally followed by {@code ' '} or {@code 'T'} and anything
   * (ignored). Allocates nothing.
   */
  public static int stringToDate(byte[] bytes, int offset, int length) {
    int j = trimStart(bytes, offset, offset + length);
    int end = trimEnd(bytes, j, offset + length);
    if (j == end) return INVALID_DATE;
    int sign = 1;
    if (bytes[j] == '-' || bytes[j] == '+') {
      sign = bytes[j] == '-' ? -1 : 1;
      j++;
    }
    int[] seg = {1, 1, 1};
    int i = 0;
    int value = 0;
    int digits = 0;
    for (; j < end && i < 3 && bytes[j] != ' ' && bytes[j] != 'T'; j++) {
      byte b = bytes[j];
      if (i < 2 && b == '-') {
        if (!validDateDigits(i, digits)) return INVALID_DATE;
        seg[i++] = value;
        value = 0;
        digits = 0;
      } else {
        int d = b - '0';
        if (d < 0 || d > 9) return INVALID_DATE;
        value = value * 10 + d;
        if (++digits > 7) return INVALID_DATE;
      }
    }
    if (!validDateDigits(i, digits)) return INVALID_DATE;
    if (i < 2 && j < end) return INVALID_DATE; // yyyy and yyyy-mm must use the whole text
    seg[i] = value;
    long days = civilToDays(sign * seg[0], seg[1], seg[2]);
    if (days == Long.MIN_VALUE || days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
      return INVALID_DATE;
    }
    return (int) days;
  }

  private static boolean validDateDigits(int segment, int digits) {
    return segment == 0 ? digits >= 4 && digits <= 7 : digits > 0 && digits <= 2;
  }

  private static int trimStart(byte[] b, int from, int to) {
    while (from < to && isSpaceOrControl(b[from])) from++;
    return from;
  }

  private static int trimEnd(byte[] b, int from, int to) {
    while (to > from && isSpaceOrControl(b[to - 1])) to--;
    return to;
  }

  private static boolean isSpaceOrControl(byte b) {
    return (b >= 0 && b <= ' ') || b == 0x7f;
  }

  // ---------------------------------------------------------------------------------------------
  // Calendar arithmetic (proleptic Gregorian, no allocation)

  /** Days since the epoch of a valid civil date, or {@code Long.MIN_VALUE} if invalid. */
  static long civilToDays(long year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return Long.MIN_VALUE;
    }
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    int mp = (month + 9) % 12;
    long doy = (153L * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  private static int lengthOfMonth(long year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** Year, month and day of an epoch day packed as {@code year * 10000 + month * 100 + day}. */
  private static long daysToCivil(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return y * 10_000 + (y < 0 ? -(m * 100 + d) : m * 100 + d);
  }

  // ---------------------------------------------------------------------------------------------
  // Formatting

  /** {@code yyyy-MM-dd}, as Spark casts a date to string (years past 9999 get a {@code +}). */
  public static String dateToString(int days) {
    StringBuilder sb = new StringBuilder(10);
    appendDate(sb, days);
    return sb.toString();
  }

  /**
   * {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in {@code zone}: the fraction appears only when non-zero,
   * without trailing zeros, as Spark casts a timestamp to string.
   */
  public static String timestampToString(long micros, ZoneId zone) {
    StringBuilder sb = new StringBuilder(26);
    appendTimestamp(sb, micros, zone);
    return sb.toString();
  }

  /** Appends {@link #dateToString}'s text. */
  public static void appendDate(StringBuilder sb, long epochDay) {
    long packed = daysToCivil(epochDay);
    long year = packed / 10_000;
    int md = (int) Math.abs(packed % 10_000);
    appendYear(sb, year);
    sb.append('-');
    appendTwo(sb, md / 100);
    sb.append('-');
    appendTwo(sb, md % 100);
  }

  /** Appends {@link #timestampToString}'s text. */
  public static void appendTimestamp(StringBuilder sb, long micros, ZoneId zone) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int fraction = (int) Math.floorMod(micros, MICROS_PER_SECOND);
    long local = seconds + offsetSecondsAt(zone, seconds);
    long day = Math.floorDiv(local, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
    appendDate(sb, day);
    sb.append(' ');
    appendTwo(sb, secondOfDay / 3600);
    sb.append(':');
    appendTwo(sb, secondOfDay / 60 % 60);
    sb.append(':');
    appendTwo(sb, secondOfDay % 60);
    if (fraction != 0) {
      sb.append('.');
      int div = 100_000;
      while (fraction != 0) {
        sb.append((char) ('0' + fraction / div));
        fraction %= div;
        div /= 10;
      }
    }
  }

  /** The zone's offset from UTC, in seconds, at the instant {@code epochSecond}. */
  public static int offsetSecondsAt(ZoneId zone, long epochSecond) {
    if (zone instanceof ZoneOffset o) return o.getTotalSeconds();
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) return rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds();
    return rules.getOffset(java.time.Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  private static void appendYear(StringBuilder sb, long year) {
    if (year < 0) {
      sb.append('-');
      year = -year;
    } else if (year > 9999) {
      sb.append('+');
    }
    if (year < 1000) sb.append('0');
    if (year < 100) sb.append('0');
    if (year < 10) sb.append('0');
    sb.append(year);
  }

  private static void appendTwo(StringBuilder sb, int v) {
    sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
