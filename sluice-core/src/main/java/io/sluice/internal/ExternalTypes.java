package io.sluice.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between external date, time and interval objects and their internal numbers (days
 * since the epoch, microseconds since the epoch, microseconds, months).
 */
public final class ExternalTypes {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private ExternalTypes() {}

  /** Days since the epoch of a {@code java.sql.Date}, read as a local date (Spark's rule). */
  public static int daysOf(java.sql.Date d) {
    return Math.toIntExact(d.toLocalDate().toEpochDay());
  }

  /** Microseconds since the epoch of an instant (overflow fails). */
  public static long microsOf(Instant i) {
    return Math.addExact(
        Math.multiplyExact(i.getEpochSecond(), MICROS_PER_SECOND), i.getNano() / 1000);
  }

  /** Microseconds of a duration (overflow fails). */
  public static long microsOf(Duration d) {
    return Math.addExact(Math.multiplyExact(d.getSeconds(), MICROS_PER_SECOND), d.getNano() / 1000);
  }

  /** Months of a period; its days are ignored, as in Spark. */
  public static int monthsOf(Period p) {
    return Math.addExact(Math.multiplyExact(p.getYears(), 12), p.getMonths());
  }

  /** The local date {@code days} after the epoch as a {@code java.sql.Date}. */
  public static java.sql.Date toSqlDate(int days) {
    return java.sql.Date.valueOf(LocalDate.ofEpochDay(days));
  }

  /** The instant {@code micros} after the epoch. */
  public static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000L);
  }

  /** The instant {@code micros} after the epoch as a {@code java.sql.Timestamp}. */
  public static java.sql.Timestamp toTimestamp(long micros) {
    return java.sql.Timestamp.from(toInstant(micros));
  }

  /** A duration of {@code micros} microseconds. */
  public static Duration toDuration(long micros) {
    return Duration.of(micros, ChronoUnit.MICROS);
  }

  /** A period of {@code months}, normalized to years and months. */
  public static Period toPeriod(int months) {
    return Period.ofMonths(months).normalized();
  }
}
