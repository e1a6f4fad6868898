package io.sluice.exec.expr;

import io.sluice.plan.expr.IntervalText;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.LongType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.time.ZoneId;
import java.util.Locale;

/** Spark's {@code toSQLValue} and {@code toSQLType}: how error messages quote values and types. */
final class SqlValues {
  private SqlValues() {}

  /** A type as error messages name it: {@code "INT"}, {@code "DECIMAL(10,2)"}. */
  static String type(DataType t) {
    return "\"" + t.sql() + "\"";
  }

  /** A value (internal form) as a SQL literal: {@code 'abc'}, {@code 1L}, {@code 2.5D}. */
  static String sql(Object v, DataType t, ZoneId zone) {
    if (v == null) return "NULL";
    if (t instanceof StringType) {
      String s =
          v instanceof byte[] b
              ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
              : v.toString();
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (t instanceof BooleanType) return v.toString().toUpperCase(Locale.ROOT);
    if (t instanceof ByteType) return v + "Y";
    if (t instanceof ShortType) return v + "S";
    if (t instanceof LongType) return v + "L";
    if (t instanceof DoubleType) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) return "CAST('" + d + "' AS DOUBLE)";
      return d + "D";
    }
    if (t instanceof FloatType) {
      float f = ((Number) v).floatValue();
      if (Float.isNaN(f) || Float.isInfinite(f)) return "CAST('" + f + "' AS FLOAT)";
      return "CAST(" + f + " AS FLOAT)";
    }
    if (t instanceof DecimalType) return v + "BD";
    if (t instanceof DateType) {
      return "DATE '" + DateTimes.dateToString(((Number) v).intValue()) + "'";
    }
    if (t instanceof TimestampType) {
      return "TIMESTAMP '" + DateTimes.timestampToString(((Number) v).longValue(), zone) + "'";
    }
    if (t instanceof BinaryType) {
      StringBuilder sb = new StringBuilder("X'");
      for (byte b : (byte[]) v) sb.append(String.format("%02X", b));
      return sb.append('\'').toString();
    }
    if (t instanceof DayTimeIntervalType dt) {
      return "INTERVAL '"
          + IntervalText.dayTime(((Number) v).longValue(), dt)
          + "' "
          + dt.sql().substring("INTERVAL ".length());
    }
    if (t instanceof YearMonthIntervalType ym) {
      return "INTERVAL '"
          + IntervalText.yearMonth(((Number) v).intValue(), ym)
          + "' "
          + ym.sql().substring("INTERVAL ".length());
    }
    return String.valueOf(v);
  }
}
