package io.sluice.connector.file;

import io.sluice.exec.expr.DateTimes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A fast path for the timestamp text producers write most: {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}
 * (and, when the session zone is UTC, the same without {@code Z} or with a space for {@code T}).
 * Anything else returns {@link DateTimes#INVALID_TIMESTAMP} for the caller to use {@link
 * DateTimes#stringToTimestamp}, which accepts every form Spark does; where both accept a text they
 * agree.
 */
public final class IsoTimestamps {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private IsoTimestamps() {}

  public static long parse(byte[] b, int off, int len, boolean sessionZoneIsUtc) {
    long time = timeOfDay(b, off, len, sessionZoneIsUtc);
    if (time == DateTimes.INVALID_TIMESTAMP) return time;
    long day = dayMicros(b, off);
    return day == DateTimes.INVALID_TIMESTAMP ? day : day + time;
  }

  /**
   * {@link #parse} for a stream of timestamps, remembering the last date read so that a run of
   * timestamps on one day parses only their times. Not thread-safe.
   */
  public static final class Parser {
    private long datePrefix = -1;
    private int dateTail = -1;
    private long dayMicros;

    public long parse(byte[] b, int off, int len, boolean sessionZoneIsUtc) {
      long time = timeOfDay(b, off, len, sessionZoneIsUtc);
      if (time == DateTimes.INVALID_TIMESTAMP) return time;
      long head = (long) LONGS.get(b, off); // timeOfDay checked that 19 bytes are there
      int tail = (b[off + 8] << 8) | (b[off + 9] & 0xFF);
      if (head != datePrefix || tail != dateTail) {
        long day = dayMicros(b, off);
        if (day == DateTimes.INVALID_TIMESTAMP) return day;
        datePrefix = head;
        dateTail = tail;
        dayMicros = day;
      }
      return dayMicros + time;
    }
  }

  /** Microseconds from the epoch to the {@code yyyy-MM-dd} date at {@code off}, or invalid. */
  private static long dayMicros(byte[] b, int off) {
    int year = digits4(b, off);
    int month = digits2(b, off + 5);
    int day = digits2(b, off + 8);
    if ((year | month | day) < 0
        || b[off + 4] != '-'
        || b[off + 7] != '-'
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)) {
      return DateTimes.INVALID_TIMESTAMP;
    }
    return daysFromCivil(year, month, day) * MICROS_PER_DAY;
  }

  /**
   * Microseconds since midnight of the {@code THH:mm:ss[.fraction][Z]} part after the date at
   * {@code off} (the whole text being {@code len} bytes), or invalid.
   */
  private static long timeOfDay(byte[] b, int off, int len, boolean sessionZoneIsUtc) {
    if (len < 19) return DateTimes.INVALID_TIMESTAMP;
    int end = off + len;
    boolean zulu = b[end - 1] == 'Z';
    if (zulu) {
      end--;
    } else if (!sessionZoneIsUtc) {
      return DateTimes.INVALID_TIMESTAMP;
    }
    int hour = digits2(b, off + 11);
    int minute = digits2(b, off + 14);
    int second = digits2(b, off + 17);
    if ((hour | minute | second) < 0
        || (b[off + 10] != 'T' && b[off + 10] != ' ')
        || b[off + 13] != ':'
        || b[off + 16] != ':'
        || hour > 23
        || minute > 59
        || second > 59) {
      return DateTimes.INVALID_TIMESTAMP;
    }
    int p = off + 19;
    long micros = 0;
    if (p < end) {
      if (b[p] != '.' || p + 1 >= end) return DateTimes.INVALID_TIMESTAMP;
      p++;
      int scale = 100_000;
      for (; p < end; p++) {
        int d = b[p] - '0';
        if (d < 0 || d > 9) return DateTimes.INVALID_TIMESTAMP;
        micros += (long) d * scale;
        scale /= 10;
      }
    }
    return ((hour * 60L + minute) * 60 + second) * 1_000_000L + micros;
  }

  private static int digits2(byte[] b, int i) {
    int d1 = b[i] - '0';
    int d2 = b[i + 1] - '0';
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
    return d1 * 10 + d2;
  }

  private static int digits4(byte[] b, int i) {
    int hi = digits2(b, i);
    int lo = digits2(b, i + 2);
    return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
  private static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097L + doe - 719468;
  }
}
