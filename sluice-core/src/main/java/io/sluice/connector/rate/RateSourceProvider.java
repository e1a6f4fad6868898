package io.sluice.connector.rate;

import io.sluice.config.StreamingConf;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.connector.StreamingOptions;
import io.sluice.types.StructType;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code format("rate")}: generates rows {@code (timestamp TIMESTAMP, value BIGINT)} at a steady
 * pace, as Spark's rate source, for demos and load tests. Options:
 *
 * <ul>
 *   <li>{@code rowsPerSecond} (default 1): rows per second once ramped up;
 *   <li>{@code rampUpTime} (default 0s): how long the pace takes to grow to {@code rowsPerSecond};
 *       finer units than seconds are truncated to seconds;
 *   <li>{@code numPartitions} (default: the session's worker threads): partitions per batch.
 * </ul>
 *
 * Values count up from 0 by one per row. Each micro-batch takes the whole seconds elapsed since the
 * previous one, and a row's timestamp is spread evenly over the seconds of its batch from the start
 * time. The start time is kept in the checkpoint, so a restarted query carries on from where its
 * clock says it is (producing the rows of the seconds it was down, as Spark does).
 */
public final class RateSourceProvider implements StreamSourceProvider {
  static final String NAME = "rate";

  /** The source's options, checked. */
  record Settings(
      long rowsPerSecond, long rampUpSeconds, int numPartitions, String numPartitionsText) {}

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
    Settings s = settings(StreamingOptions.ofSource(NAME, options), ctx);
    return new RateStream(
        s, Path.of(metadataPath), ctx.clock(), ctx.conf().get(StreamingConf.CHECKPOINT_FSYNC));
  }

  static Settings settings(StreamingOptions o, SourceContext ctx) {
    long rowsPerSecond = o.getLong("rowsPerSecond", 1);
    if (rowsPerSecond <= 0) {
      throw o.invalid("rowsPerSecond", Long.toString(rowsPerSecond), "it must be positive");
    }
    long rampUp = o.getSeconds("rampUpTime", 0);
    if (rampUp < 0) {
      throw o.invalid("rampUpTime", o.get("rampUpTime").orElse(""), "it must not be negative");
    }
    long maxSeconds = Long.MAX_VALUE / rowsPerSecond;
    if (rampUp > maxSeconds) {
      throw o.invalid(
          "rampUpTime",
          o.get("rampUpTime").orElse(""),
          "with " + rowsPerSecond + " rows per second it can be at most " + maxSeconds + " s");
    }
    int numPartitions = o.getInt("numPartitions", Math.max(1, ctx.conf().workerThreads()));
    if (numPartitions <= 0) {
      throw o.invalid("numPartitions", Integer.toString(numPartitions), "it must be positive");
    }
    return new Settings(
        rowsPerSecond, rampUp, numPartitions, o.get("numPartitions").orElse("default"));
  }
}
