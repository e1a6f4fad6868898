package io.sluice.plan.expr;

import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders literal values as Spark renders them in generated names. */
final class LiteralFormat {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]").withZone(ZoneOffset.UTC);

  private LiteralFormat() {}

  static String pretty(Object value, DataType type) {
    if (type instanceof DateType) {
      return "DATE '" + LocalDate.ofEpochDay(((Number) value).longValue()) + "'";
    }
    if (type instanceof TimestampType) {
      long micros = ((Number) value).longValue();
      Instant i =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
      String s = TS.format(i);
      if (s.contains(".")) s = s.replaceAll("\\.?0+$", "");
      return "TIMESTAMP '" + s + "'";
    }
    if (type instanceof BinaryType) {
      StringBuilder sb = new StringBuilder("X'");
      for (byte b : (byte[]) value) sb.append(String.format("%02X", b));
      return sb.append('\'').toString();
    }
    if (type instanceof DayTimeIntervalType dt) {
      return "INTERVAL '"
          + IntervalText.dayTime(((Number) value).longValue(), dt)
          + "' "
          + dt.sql().substring("INTERVAL ".length());
    }
    if (type instanceof YearMonthIntervalType ym) {
      return "INTERVAL '"
          + IntervalText.yearMonth(((Number) value).intValue(), ym)
          + "' "
          + ym.sql().substring("INTERVAL ".length());
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }
}
