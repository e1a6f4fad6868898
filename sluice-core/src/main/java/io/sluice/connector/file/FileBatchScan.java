package io.sluice.connector.file;

import io.sluice.connector.BatchScan;
import io.sluice.connector.SupportsPartitionPruning;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scan of the files of a file source: the files were listed and packed into partitions when the
 * scan was created; each partition is read by a reader the format supplies.
 */
public class FileBatchScan implements SupportsPartitionPruning {
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
    List<String> shown = new ArrayList<>();
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
        BasicFileAttributes a = Files.readAttributes(f.path(), BasicFileAttributes.class);
        sb.append(f.path())
            .append('\0')
            .append(a.size())
            .append('\0')
            .append(a.lastModifiedTime().toMillis())
            .append('\n');
      } catch (IOException e) {
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
  @Override
  public StructType partitionSchema() {
    return files.partitionSchema();
  }

  /** The files this scan reads, with their partition values. */
  public FileIndex index() {
    return files;
  }

  @Override
  public List<Object[]> partitionValues() {
    return distinctValues().values;
  }

  @Override
  public BatchScan withPartitions(boolean[] keep) {
    Distinct d = distinctValues();
    if (keep.length != d.values.size()) {
      throw new IllegalArgumentException(
          "keep has " + keep.length + " entries, not " + d.values.size());
    }
    boolean all = true;
    for (boolean k : keep) all &= k;
    if (all) return this;
    Set<Path> kept = new HashSet<>();
    List<SourceFile> keptFiles = new ArrayList<>();
    for (SourceFile f : files.files()) {
      if (keep[d.indexOf.get(Arrays.asList(files.valuesOf(f)))]) {
        kept.add(f.path());
        keptFiles.add(f);
      }
    }
    Map<Path, Object[]> values = new HashMap<>();
    for (Path p : kept) values.put(p, files.partitionValues().get(p));
    List<FilePartition> parts = new ArrayList<>();
    for (FilePartition p : partitions) {
      List<FileSplit> splits = new ArrayList<>();
      for (FileSplit s : p.splits()) {
        if (kept.contains(s.file().path())) splits.add(s);
      }
      if (!splits.isEmpty()) parts.add(new FilePartition(parts.size(), splits));
    }
    return pruned(new FileIndex(keptFiles, files.partitionSchema(), values), parts);
  }

  /**
   * This scan reading only {@code files}, packed in {@code partitions} (what partition pruning
   * keeps). A subclass with state of its own overrides it to keep its kind.
   */
  protected FileBatchScan pruned(FileIndex files, List<FilePartition> partitions) {
    return new FileBatchScan(description, schema, files, partitions, readers);
  }

  /** The distinct partition values of the files, in order of first appearance. */
  private record Distinct(List<Object[]> values, Map<List<Object>, Integer> indexOf) {}

  private Distinct distinctValues() {
    Map<List<Object>, Integer> indexOf = new LinkedHashMap<>();
    List<Object[]> values = new ArrayList<>();
    for (SourceFile f : files.files()) {
      Object[] v = files.valuesOf(f);
      if (indexOf.putIfAbsent(Arrays.asList(v), values.size()) == null) values.add(v);
    }
    return new Distinct(values, indexOf);
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
