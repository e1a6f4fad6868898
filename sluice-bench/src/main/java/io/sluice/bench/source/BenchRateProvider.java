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
 * {@code format("bench-rate")}: the bench's stand-in for Spark's {@code rate} source until Sluice
 * has its own. {@code rowsPerSecond} rows per second since the query started, in columns {@code
 * timestamp} and {@code value}; the offset counts whole seconds, so with a trigger interval of 0 a
 * new batch starts once a second, as with Spark's. Options {@code rowsPerSecond} (1) and {@code
 * numPartitions} (the session's parallelism).
 */
public final class BenchRateProvider implements StreamSourceProvider {
  @Override
  public String shortName() {
    return "bench-rate";
  }

  @Override
  public StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    return RateRows.SCHEMA;
  }

  @Override
  public MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    long rowsPerSecond = Options.getLong(options, "rowsPerSecond", 1);
    int partitions =
        (int) Options.getLong(options, "numPartitions", Runtime.getRuntime().availableProcessors());
    long startMs = System.currentTimeMillis();
    return new MicroBatchStream() {
      @Override
      public String description() {
        return "RateStream(rowsPerSecond=" + rowsPerSecond + ", numPartitions=" + partitions + ")";
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
        return new LongOffset((System.currentTimeMillis() - startMs) / 1000);
      }

      @Override
      public BatchScan planBatch(Offset start, Offset end) {
        long s = ((LongOffset) start).value();
        long e = ((LongOffset) end).value();
        return new RateRows(
            description(),
            s * rowsPerSecond,
            (e - s) * rowsPerSecond,
            (startMs + s * 1000) * 1000,
            1_000_000.0 / rowsPerSecond,
            partitions);
      }

      @Override
      public Offset deserializeOffset(String json) {
        return LongOffset.parse(json, description());
      }
    };
  }
}
