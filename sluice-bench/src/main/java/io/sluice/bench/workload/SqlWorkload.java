package io.sluice.bench.workload;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.streaming.OutputMode;

/**
 * A workload given as WORKLOADS.md writes it, in SQL over the views {@code events} (with a
 * 10-minute watermark on {@code ts}), {@code events_raw} (without), {@code enrichment} (with the
 * same watermark) and {@code customers} (a static table).
 */
record SqlWorkload(String name, String description, String sql, OutputMode outputMode)
    implements Workload {

  @Override
  public DataFrame query(Session session, EventStreams input) {
    if (sql.contains(" events ")) input.events(session).createOrReplaceTempView("events");
    if (sql.contains("events_raw")) input.eventsRaw(session).createOrReplaceTempView("events_raw");
    if (sql.contains("enrichment")) {
      input.enrichment(session).createOrReplaceTempView("enrichment");
    }
    if (sql.contains("customers")) input.customers(session).createOrReplaceTempView("customers");
    return session.sql(sql);
  }

  static final SqlWorkload W1 =
      new SqlWorkload(
          "W1",
          "1-minute tumbling count by event type, update mode",
          "SELECT window(ts, '1 minute'), event_type, count(*) FROM events"
              + " GROUP BY window(ts, '1 minute'), event_type",
          OutputMode.Update());

  static final SqlWorkload W2 =
      new SqlWorkload(
          "W2",
          "1-minute windows sliding every 30 seconds, count by user, update mode",
          "SELECT window(ts, '1 minute', '30 seconds'), user_id, count(*) FROM events"
              + " GROUP BY 1, 2",
          OutputMode.Update());

  static final SqlWorkload W3 =
      new SqlWorkload(
          "W3",
          "5-minute-gap session windows, count by user, append mode",
          "SELECT session_window(ts, '5 minutes'), user_id, count(*) FROM events GROUP BY 1, 2",
          OutputMode.Append());

  static final SqlWorkload W4 =
      new SqlWorkload(
          "W4",
          "stream-static left join with the customers table, filtered, 8 columns",
          "SELECT e.event_id, e.user_id, e.customer_id, e.event_type, e.ts, e.amount,"
              + " c.customer_name, coalesce(c.segment, 'unknown') AS segment"
              + " FROM events_raw e LEFT JOIN customers c ON e.customer_id = c.customer_id"
              + " WHERE e.amount > 1.0 AND coalesce(c.segment, 'unknown') <> 'consumer'",
          OutputMode.Append());

  static final SqlWorkload W5 =
      new SqlWorkload(
          "W5",
          "stream-stream inner join with enrichment within 5 minutes, watermarks on both",
          "SELECT e.event_id, e.user_id, e.ts, n.campaign FROM events e JOIN enrichment n"
              + " ON e.user_id = n.user_id"
              + " AND n.ts BETWEEN e.ts - INTERVAL 5 MINUTES AND e.ts + INTERVAL 5 MINUTES",
          OutputMode.Append());
}
