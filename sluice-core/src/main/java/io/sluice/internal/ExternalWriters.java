package io.sluice.internal;

import io.sluice.Row;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
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
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.CalendarInterval;
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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * Appends external Java values to column vectors. A writer is chosen once per column from its type;
 * it checks each value's class and fails with {@code INVALID_EXTERNAL_TYPE} naming the field path,
 * or with {@code NOT_NULL_ASSERT_VIOLATION} for a null in a non-nullable field.
 */
final class ExternalWriters {
  private ExternalWriters() {}

  /** Appends one value (possibly null) to a vector of the writer's type. */
  interface Writer {
    void write(ColumnVector target, Object value);
  }

  /** A writer for values of {@code type} at {@code path} (e.g. {@code `s`.`x`}). */
  static Writer forType(DataType type, boolean nullable, String path, boolean ansi) {
    Writer w = nonNull(type, path, ansi);
    return (target, value) -> {
      if (value == null) {
        if (!nullable) {
          throw new SluiceIllegalArgumentException(
              ErrorClass.NOT_NULL_ASSERT_VIOLATION, SluiceException.params("walkedTypePath", path));
        }
        target.appendNull();
      } else {
        w.write(target, value);
      }
    };
  }

  private static SluiceIllegalArgumentException invalid(Object v, DataType t, String path) {
    return new SluiceIllegalArgumentException(
        ErrorClass.INVALID_EXTERNAL_TYPE,
        SluiceException.params(
            "externalType", v.getClass().getName(), "type", "\"" + t.sql() + "\"", "expr", path));
  }

  private static Writer nonNull(DataType t, String path, boolean ansi) {
    if (t instanceof BooleanType) {
      return (v, x) ->
          ((BooleanVector) v).append((boolean) (x instanceof Boolean b ? b : fail(x, t, path)));
    }
    if (t instanceof ByteType) {
      return (v, x) -> ((ByteVector) v).append((byte) (x instanceof Byte b ? b : fail(x, t, path)));
    }
    if (t instanceof ShortType) {
      return (v, x) ->
          ((ShortVector) v).append((short) (x instanceof Short s ? s : fail(x, t, path)));
    }
    if (t instanceof IntegerType) {
      return (v, x) ->
          ((IntVector) v).append((int) (x instanceof Integer i ? i : fail(x, t, path)));
    }
    if (t instanceof LongType) {
      return (v, x) -> ((LongVector) v).append((long) (x instanceof Long l ? l : fail(x, t, path)));
    }
    if (t instanceof FloatType) {
      return (v, x) ->
          ((FloatVector) v).append((float) (x instanceof Float f ? f : fail(x, t, path)));
    }
    if (t instanceof DoubleType) {
      return (v, x) ->
          ((DoubleVector) v).append((double) (x instanceof Double d ? d : fail(x, t, path)));
    }
    if (t instanceof StringType) {
      return (v, x) ->
          ((BytesVector) v)
              .appendString(
                  x instanceof String s
                      ? s
                      : x instanceof Character c ? String.valueOf(c) : fail(x, t, path));
    }
    if (t instanceof BinaryType) {
      return (v, x) -> ((BytesVector) v).appendBytes(x instanceof byte[] b ? b : fail(x, t, path));
    }
    if (t instanceof DecimalType d) {
      return decimalWriter(d, path, ansi);
    }
    if (t instanceof DateType) {
      return (v, x) -> ((IntVector) v).append(dateValue(x, t, path));
    }
    if (t instanceof TimestampType) {
      return (v, x) -> ((LongVector) v).append(timestampValue(x, t, path));
    }
    if (t instanceof DayTimeIntervalType dt) {
      long unit = unitMicros(dt.endField());
      return (v, x) -> {
        long micros = ExternalTypes.microsOf(x instanceof Duration d ? d : fail(x, t, path));
        ((LongVector) v).append(micros - micros % unit);
      };
    }
    if (t instanceof YearMonthIntervalType ym) {
      boolean years = ym.endField() == YearMonthIntervalType.YEAR;
      return (v, x) -> {
        int months = ExternalTypes.monthsOf(x instanceof Period p ? p : fail(x, t, path));
        ((IntVector) v).append(years ? months - months % 12 : months);
      };
    }
    if (t instanceof CalendarIntervalType) {
      return (v, x) -> v.append(x instanceof CalendarInterval c ? c : fail(x, t, path));
    }
    if (t instanceof StructType s) {
      return structWriter(s, path, ansi);
    }
    if (t instanceof ArrayType a) {
      return arrayWriter(a, path, ansi);
    }
    if (t instanceof MapType m) {
      return mapWriter(m, path, ansi);
    }
    if (t instanceof NullType) {
      return (v, x) -> fail(x, t, path);
    }
    throw new IllegalArgumentException("No external writer for type " + t.simpleString());
  }

