package io.sluice.streaming;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.types.IntervalText;
import java.util.concurrent.TimeUnit;

/**
 * When a streaming query runs its micro-batches, as Spark's {@code Trigger}: as soon as the last
 * one ended (the default), at a fixed interval, once, or over everything available at start.
 */
public sealed interface Trigger {

  /** Micro-batches every {@code intervalMs} milliseconds; 0 is the default trigger. */
  record ProcessingTimeTrigger(long intervalMs) implements Trigger {}

  /** One micro-batch over all data available at start, then stop (deprecated in Spark). */
  record OnceTrigger() implements Trigger {}

  /** All data available at start, in as many micro-batches as the read limits ask, then stop. */
  record AvailableNowTrigger() implements Trigger {}

  /** Continuous processing with the given checkpoint interval (not supported yet). */
  record ContinuousTrigger(long intervalMs) implements Trigger {}

  /** A micro-batch every {@code intervalMs} milliseconds. */
  static Trigger ProcessingTime(long intervalMs) {
    if (intervalMs < 0) {
      throw invalid("ProcessingTime(" + intervalMs + ")", "the interval must not be negative");
    }
    return new ProcessingTimeTrigger(intervalMs);
  }

  /** A micro-batch every {@code interval} of {@code unit}. */
  static Trigger ProcessingTime(long interval, TimeUnit unit) {
    return ProcessingTime(unit.toMillis(interval));
  }

  /** A micro-batch every {@code interval}, e.g. {@code "10 seconds"} or {@code "1 minute"}. */
  static Trigger ProcessingTime(String interval) {
    return new ProcessingTimeTrigger(parseMillis("ProcessingTime", interval));
  }

  static Trigger Once() {
    return new OnceTrigger();
  }

  static Trigger AvailableNow() {
    return new AvailableNowTrigger();
  }

  static Trigger Continuous(long intervalMs) {
    if (intervalMs < 0) {
      throw invalid("Continuous(" + intervalMs + ")", "the interval must not be negative");
    }
    return new ContinuousTrigger(intervalMs);
  }

  static Trigger Continuous(String interval) {
    return new ContinuousTrigger(parseMillis("Continuous", interval));
  }

  private static long parseMillis(String kind, String interval) {
    long micros;
    try {
      micros = IntervalText.parseDurationMicros(interval);
    } catch (IllegalArgumentException e) {
      throw invalid(kind + "(\"" + interval + "\")", e.getMessage());
    }
    if (micros < 0) {
      throw invalid(kind + "(\"" + interval + "\")", "the interval must not be negative");
    }
    return micros / 1000;
  }

  private static SluiceIllegalArgumentException invalid(String trigger, String reason) {
    return new SluiceIllegalArgumentException(
        ErrorClass.INVALID_TRIGGER, SluiceException.params("trigger", trigger, "reason", reason));
  }
}
