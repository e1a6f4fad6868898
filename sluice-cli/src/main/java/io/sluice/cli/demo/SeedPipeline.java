package io.sluice.cli.demo;

import static io.sluice.functions.col;
import static io.sluice.functions.from_json;
import static io.sluice.functions.window;

import io.sluice.DataFrame;
import io.sluice.Session;

/**
 * The seed's streaming pipeline: events from a Kafka topic, parsed from JSON, counted per 1-minute
 * event-time window and event type with a 10-minute watermark.
 */
public final class SeedPipeline {
  private SeedPipeline() {}

  /** The windowed counts over the events in {@code topic}, read from the earliest offsets. */
  public static DataFrame windowedCounts(Session session, String bootstrapServers, String topic) {
    return session
        .readStream()
        .format("kafka")
        .option("kafka.bootstrap.servers", bootstrapServers)
        .option("subscribe", topic)
        .option("startingOffsets", "earliest")
        .load()
        .selectExpr("CAST(value AS STRING)")
        .select(from_json(col("value"), DemoEvents.SCHEMA).as("data"))
        .select("data.*")
        .withWatermark("ts", "10 minutes")
        .groupBy(window(col("ts"), "1 minute"), col("event_type"))
        .count();
  }

  /** The rows as Kafka records: {@code to_json(struct(*)) AS value}. */
  public static DataFrame asKafkaRecords(DataFrame counts) {
    return counts.selectExpr("to_json(struct(*)) AS value");
  }
}
