package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.streaming.OutputMode;

/**
 * A latency probe of WORKLOADS.md (LAT0, LAT1): a query over the {@code rate} source that {@link
 * ProbeRunner} runs with {@code Trigger.ProcessingTime(0)} into the {@code noop} sink, reporting
 * the p50/p99 duration of the measured batches. A new probe is one class implementing this, listed
 * in {@link Workloads}.
 */
interface LatencyProbe {
  String name();

  String description();

  /** The query over {@code rate} (columns {@code timestamp}, {@code value}). */
  DataFrame query(Session session, DataFrame rate);

  default OutputMode outputMode() {
    return OutputMode.Append();
  }
}
