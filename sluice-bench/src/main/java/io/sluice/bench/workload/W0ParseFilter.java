package io.sluice.bench.workload;

import static io.sluice.functions.col;

import io.sluice.DataFrame;
import io.sluice.Session;

/**
 * W0: parse, filter and project, {@code SELECT event_id, user_id, event_type, ts, amount FROM
 * events_raw WHERE event_type <> 'view' AND amount >= 0}, append mode.
 */
final class W0ParseFilter implements Workload {
  @Override
  public String name() {
    return "W0";
  }

  @Override
  public String description() {
    return "parse the JSON events with their schema, keep non-view events with amount >= 0,"
        + " project 5 columns";
  }

  @Override
  public DataFrame query(Session session, EventStreams input) {
    return input
        .eventsRaw(session)
        .filter(col("event_type").notEqual("view").and(col("amount").geq(0)))
        .select("event_id", "user_id", "event_type", "ts", "amount");
  }
}
