package io.sluice.connector.file;

import io.sluice.exec.expr.DateTimes;

/**
 * A fast path for the timestamp text JSON producers write most: {@code
 * yyyy-MM-ddTHH:mm:ss[.fraction]Z} (and, when the session zone is UTC, the same without {@code
 * Z} or with a space for {@code T}). Anything else returns {@link DateTimes#INVALID_TIMESTAMP}
 * for the caller to use {@link DateTimes#stringToTimestamp}, which accepts every form Spark does;
 * where both accept a text they agree.
 */
public final class IsoTimestamps {
  private IsoTimestamps() {}

  public static long parse(byte[] b, int off, int len, boolean sessionZoneIsUtc) {
    if (len < 19) return DateTimes.INVALID_TIMESTAMP;
    int end = off + len;
    boolean zulu = b[end - 1] == 'Z';
    if (zulu) {
      end--;
    } else if (!sessionZoneIsUtc) {
      return DateTimes.INVALID_TIMESTAMP;
    }
    int year = digits4(b, off);
    int month = digits2(b, off + 5);
    int day = digits2(b, off + 8);
    int hour = digits2(b, off + 11);
    int minute = digits2(b, off + 14);
    int second = digits2(b, off + 17);
    if ((year | month | day | hour | minute | second) < 0
        || b[off + 4] != '-' || b[off + 7] != '-' || (b[off + 10] != 'T' && b[off + 10] != ' ')
        || b[off + 13] != ':' || b[off + 16] != ':'
        || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour > 23 || minute > 59 || second > 59) {
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
    long days = daysFromCivil(year, month, day);
    return (((days * 24 + hour) * 60 + minute) * 60 + second) * 1_000_000L + micros;
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
