package io.sluice.connector.file;

import java.util.List;

/** The splits one task reads, in order. */
public record FilePartition(int index, List<FileSplit> splits) {
  public FilePartition {
    splits = List.copyOf(splits);
  }
}
