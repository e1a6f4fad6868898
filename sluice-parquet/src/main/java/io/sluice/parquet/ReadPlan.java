package io.sluice.parquet;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.parquet.LeafColumn.Conv;
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
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * How the columns of a read schema come out of one file: a {@link ReadNode} per column (null for
 * columns filled from elsewhere: partition values) and the leaf columns to read. Columns the file
 * lacks read as nulls; a column whose file type cannot become the read type fails with {@code
 * FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH} naming the file and the column.
 */
final class ReadPlan {
  final ReadNode[] columns;
  final List<LeafColumn> leaves;

  private ReadPlan(ReadNode[] columns, List<LeafColumn> leaves) {
    this.columns = columns;
    this.leaves = leaves;
  }

  /** The plan of {@code readSchema} over a file of {@code file} schema. */
  static ReadPlan of(StructType readSchema, boolean[] external, MessageType file, String path) {
    Builder b = new Builder(file, path);
    ReadNode[] columns = new ReadNode[readSchema.length()];
    for (int i = 0; i < columns.length; i++) {
      if (external[i]) continue;
      StructField f = readSchema.get(i);
      Type t = find(file, f.name());
      List<String> p = new ArrayList<>();
      columns[i] =
          t == null ? new ReadNode.Absent(f.dataType()) : b.node(f.dataType(), t, 0, 0, 0, 0, p);
    }
    return new ReadPlan(columns, List.copyOf(b.leaves));
  }

  /** A group's field by name: exactly, else ignoring case (as Spark's case-insensitive mode). */
  static Type find(GroupType g, String name) {
    if (g.containsField(name)) return g.getType(name);
    for (Type t : g.getFields()) {
      if (t.getName().equalsIgnoreCase(name)) return t;
    }
    return null;
  }

  private static final class Builder {
    private final MessageType file;
    private final String path;
    private final List<LeafColumn> leaves = new ArrayList<>();

    Builder(MessageType file, String path) {
      this.file = file;
      this.path = path;
    }

    /** The node of field {@code t} whose parent is at levels {@code (def, rep)}. */
    ReadNode node(
        DataType want, Type t, int def, int rep, int slotRep, int slotDef, List<String> path) {
      path.add(t.getName());
      try {
        if (t.isRepetition(Type.Repetition.REPEATED)) {
          // an unannotated repeated field: a list of non-null elements that is never null
          if (!(want instanceof ArrayType a)) throw mismatch(want, t, path);
          int d = def + 1;
          int r = rep + 1;
          ReadNode element = content(a.elementType(), t, d, r, r, d, path);
          return repeated(want, def, slotRep, slotDef, r, d, element, null);
        }
        int d = t.isRepetition(Type.Repetition.OPTIONAL) ? def + 1 : def;
        return content(want, t, d, rep, slotRep, slotDef, path);
      } finally {
        path.remove(path.size() - 1);
      }
    }

