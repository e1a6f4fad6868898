package io.sluice.bench.workload;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.window;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.streaming.OutputMode;

/**
 * LAT1: the per-batch cost of a stateful query, {@code rate} 1000 rows/s → 10-second watermark →
 * 1-second tumbling count by {@code value % 8} → noop, update mode.
 */
final class Lat1Stateful implements LatencyProbe {
  @Override
  public String name() {
    return "LAT1";
  }

  @Override
  public String description() {
    return "rate source -> watermark 10 s -> 1 s tumbling count by value % 8 -> noop (update)";
  }

  @Override
  public DataFrame query(Session session, DataFrame rate) {
    return rate.withWatermark("timestamp", "10 seconds")
        .groupBy(window(col("timestamp"), "1 second"), col("value").mod(8).as("bucket"))
        .agg(count(col("value")).as("n"));
  }

  @Override
  public OutputMode outputMode() {
    return OutputMode.Update();
  }
}
