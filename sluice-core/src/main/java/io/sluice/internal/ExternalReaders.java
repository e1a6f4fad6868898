package io.sluice.internal;

import io.sluice.Row;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads vector values as external Java objects. A reader is chosen once per column from its type;
 * dates and timestamps become {@code java.sql} or {@code java.time} objects depending on {@code
 * sluice.sql.datetime.java8API.enabled}.
 */
final class ExternalReaders {
  private ExternalReaders() {}

  /** Reads one row of a vector of the reader's type; {@code null} for a null row. */
  interface Reader {
    Object read(ColumnVector v, int row);
  }

  static Reader forType(DataType t, boolean java8) {
    Reader r = nonNull(t, java8);
    return (v, row) -> v.isNullAt(row) ? null : r.read(v, row);
  }

  private static Reader nonNull(DataType t, boolean java8) {
    if (t instanceof BooleanType) return (v, r) -> ((BooleanVector) v).get(r);
    if (t instanceof ByteType) return (v, r) -> ((ByteVector) v).get(r);
    if (t instanceof ShortType) return (v, r) -> ((ShortVector) v).get(r);
    if (t instanceof IntegerType) return (v, r) -> ((IntVector) v).get(r);
    if (t instanceof LongType) return (v, r) -> ((LongVector) v).get(r);
    if (t instanceof FloatType) return (v, r) -> ((FloatVector) v).get(r);
    if (t instanceof DoubleType) return (v, r) -> ((DoubleVector) v).get(r);
    if (t instanceof StringType) return (v, r) -> ((BytesVector) v).getString(r);
    if (t instanceof BinaryType) return (v, r) -> ((BytesVector) v).getBytes(r);
    if (t instanceof DecimalType) return (v, r) -> ((DecimalVector) v).getDecimal(r);
    if (t instanceof DateType) {
      return java8
          ? (v, r) -> LocalDate.ofEpochDay(((IntVector) v).get(r))
          : (v, r) -> ExternalTypes.toSqlDate(((IntVector) v).get(r));
    }
    if (t instanceof TimestampType) {
      return java8
          ? (v, r) -> ExternalTypes.toInstant(((LongVector) v).get(r))
          : (v, r) -> ExternalTypes.toTimestamp(((LongVector) v).get(r));
    }
    if (t instanceof DayTimeIntervalType) {
      return (v, r) -> ExternalTypes.toDuration(((LongVector) v).get(r));
    }
    if (t instanceof YearMonthIntervalType) {
      return (v, r) -> ExternalTypes.toPeriod(((IntVector) v).get(r));
    }
    if (t instanceof CalendarIntervalType) return ColumnVector::getObject;
    if (t instanceof StructType s) return structReader(s, java8);
    if (t instanceof ArrayType a) return arrayReader(a, java8);
    if (t instanceof MapType m) return mapReader(m, java8);
    if (t instanceof NullType) return (v, r) -> null;
    throw new IllegalArgumentException("No external reader for type " + t.simpleString());
  }

  private static Reader structReader(StructType s, boolean java8) {
    Reader[] fields = new Reader[s.length()];
    for (int i = 0; i < fields.length; i++) fields[i] = forType(s.get(i).dataType(), java8);
    return (v, r) -> {
      StructVector sv = (StructVector) v;
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) values[i] = fields[i].read(sv.child(i), r);
      return new Row(values, s);
    };
  }

  private static Reader arrayReader(ArrayType a, boolean java8) {
    Reader element = forType(a.elementType(), java8);
    return (v, r) -> {
      ArrayVector av = (ArrayVector) v;
      int start = av.start(r);
      int n = av.length(r);
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) out.add(element.read(av.elements(), start + i));
      return Collections.unmodifiableList(out);
    };
  }

  private static Reader mapReader(MapType m, boolean java8) {
    Reader key = forType(m.keyType(), java8);
    Reader value = forType(m.valueType(), java8);
    return (v, r) -> {
      MapVector mv = (MapVector) v;
      int start = mv.start(r);
      int n = mv.length(r);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        out.put(key.read(mv.keys(), start + i), value.read(mv.values(), start + i));
      }
      return Collections.unmodifiableMap(out);
    };
  }
}
