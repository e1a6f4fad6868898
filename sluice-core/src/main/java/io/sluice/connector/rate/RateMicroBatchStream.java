package io.sluice.connector.rate;

import io.sluice.connector.BatchScan;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.connector.SupportsTriggerAvailableNow;
import io.sluice.types.StructType;

/**
 * One run of a {@code rate-micro-batch} source: every micro-batch gets exactly {@code rowsPerBatch}
 * more values, all stamped with the batch's timestamp, which advances by {@code
 * advanceMillisPerBatch} per batch whatever the wall clock does. So batch {@code n} always holds
 * the same rows, however fast or late the query runs. Under {@code Trigger.AvailableNow} the source
 * offers one batch, as Spark's does; read limits are ignored.
 */
final class RateMicroBatchStream implements SupportsTriggerAvailableNow {
  private final RateMicroBatchProvider.Settings settings;
  private boolean availableNow;
  private Offset availableNowEnd;

  RateMicroBatchStream(RateMicroBatchProvider.Settings settings) {
    this.settings = settings;
  }

  @Override
  public String description() {
    return "RatePerMicroBatchStream[rowsPerBatch="
        + settings.rowsPerBatch()
        + ", numPartitions="
        + settings.numPartitions()
        + ", startTimestamp="
        + settings.startTimestamp()
        + ", advanceMsPerBatch="
        + settings.advanceMillisPerBatch()
        + "]";
  }

  @Override
  public StructType schema() {
    return RateScan.SCHEMA;
  }

  @Override
  public Offset initialOffset() {
    return new RateMicroBatchOffset(0, settings.startTimestamp());
  }

  @Override
  public ReadLimit defaultReadLimit() {
    return new ReadLimit.MaxRows(settings.rowsPerBatch());
  }

  @Override
  public void prepareForTriggerAvailableNow() {
    availableNow = true;
  }

  @Override
  public Offset latestOffset(Offset start, ReadLimit limit) {
    if (!availableNow) return next((RateMicroBatchOffset) start);
    if (availableNowEnd == null) availableNowEnd = next((RateMicroBatchOffset) start);
    return availableNowEnd;
  }

  private RateMicroBatchOffset next(RateMicroBatchOffset start) {
    long rows = settings.rowsPerBatch();
    long end = start.offset() > Long.MAX_VALUE - rows ? Long.MAX_VALUE : start.offset() + rows;
    return new RateMicroBatchOffset(end, start.timestamp() + settings.advanceMillisPerBatch());
  }

  @Override
  public BatchScan planBatch(Offset start, Offset end) {
    RateMicroBatchOffset s = (RateMicroBatchOffset) start;
    RateMicroBatchOffset e = (RateMicroBatchOffset) end;
    if (s.offset() > e.offset() || s.timestamp() > e.timestamp()) {
      throw new IllegalStateException(
          "the rate-micro-batch source cannot read back from " + s.json() + " to " + e.json());
    }
    int partitions = s.offset() == e.offset() ? 0 : settings.numPartitions();
    return new RateScan(description(), partitions, s.offset(), e.offset(), s.timestamp(), 0);
  }

  @Override
  public Offset deserializeOffset(String json) {
    return RateMicroBatchOffset.parse(json);
  }
}
