package io.sluice.connector.file;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a file scan's read schema that do not come from the records' content: the
 * corrupt-record column (a string column named by {@code columnNameOfCorruptRecord}) and the
 * partition columns of a {@code key=value} directory layout. Built once per partition reader.
 */
public final class ReadColumns {
  /** Read-schema ordinal of the corrupt-record column, or -1. */
  public final int corruptOrdinal;

  /** Read-schema ordinals of partition columns. */
  private final int[] partitionOrdinals;

  /** For each of {@link #partitionOrdinals}, its index among a file's partition values. */
  private final int[] partitionSources;

  /** True at read-schema ordinals filled here rather than from a record. */
  private final boolean[] external;

  private ReadColumns(int corrupt, int[] ordinals, int[] sources, boolean[] external) {
    this.corruptOrdinal = corrupt;
    this.partitionOrdinals = ordinals;
    this.partitionSources = sources;
    this.external = external;
  }

  /** The layout of {@code readSchema} for a scan with these partition columns. */
  public static ReadColumns of(
      StructType readSchema, StructType partitionSchema, String corruptColumnName) {
    int corrupt = corruptColumnName == null ? -1 : readSchema.indexOf(corruptColumnName, true);
    if (corrupt >= 0 && !(readSchema.get(corrupt).dataType() instanceof StringType)) corrupt = -1;
    boolean[] external = new boolean[readSchema.length()];
    if (corrupt >= 0) external[corrupt] = true;
    List<Integer> ordinals = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    for (int i = 0; i < readSchema.length(); i++) {
      int p = partitionSchema.indexOf(readSchema.get(i).name(), false);
      if (p >= 0 && i != corrupt) {
        external[i] = true;
        ordinals.add(i);
        sources.add(p);
      }
    }
    return new ReadColumns(
        corrupt,
        ordinals.stream().mapToInt(Integer::intValue).toArray(),
        sources.stream().mapToInt(Integer::intValue).toArray(),
        external);
  }

  /** True when read-schema column {@code ordinal} is the corrupt or a partition column. */
  public boolean isExternal(int ordinal) {
    return external[ordinal];
  }

  /** A copy of the external-column flags, indexed by read-schema ordinal. */
  public boolean[] externalFlags() {
    return external.clone();
  }

  /** True when the read schema holds a partition column. */
  public boolean hasPartitionColumns() {
    return partitionOrdinals.length > 0;
  }

  /** Appends a file's partition values to the partition columns, {@code rows} times. */
  public void appendPartitionValues(ColumnVector[] columns, Object[] values, int rows) {
    for (int k = 0; k < partitionOrdinals.length; k++) {
      ColumnVector c = columns[partitionOrdinals[k]];
      Object v = values[partitionSources[k]];
      for (int r = 0; r < rows; r++) c.append(v);
    }
  }

  /** Drops rows from {@code row} on in the partition columns. */
  public void truncatePartitionColumns(ColumnVector[] columns, int row) {
    for (int p : partitionOrdinals) columns[p].truncate(row);
  }

  /** Appends a record's raw text to the corrupt column (if read), or null when it is null. */
  public void appendCorrupt(ColumnVector[] columns, byte[] buf, int start, int end) {
    if (corruptOrdinal < 0) return;
    BytesVector c = (BytesVector) columns[corruptOrdinal];
    if (buf == null) {
      c.appendNull();
    } else {
      c.appendBytes(buf, start, end - start);
    }
  }

  /**
   * Fails with {@code INVALID_CORRUPT_RECORD_TYPE} when the schema has the corrupt-record column
   * but not as a nullable string.
   */
  public static void checkCorruptColumn(StructType schema, String name) {
    int i = schema.indexOf(name, true);
    if (i < 0) return;
    StructField f = schema.get(i);
    if (!(f.dataType() instanceof StringType) || !f.nullable()) {
      throw new io.sluice.AnalysisException(
          ErrorClass.INVALID_CORRUPT_RECORD_TYPE,
          SluiceException.params(
              "columnName",
              "`" + name + "`",
              "actualType",
              "\"" + f.dataType().sql() + (f.nullable() ? "" : " NOT NULL") + "\""));
    }
  }
}
