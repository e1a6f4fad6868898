package io.sluice.connector;

import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.types.StructType;
import java.util.List;

/**
 * The result of one micro-batch as a sink receives it. It is computed when the sink asks, either
 * partition by partition on the worker pool ({@link #writePartitions}: the way to write files or
 * send records in parallel without holding the batch in memory) or whole ({@link #collect}). Call
 * exactly one of them, once.
 */
public interface MicroBatchOutput {
  /** Columns of the rows, in the query's order. */
  StructType schema();

  /**
   * Runs {@code writer} over every partition of the result in parallel and returns what each
   * returned, in partition order. Batches are only valid until the iterator's next call.
   */
  <R> List<R> writePartitions(PartitionWriter<R> writer);

  /** The whole result, in partition order; batches stay valid. */
  List<ColumnBatch> collect();

  /** Writes one partition of a micro-batch's result. */
  @FunctionalInterface
  interface PartitionWriter<R> {
    R write(int partition, BatchIterator batches);
  }
}
