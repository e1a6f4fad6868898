package io.sluice.connector.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Packs files into partitions as Spark's file scans do. The split size is {@code
 * min(maxPartitionBytes, max(openCostInBytes, totalBytes / minPartitions))}, where {@code
 * totalBytes} counts every file plus {@code openCostInBytes}; splittable files are cut into pieces
 * of that size; pieces, largest first, fill a partition until the next would overflow the split
 * size (each piece also costing {@code openCostInBytes}). Empty files are skipped.
 */
public final class FilePartitioner {
  private FilePartitioner() {}

  /** The split size for these files. */
  public static long maxSplitBytes(
      List<SourceFile> files, long maxPartitionBytes, long openCostInBytes, int minPartitions) {
    long total = 0;
    for (SourceFile f : files) total += f.length() + openCostInBytes;
    long bytesPerCore = total / Math.max(1, minPartitions);
    return Math.max(1, Math.min(maxPartitionBytes, Math.max(openCostInBytes, bytesPerCore)));
  }

  /**
   * The partitions of {@code files}.
   *
   * @param splittable whether a file may be cut into byte ranges
   */
  public static List<FilePartition> partition(
      List<SourceFile> files,
      long maxPartitionBytes,
      long openCostInBytes,
      int minPartitions,
      Predicate<SourceFile> splittable) {
    long maxSplit = maxSplitBytes(files, maxPartitionBytes, openCostInBytes, minPartitions);
    List<FileSplit> splits = new ArrayList<>();
    for (SourceFile f : files) {
      if (f.length() == 0) continue;
      if (splittable.test(f)) {
        for (long off = 0; off < f.length(); off += maxSplit) {
          splits.add(new FileSplit(f, off, Math.min(maxSplit, f.length() - off)));
        }
      } else {
        splits.add(new FileSplit(f, 0, f.length()));
      }
    }
    splits.sort(Comparator.comparingLong(FileSplit::length).reversed());
    List<FilePartition> out = new ArrayList<>();
    List<FileSplit> current = new ArrayList<>();
    long size = 0;
    for (FileSplit s : splits) {
      if (!current.isEmpty() && size + s.length() > maxSplit) {
        out.add(new FilePartition(out.size(), current));
        current = new ArrayList<>();
        size = 0;
      }
      size += s.length() + openCostInBytes;
      current.add(s);
    }
    if (!current.isEmpty()) out.add(new FilePartition(out.size(), current));
    return out;
  }
}
