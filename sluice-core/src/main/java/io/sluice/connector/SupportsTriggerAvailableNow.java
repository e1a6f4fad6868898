package io.sluice.connector;

/**
 * A source that can fix, at query start, the data a {@code Trigger.AvailableNow()} query must read
 * (Spark's capability of the same name), then reads it in batches under its read limits. Without it
 * the engine fixes the target itself, the latest offset at start, and reads it in one batch with no
 * read limit, as Spark does for such sources.
 */
public interface SupportsTriggerAvailableNow extends MicroBatchStream {
  /** Called once before the first batch: later {@code latestOffset} calls stop at this point. */
  void prepareForTriggerAvailableNow();
}
