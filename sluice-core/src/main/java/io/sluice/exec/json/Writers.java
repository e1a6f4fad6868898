package io.sluice.exec.json;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;

/** Builds the value writer for a type, and checks which types the JSON source reads. */
public final class Writers {
  private Writers() {}

  public static ValueWriter forType(DataType t, ReadContext ctx) {
    boolean nonNumeric = ctx.options.allowNonNumericNumbers;
    if (t instanceof LongType) return new ScalarWriters.LongWriter();
    if (t instanceof IntegerType) return new ScalarWriters.IntWriter();
    if (t instanceof ShortType) return new ScalarWriters.ShortWriter();
    if (t instanceof ByteType) return new ScalarWriters.ByteWriter();
    if (t instanceof BooleanType) return new ScalarWriters.BooleanWriter();
    if (t instanceof DoubleType) return new ScalarWriters.DoubleWriter(nonNumeric);
    if (t instanceof FloatType) return new ScalarWriters.FloatWriter(nonNumeric);
    if (t instanceof DecimalType d) return new ScalarWriters.DecimalWriter(d);
    if (t instanceof StringType) return new ScalarWriters.StringWriter(ctx);
    if (t instanceof BinaryType) return new ScalarWriters.BinaryWriter();
    if (t instanceof TimestampType) return new ScalarWriters.TimestampWriter(ctx);
    if (t instanceof DateType) return new ScalarWriters.DateWriter(ctx);
    if (t instanceof NullType) return new ScalarWriters.NullWriter();
    if (t instanceof StructType s) return new NestedWriters.StructWriter(s, ctx, null);
    if (t instanceof ArrayType a) {
      return new NestedWriters.ArrayWriter(forType(a.elementType(), ctx));
    }
    if (t instanceof MapType m) return new NestedWriters.MapWriter(forType(m.valueType(), ctx));
    throw new IllegalStateException("unchecked type " + t.simpleString());
  }

  /**
   * Fails with {@code UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE} for a column the JSON source cannot
   * read: intervals, and maps whose keys are not strings.
   */
  public static void checkSupported(StructType schema) {
    for (StructField f : schema.fields()) {
      if (!supported(f.dataType())) {
        throw new io.sluice.AnalysisException(
            ErrorClass.UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE,
            SluiceException.params(
                "format",
                "JSON",
                "columnName",
                "`" + f.name() + "`",
                "columnType",
                "\"" + f.dataType().sql() + "\""));
      }
    }
  }

  private static boolean supported(DataType t) {
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (!supported(f.dataType())) return false;
      }
      return true;
    }
    if (t instanceof ArrayType a) return supported(a.elementType());
    if (t instanceof MapType m)
      return m.keyType() instanceof StringType && supported(m.valueType());
    return t instanceof LongType
        || t instanceof IntegerType
        || t instanceof ShortType
        || t instanceof ByteType
        || t instanceof BooleanType
        || t instanceof DoubleType
        || t instanceof FloatType
        || t instanceof DecimalType
        || t instanceof StringType
        || t instanceof BinaryType
        || t instanceof TimestampType
        || t instanceof DateType
        || t instanceof NullType;
  }
}
