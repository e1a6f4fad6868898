package io.sluice.connector.file;

import io.sluice.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files of a file source and, for a partitioned directory layout ({@code key=value}
 * directories), the partition columns and each file's values for them (internal value form, in
 * {@code partitionSchema}'s order).
 */
public record FileIndex(
    List<SourceFile> files, StructType partitionSchema, Map<Path, Object[]> partitionValues) {
  public FileIndex {
    files = List.copyOf(files);
    partitionValues = Map.copyOf(partitionValues);
  }

  /**
   * Spark's merge of data and partition columns: a data column named like a partition column
   * (ignoring case) stays in place with the partition column's type; the other partition columns
   * follow the data columns.
   */
  public StructType withPartitionColumns(StructType data) {
    if (partitionSchema.length() == 0) return data;
    java.util.List<io.sluice.types.StructField> out = new java.util.ArrayList<>();
    boolean[] used = new boolean[partitionSchema.length()];
    for (io.sluice.types.StructField f : data.fields()) {
      int p = partitionSchema.indexOf(f.name(), false);
      if (p >= 0) {
        used[p] = true;
        out.add(partitionSchema.get(p));
      } else {
        out.add(f);
      }
    }
    for (int p = 0; p < used.length; p++) {
      if (!used[p]) out.add(partitionSchema.get(p));
    }
    return new StructType(out);
  }

  /** The partition values of a file; an empty array when the layout is not partitioned. */
  public Object[] valuesOf(SourceFile file) {
    Object[] v = partitionValues.get(file.path());
    return v == null ? new Object[0] : v;
  }
}
