package io.sluice.bench.source;

import io.sluice.connector.BatchScan;
import io.sluice.connector.LongOffset;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.types.StructType;
import java.util.Map;

/**
 * {@code format("bench-rate-micro-batch")}: the bench's stand-in for Spark's {@code
 * rate-micro-batch} source: every trigger finds exactly one new batch of {@code rowsPerBatch} rows
 * (columns {@code timestamp} and {@code value}), whose timestamps start at {@code startTimestamp}
 * and advance {@code advanceMillisPerBatch} per batch (evenly over its rows). Batches run back to
 * back, so a query over it measures the engine's cost per batch. The offset counts batches.
 */
public final class BenchRateMicroBatchProvider implements StreamSourceProvider {
  @Override
  public String shortName() {
    return "bench-rate-micro-batch";
  }

  @Override
  public StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    return RateRows.SCHEMA;
  }

  @Override
  public MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    long rowsPerBatch = Options.getLong(options, "rowsPerBatch", 1);
    int partitions =
        (int) Options.getLong(options, "numPartitions", Runtime.getRuntime().availableProcessors());
    long startMs = Options.getLong(options, "startTimestamp", 0);
    long advanceMs = Options.getLong(options, "advanceMillisPerBatch", 1000);
    String description =
        "RatePerMicroBatchStream(rowsPerBatch="
            + rowsPerBatch
            + ", numPartitions="
            + partitions
            + ")";
    return new MicroBatchStream() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public StructType schema() {
        return RateRows.SCHEMA;
      }

      @Override
      public Offset initialOffset() {
        return new LongOffset(0);
      }

      @Override
      public Offset latestOffset(Offset start, ReadLimit limit) {
        return new LongOffset(((LongOffset) start).value() + 1);
      }

      @Override
      public BatchScan planBatch(Offset start, Offset end) {
        long s = ((LongOffset) start).value();
        long e = ((LongOffset) end).value();
        return new RateRows(
            description,
            s * rowsPerBatch,
            (e - s) * rowsPerBatch,
            (startMs + s * advanceMs) * 1000,
            advanceMs * 1000.0 / Math.max(1, rowsPerBatch),
            (int) Math.min(partitions, Math.max(1, (e - s) * rowsPerBatch)));
      }

      @Override
      public Offset deserializeOffset(String json) {
        return LongOffset.parse(json, description);
      }
    };
  }
}
