package io.sluice.exec.task;

import io.sluice.connector.BatchScan;
import io.sluice.state.StateStoreRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one micro-batch of a streaming query reads: for each source of the query (by index) the scan
 * of its new records, or null when it has none; the watermark stateful operators use in this batch;
 * and counters of the rows each source produced.
 */
public final class MicroBatchInput {
  private final long batchId;
  private final long watermarkMs;
  private final long lateEventsWatermarkMs;
  private final BatchScan[] sources;
  private final LongAdder[] rowsRead;
  private final StateStoreRegistry stateStores;

  public MicroBatchInput(
      long batchId, long watermarkMs, BatchScan[] sources, StateStoreRegistry stateStores) {
    this(batchId, watermarkMs, watermarkMs, sources, stateStores);
  }

  /**
   * @param lateEventsWatermarkMs the previous batch's watermark: stateful operators drop input rows
   *     at or below it as late, and evict state with {@code watermarkMs} (Spark's two watermarks,
   *     which let rows an upstream operator emits in this batch reach a downstream one)
   */
  public MicroBatchInput(
      long batchId,
      long watermarkMs,
      long lateEventsWatermarkMs,
      BatchScan[] sources,
      StateStoreRegistry stateStores) {
    this.batchId = batchId;
    this.watermarkMs = watermarkMs;
    this.lateEventsWatermarkMs = lateEventsWatermarkMs;
    this.stateStores = stateStores;
    this.sources = sources.clone();
    this.rowsRead = new LongAdder[sources.length];
    for (int i = 0; i < sources.length; i++) rowsRead[i] = new LongAdder();
  }

  public long batchId() {
    return batchId;
  }

  /** The event-time watermark of this batch, in milliseconds since the epoch. */
  public long watermarkMs() {
    return watermarkMs;
  }

  /** The previous batch's watermark, which judges input rows late. */
  public long lateEventsWatermarkMs() {
    return lateEventsWatermarkMs;
  }

  /** The new input of source {@code index}, or null when it has none in this batch. */
  public BatchScan source(int index) {
    return sources[index];
  }

  /** The state stores of the running query. */
  public StateStoreRegistry stateStores() {
    return stateStores;
  }

  /** Counts rows read from source {@code index}. */
  public void addRowsRead(int index, long rows) {
    rowsRead[index].add(rows);
  }

  public long rowsRead(int index) {
    return rowsRead[index].sum();
  }
}
