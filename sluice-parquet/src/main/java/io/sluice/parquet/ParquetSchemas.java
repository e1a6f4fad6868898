package io.sluice.parquet;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.MapType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Parquet schemas to Sluice types and back, as Spark maps them. Reading follows the Parquet
 * format's backward-compatibility rules for lists and maps (two-level lists, unannotated repeated
 * fields); writing uses the standard three-level layouts Spark writes.
 */
final class ParquetSchemas {
  private ParquetSchemas() {}

  // ---------------------------------------------------------------- reading

  /** The Sluice schema of a file's message type. */
  static StructType toSluice(MessageType message) {
    return groupToStruct(message);
  }

  private static StructType groupToStruct(GroupType g) {
    List<StructField> fields = new ArrayList<>();
    for (Type t : g.getFields()) {
      DataType dt = fieldType(t);
      boolean nullable = !t.isRepetition(Type.Repetition.REQUIRED);
      if (t.isRepetition(Type.Repetition.REPEATED)) {
        // an unannotated repeated field is a list of non-null elements, never null itself
        dt = new ArrayType(typeOf(t), false);
        nullable = false;
      }
      fields.add(new StructField(t.getName(), dt, nullable));
    }
    return new StructType(fields);
  }

  /** The type of a field ignoring its own repetition. */
  private static DataType fieldType(Type t) {
    return t.isRepetition(Type.Repetition.REPEATED) ? new ArrayType(typeOf(t), false) : typeOf(t);
  }

