package io.sluice.types;

import java.util.List;

/** Singletons and factories of data types, as Spark's {@code DataTypes}. */
public final class DataTypes {
  public static final DataType BooleanType = io.sluice.types.BooleanType.INSTANCE;
  public static final DataType ByteType = io.sluice.types.ByteType.INSTANCE;
  public static final DataType ShortType = io.sluice.types.ShortType.INSTANCE;
  public static final DataType IntegerType = io.sluice.types.IntegerType.INSTANCE;
  public static final DataType LongType = io.sluice.types.LongType.INSTANCE;
  public static final DataType FloatType = io.sluice.types.FloatType.INSTANCE;
  public static final DataType DoubleType = io.sluice.types.DoubleType.INSTANCE;
  public static final DataType StringType = io.sluice.types.StringType.INSTANCE;
  public static final DataType BinaryType = io.sluice.types.BinaryType.INSTANCE;
  public static final DataType DateType = io.sluice.types.DateType.INSTANCE;
  public static final DataType TimestampType = io.sluice.types.TimestampType.INSTANCE;
  public static final DataType CalendarIntervalType = io.sluice.types.CalendarIntervalType.INSTANCE;
  public static final DataType NullType = io.sluice.types.NullType.INSTANCE;

  /** {@code INTERVAL DAY TO SECOND}. */
  public static final DayTimeIntervalType DayTimeIntervalType =
      new DayTimeIntervalType(
          io.sluice.types.DayTimeIntervalType.DAY, io.sluice.types.DayTimeIntervalType.SECOND);

  /** {@code INTERVAL YEAR TO MONTH}. */
  public static final YearMonthIntervalType YearMonthIntervalType =
      new YearMonthIntervalType(
          io.sluice.types.YearMonthIntervalType.YEAR, io.sluice.types.YearMonthIntervalType.MONTH);

  private DataTypes() {}

  public static DecimalType createDecimalType(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  public static DecimalType createDecimalType() {
    return DecimalType.USER_DEFAULT;
  }

  public static ArrayType createArrayType(DataType elementType) {
    return new ArrayType(elementType, true);
  }

  public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
    return new ArrayType(elementType, containsNull);
  }

  public static MapType createMapType(DataType keyType, DataType valueType) {
    return new MapType(keyType, valueType, true);
  }

  public static MapType createMapType(
      DataType keyType, DataType valueType, boolean valueContainsNull) {
    return new MapType(keyType, valueType, valueContainsNull);
  }

  public static StructField createStructField(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable);
  }

  public static StructType createStructType(List<StructField> fields) {
    return new StructType(fields);
  }

  public static StructType createStructType(StructField[] fields) {
    return new StructType(fields);
  }

  /** Parses one type in DDL, e.g. {@code int}, {@code array<struct<x: double>>}. */
  public static DataType fromDDL(String ddl) {
    return new TypeParser(ddl).parseSingleType();
  }

  /** Backquotes a name unless it is a plain identifier, as Spark's {@code quoteIfNeeded}. */
  public static String quoteIfNeeded(String name) {
    if (!name.isEmpty() && name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      return name;
    }
    return "`" + name.replace("`", "``") + "`";
  }

  /** The same type with every nested element, value and field nullable. */
  public static DataType asNullable(DataType t) {
    if (t instanceof StructType s) return s.asNullable();
    if (t instanceof ArrayType a) return new ArrayType(asNullable(a.elementType()), true);
    if (t instanceof MapType m) {
      return new MapType(asNullable(m.keyType()), asNullable(m.valueType()), true);
    }
    return t;
  }

  /** True when the types are equal ignoring nullability flags. */
  public static boolean equalsIgnoreNullability(DataType a, DataType b) {
    return asNullable(a).equals(asNullable(b));
  }
}