    /** The node of {@code t}'s values, {@code t} itself at levels {@code (d, r)}. */
    private ReadNode content(
        DataType want, Type t, int d, int r, int slotRep, int slotDef, List<String> path) {
      if (t.getLogicalTypeAnnotation()
          instanceof LogicalTypeAnnotation.UnknownLogicalTypeAnnotation) {
        return new ReadNode.Absent(want); // a column of nulls only (DuckDB's NULL type)
      }
      if (t.isPrimitive()) {
        ColumnDescriptor desc = file.getColumnDescription(path.toArray(new String[0]));
        Conv conv = conv(want, t.asPrimitiveType(), path);
        boolean keepLevels = desc.getMaxRepetitionLevel() > 0 || path.size() > 1;
        LeafColumn leaf = new LeafColumn(desc, want, conv, slotRep, slotDef, keepLevels);
        leaves.add(leaf);
        return new ReadNode.Leaf(leaf);
      }
      GroupType g = t.asGroupType();
      LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
      if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        if (!(want instanceof ArrayType at)) throw mismatch(want, t, path);
        Type rg = g.getType(0);
        path.add(rg.getName());
        try {
          int ed = d + 1;
          int er = r + 1;
          ReadNode element =
              ParquetSchemas.isTwoLevel(g)
                  ? content(at.elementType(), rg, ed, er, er, ed, path)
                  : node(at.elementType(), rg.asGroupType().getType(0), ed, er, er, ed, path);
          return repeated(want, d, slotRep, slotDef, er, ed, element, null);
        } finally {
          path.remove(path.size() - 1);
        }
      }
      if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
          || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
        if (!(want instanceof MapType mt)) throw mismatch(want, t, path);
        GroupType kv = ParquetSchemas.mapKeyValue(g);
        path.add(kv.getName());
        try {
          int ed = d + 1;
          int er = r + 1;
          ReadNode key = node(mt.keyType(), kv.getType(0), ed, er, er, ed, path);
          ReadNode value = node(mt.valueType(), kv.getType(1), ed, er, er, ed, path);
          return repeated(want, d, slotRep, slotDef, er, ed, key, value);
        } finally {
          path.remove(path.size() - 1);
        }
      }
      if (!(want instanceof StructType st)) throw mismatch(want, t, path);
      List<ReadNode> children = new ArrayList<>();
      boolean any = false;
      for (StructField f : st.fields()) {
        Type ct = find(g, f.name());
        ReadNode c =
            ct == null
                ? new ReadNode.Absent(f.dataType())
                : node(f.dataType(), ct, d, r, slotRep, slotDef, path);
        any |= c.firstLeaf() != null;
        children.add(c);
      }
      return any ? new ReadNode.Group(st, d, slotRep, slotDef, children) : new ReadNode.Absent(st);
    }

    private static ReadNode repeated(
        DataType want,
        int def,
        int slotRep,
        int slotDef,
        int er,
        int ed,
        ReadNode element,
        ReadNode value) {
      ReadNode n = new ReadNode.Repeated(want, def, slotRep, slotDef, er, ed, element, value);
      return n.firstLeaf() == null ? new ReadNode.Absent(want) : n;
    }

    private Conv conv(DataType want, PrimitiveType p, List<String> path) {
      LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
      Conv c =
          switch (p.getPrimitiveTypeName()) {
            case BOOLEAN -> want instanceof BooleanType ? Conv.BOOLEAN : null;
            case INT32 -> int32(want, a);
            case INT64 -> int64(want, a);
            case INT96 -> want instanceof TimestampType ? Conv.INT96_TO_MICROS : null;
            case FLOAT ->
                want instanceof FloatType
                    ? Conv.FLOAT
                    : want instanceof DoubleType ? Conv.FLOAT_TO_DOUBLE : null;
            case DOUBLE -> want instanceof DoubleType ? Conv.DOUBLE : null;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> bytes(want, a);
          };
      if (c == null) throw mismatch(want, p, path);
      return c;
    }

    private static Conv int32(DataType want, LogicalTypeAnnotation a) {
      if (a instanceof DecimalLogicalTypeAnnotation d) return decimal(want, d, Conv.DECIMAL_INT);
      boolean unsigned32 = a instanceof IntLogicalTypeAnnotation i && !i.isSigned();
      if (want instanceof DateType) {
        return a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? Conv.INT : null;
      }
      if (a != null && !(a instanceof IntLogicalTypeAnnotation)) return null;
      if (want instanceof ByteType) return Conv.BYTE;
      if (want instanceof ShortType) return Conv.SHORT;
      if (want instanceof IntegerType) return Conv.INT;
      if (want instanceof LongType) return unsigned32 ? Conv.UINT32_TO_LONG : Conv.INT_TO_LONG;
      if (want instanceof DoubleType) return Conv.INT_TO_DOUBLE;
      return null;
    }

    private static Conv int64(DataType want, LogicalTypeAnnotation a) {
      if (a instanceof DecimalLogicalTypeAnnotation d) return decimal(want, d, Conv.DECIMAL_LONG);
      if (a instanceof TimestampLogicalTypeAnnotation ts) {
        if (!(want instanceof TimestampType)) return null;
        return switch (ts.getUnit()) {
          case MILLIS -> Conv.MILLIS_TO_MICROS;
          case MICROS -> Conv.LONG;
          case NANOS -> Conv.NANOS_TO_MICROS;
        };
      }
      if (a instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
        return want instanceof DecimalType dt && dt.precision() >= 20 && dt.scale() == 0
            ? Conv.DECIMAL_UINT64
            : null;
      }
      if (a != null && !(a instanceof IntLogicalTypeAnnotation)) return null;
      return want instanceof LongType ? Conv.LONG : null;
    }

    private static Conv bytes(DataType want, LogicalTypeAnnotation a) {
      if (a instanceof DecimalLogicalTypeAnnotation d) return decimal(want, d, Conv.DECIMAL_BYTES);
      return want instanceof StringType || want instanceof BinaryType ? Conv.BYTES : null;
    }

    /** A file decimal reads as a decimal of the same scale and at least its precision. */
    private static Conv decimal(DataType want, DecimalLogicalTypeAnnotation d, Conv conv) {
      return want instanceof DecimalType dt
              && dt.scale() == d.getScale()
              && dt.precision() >= d.getPrecision()
          ? conv
          : null;
    }

    private SluiceRuntimeException mismatch(DataType want, Type t, List<String> p) {
      return new SluiceRuntimeException(
          ErrorClass.PARQUET_COLUMN_DATA_TYPE_MISMATCH,
          SluiceException.params(
              "path",
              path,
              "column",
              "[" + String.join(", ", p) + "]",
              "expectedType",
              want.sql(),
              "actualType",
              t.toString().trim()));
    }
  }
}
