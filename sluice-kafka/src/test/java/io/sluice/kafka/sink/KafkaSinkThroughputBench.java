package io.sluice.kafka.sink;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.StreamingQuery;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        boolean eoFirst = Boolean.getBoolean("sluice.bench.eoFirst");
        for (boolean eo : new boolean[] {eoFirst, !eoFirst}) {
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
      for (boolean eo : new boolean[] {false, true, false, true}) {
        commitLatency(session, broker, eo);
      }
    }
  }

  /** The median addBatch time of small streaming batches (100 rows): the cost of a commit. */
  private static void commitLatency(Session session, KafkaTestBroker broker, boolean eo) {
    String topic = "bench-latency-" + eo + "-" + System.nanoTime();
    broker.createTopic(topic, 2);
    MemoryStream input = MemoryStream.of(session, "value STRING");
    Path dir;
    try {
      dir = Files.createTempDirectory("sluice-bench-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    StreamingQuery q =
        input
            .toDF()
            .writeStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", broker.bootstrapServers())
            .option("topic", topic)
            .option("exactlyOnce", Boolean.toString(eo))
            .option("checkpointLocation", dir.toString())
            .start();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) rows.add(Row.of("event-" + i));
    List<Long> times = new ArrayList<>();
    try {
      for (int b = 0; b < 40; b++) {
        input.addData(rows);
        q.processAllAvailable();
        if (b >= 5) times.add(q.lastProgress().durationMs().get("addBatch"));
      }
    } finally {
      q.stop();
    }
    Collections.sort(times);
    System.out.printf(
        "BENCH streaming %s: 100-row batches, addBatch median %d ms, max %d ms%n",
        eo ? "exactly-once" : "at-least-once",
        times.get(times.size() / 2),
        times.get(times.size() - 1));
  }
}
