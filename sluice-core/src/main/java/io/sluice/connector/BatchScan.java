package io.sluice.connector;

import io.sluice.exec.vector.BatchIterator;
import io.sluice.types.StructType;

/**
 * A batch-readable input (files of a format, an external table): its schema, how many partitions it
 * splits into, and a reader per partition. Implementations are immutable and thread-safe; {@link
 * #read} may be called from several worker threads at once.
 */
public interface BatchScan {
  /** A short text for plans, e.g. {@code json [file:/data/events]}. */
  String description();

  /** The full schema of the input. */
  StructType schema();

  /** Partitions of the input, read independently and in parallel. */
  int numPartitions();

  /**
   * Reads one partition, producing batches whose columns are {@code readSchema}'s fields (a subset
   * of {@link #schema()} chosen by column pruning, in that order).
   */
  BatchIterator read(int partition, StructType readSchema, int batchSize);

  /**
   * A token equal between two calls exactly when the data this scan reads is unchanged (for files:
   * the same files with the same sizes and modification times), so a streaming query may reuse what
   * it built from the scan in an earlier micro-batch (a stream-static join's hash table); null when
   * the scan cannot tell, and its data is then read again every time.
   */
  default String snapshotKey() {
    return null;
  }
}
