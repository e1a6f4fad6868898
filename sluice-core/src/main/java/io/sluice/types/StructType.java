package io.sluice.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An ordered list of named fields: the schema of a DataFrame or the type of a struct column. */
public final class StructType extends DataType implements Iterable<StructField> {
  private final StructField[] fields;

  /** An empty struct; grow it with {@link #add}. */
  public StructType() {
    this(new StructField[0]);
  }

  public StructType(StructField[] fields) {
    this.fields = fields.clone();
  }

  public StructType(List<StructField> fields) {
    this.fields = fields.toArray(new StructField[0]);
  }

  /** Parses Spark DDL such as {@code a INT, b STRING, c ARRAY<STRUCT<x: DOUBLE>>}. */
  public static StructType fromDDL(String ddl) {
    return new TypeParser(ddl).parseSchema();
  }

  public StructField[] fields() {
    return fields.clone();
  }

  public List<StructField> fieldList() {
    return Collections.unmodifiableList(Arrays.asList(fields));
  }

  public String[] fieldNames() {
    String[] names = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      names[i] = fields[i].name();
    }
    return names;
  }

  public int length() {
    return fields.length;
  }

  public int size() {
    return fields.length;
  }

  public StructField get(int i) {
    return fields[i];
  }

  /** The field with this exact name. */
  public StructField apply(String name) {
    int i = fieldIndex(name);
    return fields[i];
  }

  /** The index of the field with this exact name; throws when there is none. */
  public int fieldIndex(String name) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "Field \""
            + name
            + "\" does not exist. Available fields: "
            + String.join(", ", fieldNames()));
  }

  /** The index of a field, matching names exactly or ignoring case; -1 when absent. */
  public int indexOf(String name, boolean caseSensitive) {
    for (int i = 0; i < fields.length; i++) {
      if (caseSensitive ? fields[i].name().equals(name) : fields[i].name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  public Optional<StructField> getFieldIgnoreCase(String name) {
    int i = indexOf(name, false);
    return i < 0 ? Optional.empty() : Optional.of(fields[i]);
  }

  public StructType add(StructField field) {
    StructField[] next = Arrays.copyOf(fields, fields.length + 1);
    next[fields.length] = field;
    return new StructType(next);
  }

  public StructType add(String name, DataType type) {
    return add(new StructField(name, type, true));
  }

  public StructType add(String name, DataType type, boolean nullable) {
    return add(new StructField(name, type, nullable));
  }

  /** Adds a field whose type is given in DDL, e.g. {@code add("a", "int")}. */
  public StructType add(String name, String ddlType) {
    return add(new StructField(name, DataTypes.fromDDL(ddlType), true));
  }

  public StructType add(String name, String ddlType, boolean nullable) {
    return add(new StructField(name, DataTypes.fromDDL(ddlType), nullable));
  }

  @Override
  public Iterator<StructField> iterator() {
    return fieldList().iterator();
  }

  @Override
  public String typeName() {
    return "struct";
  }

  @Override
  public String simpleString() {
    StringBuilder sb = new StringBuilder("struct<");
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(fields[i].name()).append(':').append(fields[i].dataType().simpleString());
    }
    return sb.append('>').toString();
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("STRUCT<");
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(DataTypes.quoteIfNeeded(fields[i].name())).append(": ");
      sb.append(fields[i].dataType().sql());
      if (!fields[i].nullable()) sb.append(" NOT NULL");
    }
    return sb.append('>').toString();
  }

  /** Spark's {@code toDDL}: the fields as DDL separated by commas. */
  public String toDDL() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(fields[i].toDDL());
    }
    return sb.toString();
  }

  @Override
  public int defaultSize() {
    int s = 0;
    for (StructField f : fields) s += f.dataType().defaultSize();
    return s;
  }

  /** The schema as {@code printSchema} prints it, ending with a newline. */
  public String treeString() {
    return treeString(Integer.MAX_VALUE);
  }

  public String treeString(int maxDepth) {
    StringBuilder sb = new StringBuilder("root\n");
    String prefix = " |";
    for (StructField f : fields) {
      buildTree(sb, f, prefix, 1, maxDepth);
    }
    return sb.toString();
  }

  public void printTreeString() {
    System.out.print(treeString());
  }

  private static void buildTree(
      StringBuilder sb, StructField f, String prefix, int depth, int maxDepth) {
    if (depth > maxDepth) return;
    sb.append(prefix)
        .append("-- ")
        .append(f.name())
        .append(": ")
        .append(f.dataType().typeName())
        .append(" (nullable = ")
        .append(f.nullable())
        .append(")\n");
    buildTypeTree(sb, f.dataType(), prefix + "    |", depth + 1, maxDepth);
  }

  private static void buildTypeTree(
      StringBuilder sb, DataType t, String prefix, int depth, int maxDepth) {
    if (depth > maxDepth) return;
    if (t instanceof StructType s) {
      for (StructField f : s.fields) buildTree(sb, f, prefix, depth, maxDepth);
    } else if (t instanceof ArrayType a) {
      sb.append(prefix)
          .append("-- element: ")
          .append(a.elementType().typeName())
          .append(" (containsNull = ")
          .append(a.containsNull())
          .append(")\n");
      buildTypeTree(sb, a.elementType(), prefix + "    |", depth + 1, maxDepth);
    } else if (t instanceof MapType m) {
      sb.append(prefix).append("-- key: ").append(m.keyType().typeName()).append('\n');
      buildTypeTree(sb, m.keyType(), prefix + "    |", depth + 1, maxDepth);
      sb.append(prefix)
          .append("-- value: ")
          .append(m.valueType().typeName())
          .append(" (valueContainsNull = ")
          .append(m.valueContainsNull())
          .append(")\n");
      buildTypeTree(sb, m.valueType(), prefix + "    |", depth + 1, maxDepth);
    }
  }

  /** A copy with every field (and nested field) nullable. */
  public StructType asNullable() {
    List<StructField> out = new ArrayList<>(fields.length);
    for (StructField f : fields) {
      out.add(new StructField(f.name(), DataTypes.asNullable(f.dataType()), true, f.comment()));
    }
    return new StructType(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructType s && Arrays.equals(s.fields, fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("StructType(");
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(fields[i]);
    }
    return sb.append(')').toString();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
