package io.sluice.streaming.operator;

import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.exec.task.TaskContext;
import io.sluice.streaming.StateOperatorProgress;

/**
 * A physical operator that keeps state across micro-batches. The runtime asks it whether a batch
 * without new data is worth running after the watermark moved (to emit closed windows and evict
 * state), and for its figures in the progress report.
 */
public interface StatefulOperator extends PhysicalOperator {
  /** True when a batch run with watermark {@code newWatermarkMs} would emit or evict something. */
  boolean shouldRunAnotherBatch(long newWatermarkMs);

  /** The watermark this operator passes to stateful operators above it, given its input's. */
  default long outputWatermarkMs(long inputWatermarkMs) {
    return inputWatermarkMs;
  }

  /** This operator's figures for the batch run in {@code context}. */
  StateOperatorProgress progress(TaskContext context);
}
