package io.sluice.connector;

import io.sluice.types.StructType;
import java.util.Map;

/**
 * A streaming source read in micro-batches, created once per query start. The engine asks for the
 * latest offset, logs the range {@code (start, end]} in the offset log, then reads it through
 * {@link #planBatch}; a range is read again with the same offsets after a failure, so reading a
 * range must be repeatable until {@link #commit} says it is done.
 *
 * <p>Calls come from the query's own thread, one at a time; {@link BatchScan#read} of the returned
 * scans runs on worker threads.
 */
public interface MicroBatchStream {
  /** Text for plans and progress, e.g. {@code MemoryStream[value#1]}. */
  String description();

  /** The rows' schema; fixed for the life of the query. */
  StructType schema();

  /** The offset before the first record this query reads (its {@code startingOffsets}). */
  Offset initialOffset();

  /**
   * The end of the next batch starting after {@code start}: as far as data is available, but no
   * further than {@code limit} allows. Returns {@code start} (or an equal offset) when nothing new
   * has arrived.
   */
  Offset latestOffset(Offset start, ReadLimit limit);

  /**
   * Waits until records may have arrived after what the last {@link #latestOffset} call saw, for at
   * most {@code maxWaitMs}; the engine calls it instead of sleeping when a trigger of the default
   * trigger found nothing new, so a source that can tell when data arrives (a long poll) starts the
   * next batch at once. Returns false without waiting when the source cannot tell (the default):
   * the engine then sleeps its polling delay.
   */
  default boolean awaitNewData(long maxWaitMs) throws InterruptedException {
    return false;
  }

  /** The limit the source's options ask for ({@code maxFilesPerTrigger}...); all by default. */
  default ReadLimit defaultReadLimit() {
    return ReadLimit.allAvailable();
  }

  /** The records in {@code (start, end]} as a batch scan of this source's full schema. */
  BatchScan planBatch(Offset start, Offset end);

  /** Reads an offset back from its {@link Offset#json()} text (as written in the offset log). */
  Offset deserializeOffset(String json);

  /** Everything up to {@code end} is processed and committed; the source may forget it. */
  default void commit(Offset end) {}

  /** The query stops: release connections, threads and files. */
  default void stop() {}

  /**
   * Source-specific figures for the progress report's {@code sources[].metrics}, given the offset
   * processed last (null before the first batch). Values are strings, as Spark reports them.
   */
  default Map<String, String> metrics(Offset latestConsumed) {
    return Map.of();
  }
}
