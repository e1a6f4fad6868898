package io.sluice.connector.file;

import io.sluice.connector.BatchScan;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.types.StructType;
import java.util.List;

/**
 * A scan of the files of a file source: the files were listed and packed into partitions when the
 * scan was created; each partition is read by a reader the format supplies.
 */
public class FileBatchScan implements BatchScan {
  /** Creates the reader of one partition, producing batches of {@code readSchema}. */
  @FunctionalInterface
  public interface ReaderFactory {
    BatchIterator create(
        FileIndex files, FilePartition partition, StructType readSchema, int batchSize);
  }

  private final String description;
  private final StructType schema;
  private final FileIndex files;
  private final List<FilePartition> partitions;
  private final ReaderFactory readers;

  public FileBatchScan(
      String description,
      StructType schema,
      FileIndex files,
      List<FilePartition> partitions,
      ReaderFactory readers) {
    this.description = description;
    this.schema = schema;
    this.files = files;
    this.partitions = List.copyOf(partitions);
    this.readers = readers;
  }

  /** {@code format [file:/a, file:/b]}, the description of a scan of {@code paths}. */
  public static String describe(String format, List<String> paths) {
    List<String> shown = new java.util.ArrayList<>();
    for (String p : paths) shown.add(FileListing.qualified(FileListing.toLocalPath(p)));
    return format + " [" + String.join(", ", shown) + "]";
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  /** The files' paths, sizes and modification times as they are now (null if one is gone). */
  @Override
  public String snapshotKey() {
    StringBuilder sb = new StringBuilder();
    for (SourceFile f : files.files()) {
      try {
        java.nio.file.attribute.BasicFileAttributes a =
            java.nio.file.Files.readAttributes(
                f.path(), java.nio.file.attribute.BasicFileAttributes.class);
        sb.append(f.path())
            .append('\0')
            .append(a.size())
            .append('\0')
            .append(a.lastModifiedTime().toMillis())
            .append('\n');
      } catch (java.io.IOException e) {
        return null;
      }
    }
    return sb.toString();
  }

  @Override
  public int numPartitions() {
    return partitions.size();
  }

  /** The partition columns discovered from {@code key=value} directories (maybe none). */
  public StructType partitionSchema() {
    return files.partitionSchema();
  }

  /** The files and byte ranges each partition reads. */
  public List<FilePartition> partitions() {
    return partitions;
  }

  @Override
  public BatchIterator read(int partition, StructType readSchema, int batchSize) {
    return readers.create(files, partitions.get(partition), readSchema, batchSize);
  }

  @Override
  public String toString() {
    return description;
  }
}
