package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.streaming.OutputMode;

/**
 * One throughput workload of WORKLOADS.md (W0..W6): a streaming query over the EventGen input
 * (files or a Kafka topic), which {@link WorkloadRunner} runs with {@code Trigger.AvailableNow()}
 * into the {@code noop} sink and reports as one {@code RESULT} line. A new workload is one class
 * implementing this, listed in {@link Workloads}.
 */
interface Workload {
  /** The id on the command line and in the RESULT line, e.g. {@code W0}. */
  String name();

  /** One line saying what the query does. */
  String description();

  /** The streaming query over {@code input}. */
  DataFrame query(Session session, EventStreams input);

  default OutputMode outputMode() {
    return OutputMode.Append();
  }
}
