package io.sluice.internal;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.IntervalText;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Spark's {@code ToPrettyString}, used by {@code show()}: the cast-to-string of each value with
 * {@code NULL} for nulls (also inside arrays, maps and structs), structs and maps in braces,
 * decimals in plain notation and binary as hex bytes ({@code [01 FF]}). Timestamps are shown in the
 * session time zone. A formatter is built once per column type.
 */
public final class PrettyFormatter {
  /** Appends the text of one non-null value. */
  private interface Appender {
    void append(StringBuilder sb, ColumnVector v, int row);
  }

  private static final String NULL = "NULL";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Appender appender;

  private PrettyFormatter(Appender appender) {
    this.appender = appender;
  }

  /** A formatter for values of {@code type}, showing timestamps in {@code zone}. */
  public static PrettyFormatter forType(DataType type, ZoneId zone) {
    return new PrettyFormatter(appender(type, zone));
  }

  /** The text of every row of {@code v}. */
  public String[] format(ColumnVector v, int numRows) {
    String[] out = new String[numRows];
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < numRows; r++) {
      if (v.isNullAt(r)) {
        out[r] = NULL;
      } else {
        sb.setLength(0);
        appender.append(sb, v, r);
        out[r] = sb.toString();
      }
    }
    return out;
  }

  private static Appender appender(DataType t, ZoneId zone) {
    if (t instanceof BooleanType) return (sb, v, r) -> sb.append(((BooleanVector) v).get(r));
    if (t instanceof ByteType) return (sb, v, r) -> sb.append(((ByteVector) v).get(r));
    if (t instanceof ShortType) return (sb, v, r) -> sb.append(((ShortVector) v).get(r));
    if (t instanceof IntegerType) return (sb, v, r) -> sb.append(((IntVector) v).get(r));
    if (t instanceof LongType) return (sb, v, r) -> sb.append(((LongVector) v).get(r));
    if (t instanceof FloatType) return (sb, v, r) -> sb.append(((FloatVector) v).get(r));
    if (t instanceof DoubleType) return (sb, v, r) -> sb.append(((DoubleVector) v).get(r));
    if (t instanceof StringType) return (sb, v, r) -> sb.append(((BytesVector) v).getString(r));
    if (t instanceof BinaryType) return (sb, v, r) -> hex(sb, ((BytesVector) v).getBytes(r));
    if (t instanceof DecimalType) {
      return (sb, v, r) -> sb.append(((DecimalVector) v).getDecimal(r).toPlainString());
    }
    if (t instanceof DateType) {
      return (sb, v, r) -> sb.append(LocalDate.ofEpochDay(((IntVector) v).get(r)));
    }
    if (t instanceof TimestampType) {
      return (sb, v, r) -> timestamp(sb, ((LongVector) v).get(r), zone);
    }
    if (t instanceof DayTimeIntervalType dt) {
      String suffix = "' " + dt.sql().substring("INTERVAL ".length());
      return (sb, v, r) ->
          sb.append("INTERVAL '")
              .append(IntervalText.dayTime(((LongVector) v).get(r), dt))
              .append(suffix);
    }
    if (t instanceof YearMonthIntervalType ym) {
      String suffix = "' " + ym.sql().substring("INTERVAL ".length());
      return (sb, v, r) ->
          sb.append("INTERVAL '")
              .append(IntervalText.yearMonth(((IntVector) v).get(r), ym))
              .append(suffix);
    }
    if (t instanceof CalendarIntervalType) return (sb, v, r) -> sb.append(v.getObject(r));
    if (t instanceof ArrayType a) return array(a, zone);
    if (t instanceof MapType m) return map(m, zone);
    if (t instanceof StructType s) return struct(s, zone);
    if (t instanceof NullType) return (sb, v, r) -> sb.append(NULL);
    throw new IllegalArgumentException("Cannot show values of type " + t.simpleString());
  }

  private static void hex(StringBuilder sb, byte[] bytes) {
    sb.append('[');
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) sb.append(' ');
      sb.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
    }
    sb.append(']');
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]} with trailing zeros of the fraction removed. */
  static void timestamp(StringBuilder sb, long micros, ZoneId zone) {
    LocalDateTime t = LocalDateTime.ofInstant(ExternalTypes.toInstant(micros), zone);
    sb.append(t.toLocalDate()).append(' ');
    pad2(sb, t.getHour());
    sb.append(':');
    pad2(sb, t.getMinute());
    sb.append(':');
    pad2(sb, t.getSecond());
    int fraction = t.getNano() / 1000;
    if (fraction != 0) {
      String f = String.format("%06d", fraction);
      int end = f.length();
      while (f.charAt(end - 1) == '0') end--;
      sb.append('.').append(f, 0, end);
    }
  }

  private static void pad2(StringBuilder sb, int v) {
    if (v < 10) sb.append('0');
    sb.append(v);
  }

  private static void element(StringBuilder sb, Appender a, ColumnVector v, int row) {
    if (v.isNullAt(row)) {
      sb.append(NULL);
    } else {
      a.append(sb, v, row);
    }
  }

  private static Appender array(ArrayType type, ZoneId zone) {
    Appender e = appender(type.elementType(), zone);
    return (sb, v, r) -> {
      ArrayVector av = (ArrayVector) v;
      sb.append('[');
      for (int i = 0; i < av.length(r); i++) {
        if (i > 0) sb.append(", ");
        element(sb, e, av.elements(), av.start(r) + i);
      }
      sb.append(']');
    };
  }

  private static Appender map(MapType type, ZoneId zone) {
    Appender k = appender(type.keyType(), zone);
    Appender val = appender(type.valueType(), zone);
    return (sb, v, r) -> {
      MapVector mv = (MapVector) v;
      sb.append('{');
      for (int i = 0; i < mv.length(r); i++) {
        if (i > 0) sb.append(", ");
        element(sb, k, mv.keys(), mv.start(r) + i);
        sb.append(" -> ");
        element(sb, val, mv.values(), mv.start(r) + i);
      }
      sb.append('}');
    };
  }

  private static Appender struct(StructType type, ZoneId zone) {
    Appender[] fields = new Appender[type.length()];
    for (int i = 0; i < fields.length; i++) fields[i] = appender(type.get(i).dataType(), zone);
    return (sb, v, r) -> {
      StructVector s = (StructVector) v;
      sb.append('{');
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) sb.append(", ");
        element(sb, fields[i], s.child(i), r);
      }
      sb.append('}');
    };
  }
}
