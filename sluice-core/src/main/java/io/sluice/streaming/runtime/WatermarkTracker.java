package io.sluice.streaming.runtime;

import io.sluice.exec.task.TaskContext;
import io.sluice.streaming.operator.EventTimeStats;
import io.sluice.streaming.operator.EventTimeWatermarkOperator;
import java.util.List;

/**
 * The event-time watermark of a query, as Spark tracks it: after each batch, every {@code
 * withWatermark} input that saw rows proposes its largest event time minus its delay (an input
 * never moves back, and one that has seen nothing yet counts as 0); the global watermark is the
 * smallest (policy {@code min}) or largest ({@code max}) proposal, and it only ever moves forward.
 */
final class WatermarkTracker {
  private final boolean maxPolicy;
  private long[] perInput;
  private long globalMs;

  WatermarkTracker(String policy) {
    this.maxPolicy = policy.equalsIgnoreCase("max");
  }

  long currentMs() {
    return globalMs;
  }

  /** Restores the watermark a restarted query had (from its offset or commit log). */
  void set(long watermarkMs) {
    globalMs = watermarkMs;
  }

  /** Folds in the figures of a finished batch; returns whether the watermark moved. */
  boolean update(List<EventTimeWatermarkOperator> operators, TaskContext context) {
    if (operators.isEmpty()) return false;
    if (perInput == null || perInput.length != operators.size()) {
      perInput = new long[operators.size()];
      java.util.Arrays.fill(perInput, Long.MIN_VALUE);
    }
    for (int i = 0; i < operators.size(); i++) {
      EventTimeWatermarkOperator op = operators.get(i);
      EventTimeStats stats = op.stats(context);
      if (stats.count() > 0) {
        long proposed = stats.maxMicros() / 1000L - op.delayMs(); // Spark truncates micros to ms
        if (perInput[i] == Long.MIN_VALUE || proposed > perInput[i]) perInput[i] = proposed;
      } else if (perInput[i] == Long.MIN_VALUE) {
        perInput[i] = 0;
      }
    }
    long chosen = perInput[0];
    for (long w : perInput) chosen = maxPolicy ? Math.max(chosen, w) : Math.min(chosen, w);
    if (chosen > globalMs) {
      globalMs = chosen;
      return true;
    }
    return false;
  }
}