  /** The type of a field's values (for a repeated field: of one element). */
  static DataType typeOf(Type t) {
    if (t.isPrimitive()) return primitive(t.asPrimitiveType());
    GroupType g = t.asGroupType();
    LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      Type element = listElement(g);
      boolean containsNull =
          element != null && element.isRepetition(Type.Repetition.OPTIONAL) && !isTwoLevel(g);
      if (element == null) throw illegal(g);
      return new ArrayType(typeOf(element), containsNull);
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      GroupType kv = mapKeyValue(g);
      Type key = kv.getType(0);
      Type value = kv.getFieldCount() > 1 ? kv.getType(1) : null;
      if (value == null) throw illegal(g);
      return new MapType(typeOf(key), typeOf(value), !value.isRepetition(Type.Repetition.REQUIRED));
    }
    return groupToStruct(g);
  }

  /** True when a LIST group's repeated child is itself the element (a two-level list). */
  static boolean isTwoLevel(GroupType list) {
    if (list.getFieldCount() != 1) return true;
    Type repeated = list.getType(0);
    if (repeated.isPrimitive()) return true;
    GroupType rg = repeated.asGroupType();
    return rg.getFieldCount() > 1
        || rg.getName().equals("array")
        || rg.getName().equals(list.getName() + "_tuple");
  }

  /** The element of a LIST-annotated group (the repeated child or its only field). */
  static Type listElement(GroupType list) {
    if (list.getFieldCount() != 1) return null;
    Type repeated = list.getType(0);
    if (!repeated.isRepetition(Type.Repetition.REPEATED)) return null;
    return isTwoLevel(list) ? repeated : repeated.asGroupType().getType(0);
  }

  /** The repeated key-value group of a MAP-annotated group. */
  static GroupType mapKeyValue(GroupType map) {
    if (map.getFieldCount() != 1
        || map.getType(0).isPrimitive()
        || !map.getType(0).isRepetition(Type.Repetition.REPEATED)
        || map.getType(0).asGroupType().getFieldCount() < 1
        || map.getType(0).asGroupType().getFieldCount() > 2) {
      throw illegal(map);
    }
    return map.getType(0).asGroupType();
  }

  private static DataType primitive(PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.UnknownLogicalTypeAnnotation) return DataTypes.NullType;
    if (a instanceof DecimalLogicalTypeAnnotation d) {
      if (d.getPrecision() > DecimalType.MAX_PRECISION) throw notSupported(p);
      return new DecimalType(d.getPrecision(), d.getScale());
    }
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> DataTypes.BooleanType;
      case INT32 -> int32(p, a);
      case INT64 -> int64(p, a);
      case INT96 -> DataTypes.TimestampType;
      case FLOAT -> DataTypes.FloatType;
      case DOUBLE -> DataTypes.DoubleType;
      case BINARY ->
          a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                  || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                  || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
              ? DataTypes.StringType
              : DataTypes.BinaryType;
      case FIXED_LEN_BYTE_ARRAY -> DataTypes.BinaryType;
    };
  }

  private static DataType int32(PrimitiveType p, LogicalTypeAnnotation a) {
    if (a == null) return DataTypes.IntegerType;
    if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) return DataTypes.DateType;
    if (a instanceof IntLogicalTypeAnnotation i) {
      if (i.isSigned()) {
        return switch (i.getBitWidth()) {
          case 8 -> DataTypes.ByteType;
          case 16 -> DataTypes.ShortType;
          default -> DataTypes.IntegerType;
        };
      }
      return switch (i.getBitWidth()) {
        case 8 -> DataTypes.ShortType;
        case 16 -> DataTypes.IntegerType;
        default -> DataTypes.LongType;
      };
    }
    throw notSupported(p);
  }

  private static DataType int64(PrimitiveType p, LogicalTypeAnnotation a) {
    if (a == null) return DataTypes.LongType;
    if (a instanceof IntLogicalTypeAnnotation i) {
      return i.isSigned() ? DataTypes.LongType : new DecimalType(20, 0);
    }
    if (a instanceof TimestampLogicalTypeAnnotation) return DataTypes.TimestampType;
    throw notSupported(p);
  }

  static SluiceException illegal(Type t) {
    return new io.sluice.AnalysisException(
        ErrorClass.PARQUET_TYPE_ILLEGAL, SluiceException.params("parquetType", t.toString()));
  }

  static SluiceException notSupported(Type t) {
    return new io.sluice.AnalysisException(
        ErrorClass.PARQUET_TYPE_NOT_SUPPORTED,
        SluiceException.params("parquetType", t.toString().trim()));
  }

  // ---------------------------------------------------------------- writing

  /** The message type Spark writes for a data schema. */
  static MessageType toParquet(StructType schema) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (StructField f : schema.fields()) b.addField(field(f.name(), f.dataType(), f.nullable()));
    return b.named("spark_schema");
  }

  private static Type field(String name, DataType t, boolean nullable) {
    Type.Repetition rep = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
    if (t instanceof StructType s) {
      Types.GroupBuilder<GroupType> g = Types.buildGroup(rep);
      for (StructField f : s.fields()) g.addField(field(f.name(), f.dataType(), f.nullable()));
      return g.named(name);
    }
    if (t instanceof ArrayType a) {
      return Types.buildGroup(rep)
          .as(LogicalTypeAnnotation.listType())
          .addField(
              Types.repeatedGroup()
                  .addField(field("element", a.elementType(), a.containsNull()))
                  .named("list"))
          .named(name);
    }
    if (t instanceof MapType m) {
      return Types.buildGroup(rep)
          .as(LogicalTypeAnnotation.mapType())
          .addField(
              Types.repeatedGroup()
                  .addField(field("key", m.keyType(), false))
                  .addField(field("value", m.valueType(), m.valueContainsNull()))
                  .named("key_value"))
          .named(name);
    }
    return primitiveField(name, t, rep);
  }

  private static Type primitiveField(String name, DataType t, Type.Repetition rep) {
    if (t instanceof BooleanType)
      return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
    if (t instanceof ByteType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(8, true))
          .named(name);
    }
    if (t instanceof ShortType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(16, true))
          .named(name);
    }
    if (t instanceof IntegerType) return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
    if (t instanceof LongType) return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
    if (t instanceof FloatType) return Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
    if (t instanceof DoubleType) return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
    if (t instanceof StringType) {
      return Types.primitive(PrimitiveTypeName.BINARY, rep)
          .as(LogicalTypeAnnotation.stringType())
          .named(name);
    }
    if (t instanceof BinaryType) return Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
    if (t instanceof DateType) {
      return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.dateType())
          .named(name);
    }
    if (t instanceof TimestampType) {
      return Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
          .named(name);
    }
    if (t instanceof DecimalType d) {
      LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
      if (d.precision() <= 9) {
        return Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(name);
      }
      if (d.precision() <= 18) {
        return Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(name);
      }
      return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep)
          .length(decimalBytes(d.precision()))
          .as(dec)
          .named(name);
    }
    throw new io.sluice.AnalysisException(
        ErrorClass.UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE,
        SluiceException.params(
            "columnName",
            "`" + name + "`",
            "columnType",
            "\"" + t.sql() + "\"",
            "format",
            "Parquet"));
  }

  /** The fewest bytes holding every unscaled value of a decimal of this precision. */
  static int decimalBytes(int precision) {
    int bytes = 1;
    while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) bytes++;
    return bytes;
  }
}
