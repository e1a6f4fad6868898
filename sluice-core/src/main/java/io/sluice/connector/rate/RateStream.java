package io.sluice.connector.rate;

import io.sluice.connector.BatchScan;
import io.sluice.connector.LongOffset;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.streaming.runtime.Clock;
import io.sluice.types.StructType;
import java.nio.file.Path;

/**
 * One run of a {@code rate} source. Its offset is the number of whole seconds since the start time,
 * which is recorded in the checkpoint on the first run and read back on every later one; batch
 * {@code (s1, s2]} holds the values {@code [valueAtSecond(s1), valueAtSecond(s2))}. Time is read
 * from the query's clock.
 */
final class RateStream implements MicroBatchStream {
  private final RateSourceProvider.Settings settings;
  private final Clock clock;
  private final long startTimeMs;
  private final long maxSeconds;
  private long lastTimeMs;

  RateStream(RateSourceProvider.Settings settings, Path metadataPath, Clock clock, boolean fsync) {
    this.settings = settings;
    this.clock = clock;
    this.maxSeconds = Long.MAX_VALUE / settings.rowsPerSecond();
    this.startTimeMs = RateStartTime.readOrCreate(metadataPath, clock.millis(), fsync);
    this.lastTimeMs = startTimeMs;
  }

  long startTimeMs() {
    return startTimeMs;
  }

  /** Spark's text, unclosed bracket included, so progress reports read the same. */
  @Override
  public String description() {
    return "RateStreamV2[rowsPerSecond="
        + settings.rowsPerSecond()
        + ", rampUpTimeSeconds="
        + settings.rampUpSeconds()
        + ", numPartitions="
        + settings.numPartitionsText();
  }

  @Override
  public StructType schema() {
    return RateScan.SCHEMA;
  }

  @Override
  public Offset initialOffset() {
    return new LongOffset(0);
  }

  @Override
  public Offset latestOffset(Offset start, ReadLimit limit) {
    long now = clock.millis();
    if (lastTimeMs < now) lastTimeMs = now;
    return new LongOffset((lastTimeMs - startTimeMs) / 1000);
  }

  @Override
  public BatchScan planBatch(Offset start, Offset end) {
    long startSeconds = ((LongOffset) start).value();
    long endSeconds = ((LongOffset) end).value();
    if (startSeconds > endSeconds) {
      throw new IllegalStateException(
          "the rate source cannot read back from second " + startSeconds + " to " + endSeconds);
    }
    if (endSeconds > maxSeconds) {
      throw new ArithmeticException(
          "Integer overflow. Max offset with "
              + settings.rowsPerSecond()
              + " rowsPerSecond is "
              + maxSeconds
              + ", but it's "
              + endSeconds
              + " now.");
    }
    // a batch re-run after a restart must not let the next offset fall behind its end
    lastTimeMs = Math.max(lastTimeMs, startTimeMs + endSeconds * 1000);
    long rangeStart = valueAt(startSeconds);
    long rangeEnd = valueAt(endSeconds);
    long batchStartMs = startTimeMs + startSeconds * 1000;
    double msPerValue =
        rangeEnd == rangeStart ? 0 : (endSeconds - startSeconds) * 1000.0 / (rangeEnd - rangeStart);
    int partitions = rangeEnd == rangeStart ? 0 : settings.numPartitions();
    return new RateScan(description(), partitions, rangeStart, rangeEnd, batchStartMs, msPerValue);
  }

  private long valueAt(long seconds) {
    return RateValues.valueAtSecond(seconds, settings.rowsPerSecond(), settings.rampUpSeconds());
  }

  @Override
  public Offset deserializeOffset(String json) {
    return LongOffset.parse(json, "the rate source");
  }
}
