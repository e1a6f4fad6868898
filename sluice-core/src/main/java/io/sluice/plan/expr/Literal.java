package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A constant in internal form (see {@code ColumnVector}): Integer for int and date, Long for
 * bigint, timestamp and day-time interval, String for string, BigDecimal for decimal, etc.
 */
public record Literal(Object value, DataType dataType) implements LeafExpression {

  public Literal {
    Objects.requireNonNull(dataType, "dataType");
  }

  public static final Literal NULL = new Literal(null, DataTypes.NullType);
  public static final Literal TRUE = new Literal(Boolean.TRUE, DataTypes.BooleanType);
  public static final Literal FALSE = new Literal(Boolean.FALSE, DataTypes.BooleanType);

  public static Literal of(int v) {
    return new Literal(v, DataTypes.IntegerType);
  }

  public static Literal of(long v) {
    return new Literal(v, DataTypes.LongType);
  }

  public static Literal of(double v) {
    return new Literal(v, DataTypes.DoubleType);
  }

  public static Literal of(String v) {
    return new Literal(v, DataTypes.StringType);
  }

  public static Literal of(boolean v) {
    return v ? TRUE : FALSE;
  }

  @Override
  public boolean nullable() {
    return value == null;
  }

  @Override
  public boolean foldable() {
    return true;
  }

  /**
   * The pretty form Spark uses in generated column names: the value as text without quotes or
   * suffixes ({@code 1}, {@code x}, {@code NULL}); dates, timestamps and intervals in SQL form.
   */
  @Override
  public String sql() {
    if (value == null) return "NULL";
    return LiteralFormat.pretty(value, dataType);
  }

  @Override
  public String toString() {
    return sql();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Literal l
        && dataType.equals(l.dataType)
        && (value instanceof byte[] b
            ? l.value instanceof byte[] b2 && java.util.Arrays.equals(b, b2)
            : value instanceof BigDecimal d
                ? l.value instanceof BigDecimal d2 && d.compareTo(d2) == 0
                : Objects.equals(value, l.value));
  }

  @Override
  public int hashCode() {
    return dataType.hashCode() * 31
        + (value instanceof byte[] b ? java.util.Arrays.hashCode(b) : Objects.hashCode(value));
  }
}
