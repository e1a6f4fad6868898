package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Session;

/** W6: {@code events.dropDuplicatesWithinWatermark("event_id")}, append mode. */
final class W6DedupWithinWatermark implements Workload {
  @Override
  public String name() {
    return "W6";
  }

  @Override
  public String description() {
    return "dropDuplicatesWithinWatermark(event_id) with a 10-minute watermark";
  }

  @Override
  public DataFrame query(Session session, EventStreams input) {
    return input.events(session).dropDuplicatesWithinWatermark("event_id");
  }
}
