package io.sluice.connector;

/**
 * Where a streaming query writes each micro-batch's result. {@link #addBatch} may be called again
 * with a batch id it has already seen (the query failed after the sink wrote and before the commit
 * log recorded it); a sink that promises exactly-once output must then write nothing new.
 */
public interface StreamSink {
  /** Text for progress reports, e.g. {@code MemorySink}. */
  String description();

  /** Writes the result of micro-batch {@code batchId}. */
  void addBatch(long batchId, MicroBatchOutput data);

  /** The query stops; release resources. */
  default void stop() {}
}
