package io.sluice.bench.workload;

import static io.sluice.functions.col;
import static io.sluice.functions.from_json;

import io.sluice.DataFrame;
import io.sluice.Session;

/**
 * The EventGen events read from a Kafka topic: {@code CAST(value AS STRING)} parsed with {@code
 * from_json} and the events' schema, from the earliest offsets, {@code maxOffsetsPerTrigger}
 * records per micro-batch. Only the events: W0 and W1 run over it.
 */
record KafkaEventStreams(String bootstrapServers, String topic, long maxOffsetsPerTrigger)
    implements EventStreams {

  /** The topic's rows as the Kafka source gives them (key, value, topic, partition, ...). */
  DataFrame records(Session session) {
    return session
        .readStream()
        .format("kafka")
        .option("kafka.bootstrap.servers", bootstrapServers)
        .option("subscribe", topic)
        .option("startingOffsets", "earliest")
        .option("maxOffsetsPerTrigger", maxOffsetsPerTrigger)
        .load();
  }

  @Override
  public DataFrame eventsRaw(Session session) {
    return records(session)
        .selectExpr("CAST(value AS STRING) AS value")
        .select(from_json(col("value"), EventInput.EVENTS).as("e"))
        .select("e.*");
  }

  /**
   * Not a workload of WORKLOADS.md: the Kafka source alone ({@code length(value)}, no parsing), to
   * tell the source's cost from the query's.
   */
  static final Workload SOURCE_ONLY =
      new Workload() {
        @Override
        public String name() {
          return "SOURCE";
        }

        @Override
        public String description() {
          return "the Kafka source alone: length(value), no parsing";
        }

        @Override
        public DataFrame query(Session session, EventStreams input) {
          return ((KafkaEventStreams) input).records(session).selectExpr("length(value) AS n");
        }
      };

  @Override
  public DataFrame enrichment(Session session) {
    throw new UnsupportedOperationException("the Kafka benchmark reads only the events (W0, W1)");
  }

  @Override
  public DataFrame customers(Session session) {
    throw new UnsupportedOperationException("the Kafka benchmark reads only the events (W0, W1)");
  }
}
