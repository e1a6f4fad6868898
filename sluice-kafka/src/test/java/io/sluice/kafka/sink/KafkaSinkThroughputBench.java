package io.sluice.kafka.sink;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick measure of the sink's records/s, at-least-once and exactly-once, with ~150-byte values
 * into a 2-partition topic. Off by default; run with {@code -Dtest=KafkaSinkThroughputBench
 * -Dsluice.bench=true [-Dsluice.bench.rows=2000000]}.
 */
@EnabledIfSystemProperty(named = "sluice.bench", matches = "true")
class KafkaSinkThroughputBench {
  @Test
  void measure() {
    long rows = Long.getLong("sluice.bench.rows", 2_000_000L);
    Session session = TestSessions.shared();
    DataFrame df =
        session
            .range(rows)
            .selectExpr(
                "CAST(id AS STRING) AS key",
                "concat(CAST(id AS STRING), repeat('x', 140)) AS value");
    try (KafkaTestBroker broker = KafkaTestBroker.start()) {
      for (int round = 0; round < 2; round++) {
        for (boolean eo : new boolean[] {false, true}) {
          String topic = "bench-" + round + "-" + eo;
          broker.createTopic(topic, 2);
          long t0 = System.nanoTime();
          df.write()
              .format("kafka")
              .option("kafka.bootstrap.servers", broker.bootstrapServers())
              .option("topic", topic)
              .option("exactlyOnce", Boolean.toString(eo))
              .save();
          double s = (System.nanoTime() - t0) / 1e9;
          System.out.printf(
              "BENCH round %d %s: %d records in %.2f s = %.0f records/s%n",
              round, eo ? "exactly-once" : "at-least-once", rows, s, rows / s);
        }
      }
    }
  }
}