  private static <T> T fail(Object x, DataType t, String path) {
    throw invalid(x, t, path);
  }

  private static int dateValue(Object x, DataType t, String path) {
    if (x instanceof java.sql.Date d) return ExternalTypes.daysOf(d);
    if (x instanceof LocalDate d) return Math.toIntExact(d.toEpochDay());
    return fail(x, t, path);
  }

  private static long timestampValue(Object x, DataType t, String path) {
    if (x instanceof java.sql.Timestamp ts) return ExternalTypes.microsOf(ts.toInstant());
    if (x instanceof Instant i) return ExternalTypes.microsOf(i);
    return fail(x, t, path);
  }

  private static long unitMicros(byte endField) {
    return switch (endField) {
      case DayTimeIntervalType.DAY -> 86_400_000_000L;
      case DayTimeIntervalType.HOUR -> 3_600_000_000L;
      case DayTimeIntervalType.MINUTE -> 60_000_000L;
      default -> 1L;
    };
  }

  private static Writer decimalWriter(DecimalType d, String path, boolean ansi) {
    return (v, x) -> {
      BigDecimal value;
      if (x instanceof BigDecimal b) {
        value = b;
      } else if (x instanceof BigInteger b) {
        value = new BigDecimal(b);
      } else {
        throw invalid(x, d, path);
      }
      BigDecimal scaled = value.setScale(d.scale(), RoundingMode.HALF_UP);
      if (scaled.precision() > d.precision()) {
        if (!ansi) {
          v.appendNull();
          return;
        }
        throw new SluiceArithmeticException(
            ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE,
            SluiceException.params(
                "value",
                value.toPlainString(),
                "precision",
                String.valueOf(d.precision()),
                "scale",
                String.valueOf(d.scale()),
                "config",
                "\"spark.sql.ansi.enabled\""));
      }
      ((DecimalVector) v).append(scaled);
    };
  }

  private static Writer structWriter(StructType s, String path, boolean ansi) {
    Writer[] fields = new Writer[s.length()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] =
          forType(
              s.get(i).dataType(), s.get(i).nullable(), path + "." + quote(s.get(i).name()), ansi);
    }
    return (v, x) -> {
      if (!(x instanceof Row r)) throw invalid(x, s, path);
      if (r.size() != fields.length) {
        throw new SluiceIllegalArgumentException(
            ErrorClass.ROW_LENGTH_MISMATCH,
            SluiceException.params(
                "rowIndex",
                "at " + path,
                "actual",
                String.valueOf(r.size()),
                "schema",
                "\"" + s.sql() + "\"",
                "expected",
                String.valueOf(fields.length)));
      }
      StructVector sv = (StructVector) v;
      for (int i = 0; i < fields.length; i++) fields[i].write(sv.child(i), r.get(i));
      sv.appendRowOfChildren(false);
    };
  }

  private static Writer arrayWriter(ArrayType a, String path, boolean ansi) {
    Writer element = forType(a.elementType(), a.containsNull(), path + ".element", ansi);
    return (v, x) -> {
      ArrayVector av = (ArrayVector) v;
      if (x instanceof List<?> list) {
        for (Object e : list) element.write(av.elements(), e);
      } else if (x instanceof Object[] arr) {
        for (Object e : arr) element.write(av.elements(), e);
      } else {
        throw invalid(x, a, path);
      }
      av.commitRow();
    };
  }

  private static Writer mapWriter(MapType m, String path, boolean ansi) {
    Writer key = forType(m.keyType(), true, path + ".key", ansi);
    Writer value = forType(m.valueType(), m.valueContainsNull(), path + ".value", ansi);
    return (v, x) -> {
      if (!(x instanceof Map<?, ?> map)) throw invalid(x, m, path);
      MapVector mv = (MapVector) v;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getKey() == null) {
          throw new SluiceIllegalArgumentException(ErrorClass.NULL_MAP_KEY, Map.of());
        }
        key.write(mv.keys(), e.getKey());
        value.write(mv.values(), e.getValue());
      }
      mv.commitRow();
    };
  }

  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
