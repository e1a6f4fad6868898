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
}
