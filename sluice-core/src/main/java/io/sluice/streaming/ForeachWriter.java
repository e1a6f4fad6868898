package io.sluice.streaming;

import io.sluice.Row;

/**
 * Writes a query's rows one at a time with custom code, as Spark's {@code ForeachWriter}: for each
 * partition of each micro-batch {@link #open} is called (return false to skip the partition), then
 * {@link #process} per row, then {@link #close} with the error that ended processing (or null). An
 * instance is used by one partition at a time; a writer holding state per partition should be
 * stateless across calls of {@code open}.
 */
public abstract class ForeachWriter {
  /** Prepares to write partition {@code partitionId} of batch {@code epochId}. */
  public abstract boolean open(long partitionId, long epochId);

  public abstract void process(Row value);

  /** {@code errorOrNull} is the failure that ended the partition, or null after success. */
  public abstract void close(Throwable errorOrNull);
}
