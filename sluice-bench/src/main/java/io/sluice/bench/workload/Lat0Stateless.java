package io.sluice.bench.workload;

import static io.sluice.functions.col;

import io.sluice.DataFrame;
import io.sluice.Session;

/**
 * LAT0: the per-batch cost of a stateless query, {@code rate} 1000 rows/s (2 partitions) → filter
 * and project → noop.
 */
final class Lat0Stateless implements LatencyProbe {
  @Override
  public String name() {
    return "LAT0";
  }

  @Override
  public String description() {
    return "rate source -> filter value % 10 <> 3 -> project timestamp, value, value * 2 -> noop";
  }

  @Override
  public DataFrame query(Session session, DataFrame rate) {
    return rate.filter(col("value").mod(10).notEqual(3))
        .select(col("timestamp"), col("value"), col("value").multiply(2).as("doubled"));
  }
}
