package io.sluice.internal;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.plan.expr.Literal;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** Turns a Java value into a typed {@link Literal} in internal form, as Spark's {@code lit}. */
public final class Literals {
  private Literals() {}

  /** The literal of {@code v}; fails with {@code UNSUPPORTED_FEATURE.LITERAL_TYPE}. */
  public static Literal of(Object v) {
    if (v == null) return Literal.NULL;
    if (v instanceof Integer i) return new Literal(i, DataTypes.IntegerType);
    if (v instanceof Long l) return new Literal(l, DataTypes.LongType);
    if (v instanceof String s) return new Literal(s, DataTypes.StringType);
    if (v instanceof Boolean b) return Literal.of(b);
    if (v instanceof Double d) return new Literal(d, DataTypes.DoubleType);
    if (v instanceof Float f) return new Literal(f, DataTypes.FloatType);
    if (v instanceof Short s) return new Literal(s, DataTypes.ShortType);
    if (v instanceof Byte b) return new Literal(b, DataTypes.ByteType);
    if (v instanceof Character c) return new Literal(String.valueOf(c), DataTypes.StringType);
    if (v instanceof BigDecimal d) return decimal(d);
    if (v instanceof BigInteger b) return decimal(new BigDecimal(b));
    if (v instanceof byte[] b) return new Literal(b.clone(), DataTypes.BinaryType);
    if (v instanceof java.sql.Date d) {
      return new Literal(ExternalTypes.daysOf(d), DataTypes.DateType);
    }
    if (v instanceof LocalDate d) return new Literal((int) d.toEpochDay(), DataTypes.DateType);
    if (v instanceof java.sql.Timestamp t) {
      return new Literal(ExternalTypes.microsOf(t.toInstant()), DataTypes.TimestampType);
    }
    if (v instanceof Instant i) {
      return new Literal(ExternalTypes.microsOf(i), DataTypes.TimestampType);
    }
    if (v instanceof Duration d) {
      return new Literal(ExternalTypes.microsOf(d), DataTypes.DayTimeIntervalType);
    }
    if (v instanceof Period p) {
      return new Literal(ExternalTypes.monthsOf(p), DataTypes.YearMonthIntervalType);
    }
    if (v instanceof CalendarInterval c) return new Literal(c, DataTypes.CalendarIntervalType);
    throw new SluiceIllegalArgumentException(
        ErrorClass.UNSUPPORTED_LITERAL_TYPE,
        SluiceException.params("value", String.valueOf(v), "type", v.getClass().getName()));
  }

  /** Spark's type of a decimal literal: precision max(precision, scale), the value's scale. */
  private static Literal decimal(BigDecimal d) {
    BigDecimal v = d.scale() < 0 ? d.setScale(0) : d;
    int precision = Math.max(v.precision(), v.scale());
    if (precision > DecimalType.MAX_PRECISION) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.UNSUPPORTED_LITERAL_TYPE,
          SluiceException.params(
              "value", d.toPlainString(), "type", "java.math.BigDecimal with more than 38 digits"));
    }
    return new Literal(v, new DecimalType(precision, v.scale()));
  }
}
