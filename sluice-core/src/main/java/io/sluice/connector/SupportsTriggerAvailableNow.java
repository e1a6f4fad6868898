package io.sluice.connector;

/**
 * A source that can fix, at query start, the data a {@code Trigger.AvailableNow()} query must read
 * (Spark's capability of the same name). Without it the engine fixes the target itself: the latest
 * offset with no read limit at start, approached batch by batch under the source's limits.
 */
public interface SupportsTriggerAvailableNow extends MicroBatchStream {
  /** Called once before the first batch: later {@code latestOffset} calls stop at this point. */
  void prepareForTriggerAvailableNow();
}
