package io.sluice.connector.noop;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.connector.StreamSinkProvider;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * {@code format("noop")}: computes every micro-batch in full, in parallel, and writes nothing, as
 * Spark's noop sink; the way to measure a query without a sink's cost.
 */
public final class NoopSinkProvider implements StreamSinkProvider {
  @Override
  public String shortName() {
    return "noop";
  }

  @Override
  public boolean allowsTemporaryCheckpoint() {
    return true;
  }

  @Override
  public StreamSink createSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx) {
    return new StreamSink() {
      @Override
      public String description() {
        return "NoopSink";
      }

      @Override
      public void addBatch(long batchId, MicroBatchOutput data) {
        data.writePartitions(NoopSinkProvider::drain);
      }
    };
  }

  private static Long drain(int partition, BatchIterator batches) {
    long n = 0;
    try (batches) {
      for (ColumnBatch b = batches.next(); b != null; b = batches.next()) n += b.numRows();
    }
    return n;
  }
}
