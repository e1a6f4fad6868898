package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.logical.EventTimeWatermark;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataType;
import io.sluice.types.IntervalText;
import io.sluice.types.TimestampType;

/** Argument checks of {@link DataFrame#withWatermark}. */
final class Watermarks {
  private Watermarks() {}

  static long delayMillis(String delay) {
    long micros;
    try {
      micros = IntervalText.parseDurationMicros(delay);
    } catch (IllegalArgumentException e) {
      throw new AnalysisException(
          ErrorClass.INVALID_WATERMARK_DELAY,
          SluiceException.params("delay", "'" + delay + "'", "reason", e.getMessage()));
    }
    if (micros < 0) {
      throw new AnalysisException(
          ErrorClass.INVALID_WATERMARK_DELAY,
          SluiceException.params(
              "delay", "'" + delay + "'", "reason", "the delay must not be negative"));
    }
    return micros / 1000;
  }

  /** The watermark's column must be a timestamp (or a window struct, checked by windows). */
  static void checkEventTimeType(LogicalPlan analyzed, String name) {
    if (!(analyzed instanceof EventTimeWatermark w)) return;
    DataType t = w.eventTime().dataType();
    if (t instanceof TimestampType) return;
    if (t instanceof io.sluice.types.StructType s
        && s.length() == 2
        && s.fields()[0].name().equals("start")
        && s.fields()[1].name().equals("end")) {
      return; // a window column: its end is the event time
    }
    throw new AnalysisException(
        ErrorClass.EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE,
        SluiceException.params("eventName", "`" + name + "`", "eventType", "\"" + t.sql() + "\""));
  }
}
