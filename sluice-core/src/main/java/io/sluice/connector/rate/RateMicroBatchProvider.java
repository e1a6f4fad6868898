package io.sluice.connector.rate;

import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.connector.StreamingOptions;
import io.sluice.types.StructType;
import java.util.Map;

/**
 * {@code format("rate-micro-batch")}: rows {@code (timestamp TIMESTAMP, value BIGINT)} in batches
 * of a fixed size, as Spark's source of the same name (Spark 3.3+). Unlike {@code rate}, batch
 * {@code n} holds the same rows whatever the trigger or the wall clock: values {@code [n *
 * rowsPerBatch, (n + 1) * rowsPerBatch)}, all stamped {@code startTimestamp + n *
 * advanceMillisPerBatch}. Options:
 *
 * <ul>
 *   <li>{@code rowsPerBatch} (required, positive): rows in each micro-batch;
 *   <li>{@code numPartitions} (default: the session's worker threads): partitions per batch;
 *   <li>{@code startTimestamp} (default 0): the first batch's timestamp, epoch milliseconds;
 *   <li>{@code advanceMillisPerBatch} (default 1000): how far each batch's timestamp moves on.
 * </ul>
 *
 * The offsets (rows so far, next timestamp) are all the source needs, so it restarts exactly from
 * the checkpoint.
 */
public final class RateMicroBatchProvider implements StreamSourceProvider {
  static final String NAME = "rate-micro-batch";

  /** The source's options, checked. */
  record Settings(
      long rowsPerBatch, int numPartitions, long startTimestamp, int advanceMillisPerBatch) {}

  @Override
  public String shortName() {
    return NAME;
  }

  @Override
  public StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    StreamingOptions o = StreamingOptions.ofSource(NAME, options);
    settings(o, ctx);
    return o.fixedSchema(userSchema, RateScan.SCHEMA);
  }

  @Override
  public MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    return new RateMicroBatchStream(settings(StreamingOptions.ofSource(NAME, options), ctx));
  }

  static Settings settings(StreamingOptions o, SourceContext ctx) {
    long rowsPerBatch = o.getLong("rowsPerBatch", 0);
    if (rowsPerBatch <= 0) {
      throw o.invalid(
          "rowsPerBatch",
          o.get("rowsPerBatch").orElse("(none)"),
          "it must be positive; set it with option(\"rowsPerBatch\", n)");
    }
    int numPartitions = o.getInt("numPartitions", Math.max(1, ctx.conf().workerThreads()));
    if (numPartitions <= 0) {
      throw o.invalid("numPartitions", Integer.toString(numPartitions), "it must be positive");
    }
    long startTimestamp = o.getLong("startTimestamp", 0);
    if (startTimestamp < 0) {
      throw o.invalid("startTimestamp", Long.toString(startTimestamp), "it must not be negative");
    }
    int advance = o.getInt("advanceMillisPerBatch", 1000);
    if (advance < 0) {
      throw o.invalid(
          "advanceMillisPerBatch", Integer.toString(advance), "it must not be negative");
    }
    return new Settings(rowsPerBatch, numPartitions, startTimestamp, advance);
  }
}
