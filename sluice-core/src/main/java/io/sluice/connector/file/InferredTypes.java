package io.sluice.connector.file;

import io.sluice.types.ArrayType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's type merging for the schema inference of file sources (JSON, CSV): the tightest common
 * type where one exists (numeric widening, null with anything), else double for double and decimal,
 * wider decimals, structs merged by field name, arrays by element type, and string for anything
 * else (also for a date with a timestamp, as CSV inference wants).
 */
public final class InferredTypes {
  private InferredTypes() {}

  public static DataType compatibleType(DataType t1, DataType t2) {
    DataType tight = tightestCommonType(t1, t2);
    if (tight != null) return tight;
    if ((t1 instanceof DoubleType && t2 instanceof DecimalType)
        || (t1 instanceof DecimalType && t2 instanceof DoubleType)) {
      return DataTypes.DoubleType;
    }
    if (t1 instanceof DecimalType d1 && t2 instanceof DecimalType d2) {
      int scale = Math.max(d1.scale(), d2.scale());
      int range = Math.max(d1.precision() - d1.scale(), d2.precision() - d2.scale());
      return range + scale > DecimalType.MAX_PRECISION
          ? DataTypes.DoubleType
          : new DecimalType(range + scale, scale);
    }
    if (t1 instanceof StructType s1 && t2 instanceof StructType s2) return mergeStructs(s1, s2);
    if (t1 instanceof ArrayType a1 && t2 instanceof ArrayType a2) {
      return new ArrayType(
          compatibleType(a1.elementType(), a2.elementType()),
          a1.containsNull() || a2.containsNull());
    }
    if (t1.isIntegral() && t2 instanceof DecimalType d) {
      return compatibleType(DecimalType.forType(t1), d);
    }
    if (t1 instanceof DecimalType d && t2.isIntegral()) {
      return compatibleType(d, DecimalType.forType(t2));
    }
    return DataTypes.StringType;
  }

  /** Spark's {@code findTightestCommonType} for the types inference produces, or null. */
  private static DataType tightestCommonType(DataType t1, DataType t2) {
    if (t1.equals(t2)) return t1;
    if (t1 instanceof NullType) return t2;
    if (t2 instanceof NullType) return t1;
    if (t1.isIntegral() && t2 instanceof DecimalType d && widerThan(d, t1)) return d;
    if (t2.isIntegral() && t1 instanceof DecimalType d && widerThan(d, t2)) return d;
    int r1 = numericRank(t1);
    int r2 = numericRank(t2);
    if (r1 >= 0 && r2 >= 0) return r1 >= r2 ? t1 : t2;
    return null;
  }

  private static boolean widerThan(DecimalType d, DataType integral) {
    DecimalType o = DecimalType.forType(integral);
    return d.precision() - d.scale() >= o.precision() - o.scale() && d.scale() >= o.scale();
  }

  private static int numericRank(DataType t) {
    if (t instanceof ByteType) return 0;
    if (t instanceof ShortType) return 1;
    if (t instanceof IntegerType) return 2;
    if (t instanceof LongType) return 3;
    if (t instanceof FloatType) return 4;
    if (t instanceof DoubleType) return 5;
    return -1;
  }

  /** Merges two structs whose fields are sorted by name. */
  public static StructType mergeStructs(StructType s1, StructType s2) {
    StructField[] f1 = s1.fields();
    StructField[] f2 = s2.fields();
    List<StructField> out = new ArrayList<>(f1.length + f2.length);
    int i = 0;
    int j = 0;
    while (i < f1.length && j < f2.length) {
      int c = f1[i].name().compareTo(f2[j].name());
      if (c == 0) {
        out.add(
            new StructField(
                f1[i].name(), compatibleType(f1[i].dataType(), f2[j].dataType()), true));
        i++;
        j++;
      } else if (c < 0) {
        out.add(f1[i++]);
      } else {
        out.add(f2[j++]);
      }
    }
    while (i < f1.length) out.add(f1[i++]);
    while (j < f2.length) out.add(f2[j++]);
    return new StructType(out);
  }

  /**
   * Spark's {@code canonicalizeType}: null types become strings (or are dropped with {@code
   * dropFieldIfAllNull}), empty structs and fields with empty names are dropped, and so are arrays
   * whose element type was dropped. Returns null for a dropped type.
   */
  public static DataType canonicalize(DataType t, boolean dropFieldIfAllNull) {
    if (t instanceof ArrayType a) {
      DataType e = canonicalize(a.elementType(), dropFieldIfAllNull);
      return e == null ? null : new ArrayType(e, a.containsNull());
    }
    if (t instanceof StructType s) {
      List<StructField> fields = new ArrayList<>();
      for (StructField f : s.fields()) {
        if (f.name().isEmpty()) continue;
        DataType c = canonicalize(f.dataType(), dropFieldIfAllNull);
        if (c != null) fields.add(new StructField(f.name(), c, f.nullable()));
      }
      return fields.isEmpty() ? null : new StructType(fields);
    }
    if (t instanceof NullType) return dropFieldIfAllNull ? null : DataTypes.StringType;
    return t;
  }
}
