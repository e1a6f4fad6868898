package io.sluice.connector.file;

import io.sluice.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files of a file source and, for a partitioned directory layout ({@code key=value}
 * directories), the partition columns and each file's values for them (internal value form,
 * in {@code partitionSchema}'s order).
 */
public record FileIndex(List<SourceFile> files, StructType partitionSchema,
    Map<Path, Object[]> partitionValues) {
  public FileIndex {
    files = List.copyOf(files);
    partitionValues = Map.copyOf(partitionValues);
  }

  /** The partition values of a file; an empty array when the layout is not partitioned. */
  public Object[] valuesOf(SourceFile file) {
    Object[] v = partitionValues.get(file.path());
    return v == null ? new Object[0] : v;
  }
}
