package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Session;

/**
 * The inputs a workload's query reads: the EventGen events as a stream (from JSON files, {@link
 * EventInput}, or from a Kafka topic, {@link KafkaEventStreams}), the enrichment stream and the
 * customers dimension.
 */
interface EventStreams {
  /** The events as a stream without a watermark ({@code events_raw} of WORKLOADS.md). */
  DataFrame eventsRaw(Session session);

  /** The events with a 10-minute watermark on {@code ts} ({@code events}). */
  default DataFrame events(Session session) {
    return eventsRaw(session).withWatermark("ts", "10 minutes");
  }

  /** The enrichment stream with a 10-minute watermark on {@code ts}. */
  DataFrame enrichment(Session session);

  /** The customers dimension as a static DataFrame. */
  DataFrame customers(Session session);
}
