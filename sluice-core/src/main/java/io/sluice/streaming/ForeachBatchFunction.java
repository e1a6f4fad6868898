package io.sluice.streaming;

import io.sluice.DataFrame;

/**
 * What {@code writeStream().foreachBatch(...)} runs for each micro-batch: a plain lambda {@code
 * (df, batchId) -> ...} compiles. {@code batchDF} is a batch DataFrame of the micro-batch's output,
 * usable any number of times within the call; {@code batchId} repeats when a batch is re-run after
 * a failure, so writes keyed by it can be made idempotent.
 */
@FunctionalInterface
public interface ForeachBatchFunction {
  void call(DataFrame batchDF, long batchId) throws Exception;
}
