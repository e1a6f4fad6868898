package io.sluice.connector.file;

import java.util.List;

/** The splits one task reads, in order. */
public record FilePartition(int index, List<FileSplit> splits) {
  public FilePartition {
    splits = List.copyOf(splits);
  }

  /**
   * The rows to allocate for a reader's next batch: at most {@code batchSize}, and no more than the
   * bytes of the split it reads (a line holds at least one byte), so that the one batch of a small
   * file does not allocate a full batch. Vectors grow past it when a compressed or multi-line file
   * holds more rows.
   *
   * @param current the split being read, or null when the next one is {@code splits[next]}
   */
  public int rowCapacity(FileSplit current, int next, int batchSize) {
    FileSplit s = current != null ? current : next < splits.size() ? splits.get(next) : null;
    if (s == null) return 1;
    return (int) Math.max(1, Math.min(batchSize, s.length() + 1));
  }
}
