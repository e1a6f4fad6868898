package io.sluice.cli.demo;

import static io.sluice.functions.col;
import static io.sluice.functions.from_json;
import static io.sluice.functions.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.streaming.StreamingQuery;
import io.sluice.testing.kafka.KafkaTestBroker;
import io.sluice.types.StructType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's first "done when": the seed's pipeline end to end against a real broker. Events with
 * known timestamps go into {@code events}; the query subscribes, parses them with {@code
 * from_json}, counts per 1-minute window and event type with a 10-minute watermark in update mode
 * and writes {@code to_json(struct(*))} into a topic; the last record per window and type in that
 * topic is exactly the count of the events not dropped as late.
 */
class SeedPipelineKafkaTest {
  private static final StructType EVENT =
      StructType.fromDDL(
          "event_id STRING, user_id STRING, customer_id STRING, event_type STRING,"
              + " ts TIMESTAMP, amount DOUBLE");
  private static final Pattern OUTPUT =
      Pattern.compile(
          "\\{\"window\":\\{\"start\":\"([^\"]+)\",\"end\":\"([^\"]+)\"},"
              + "\"event_type\":\"([^\"]+)\",\"count\":(\\d+)}");

  private static KafkaTestBroker broker;
  @TempDir Path checkpoint;

  @BeforeAll
  static void start() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void windowedCountsReachTheOutputTopicExactly() {
    broker.createTopic("events", 2);
    broker.createTopic("event-counts", 1);
    Session session =
        Session.builder()
            .appName("seed-pipeline")
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .create();
    StreamingQuery query = null;
    try {
      DataFrame counts =
          session
              .readStream()
              .format("kafka")
              .option("kafka.bootstrap.servers", broker.bootstrapServers())
              .option("subscribe", "events")
              .option("startingOffsets", "earliest")
              .load()
              .selectExpr("CAST(value AS STRING)")
              .select(from_json(col("value"), EVENT).as("data"))
              .select("data.*")
              .withWatermark("ts", "10 minutes")
              .groupBy(window(col("ts"), "1 minute"), col("event_type"))
              .count();
      query =
          counts
              .selectExpr("to_json(struct(*)) AS value")
              .writeStream()
              .format("kafka")
              .option("kafka.bootstrap.servers", broker.bootstrapServers())
              .option("topic", "event-counts")
              .option("checkpointLocation", checkpoint.toString())
              .outputMode("update")
              .start();

      // round 1: windows 00:00, 00:01 and 00:20; the watermark moves to 00:10:00
      produce(
          event(1, "view", "00:00:05"),
          event(2, "view", "00:00:59.999"),
          event(3, "click", "00:00:30"),
          event(4, "view", "00:01:00"),
          event(5, "purchase", "00:01:30"),
          event(6, "view", "00:20:00"));
      query.processAllAvailable();
      // round 2: 00:03 is behind the watermark (dropped); 00:12 is late but kept; window 00:20
      // and 00:00 (dropped: behind the watermark) get more events
      produce(
          event(7, "view", "00:03:00"),
          event(8, "view", "00:00:10"),
          event(9, "click", "00:12:30"),
          event(10, "view", "00:20:10"),
          event(11, "view", "00:20:59.999"),
          event(12, "search", "00:21:00"));
      query.processAllAvailable();
    } finally {
      if (query != null) query.stop();
      session.stop();
    }

    Map<String, Long> expected = new TreeMap<>();
    expected.put("2026-01-01T00:00:00.000Z view", 2L);
    expected.put("2026-01-01T00:00:00.000Z click", 1L);
    expected.put("2026-01-01T00:01:00.000Z view", 1L);
    expected.put("2026-01-01T00:01:00.000Z purchase", 1L);
    expected.put("2026-01-01T00:12:00.000Z click", 1L);
    expected.put("2026-01-01T00:20:00.000Z view", 3L);
    expected.put("2026-01-01T00:21:00.000Z search", 1L);
    List<String> records = readAll("event-counts");
    Map<String, Long> last = new TreeMap<>();
    for (String r : records) {
      Matcher m = OUTPUT.matcher(r);
      assertThat(m.matches()).as("output record %s", r).isTrue();
      assertThat(Instant.parse(m.group(2)))
          .isEqualTo(Instant.parse(m.group(1)).plus(Duration.ofMinutes(1)));
      String key = m.group(1) + " " + m.group(3);
      long count = Long.parseLong(m.group(4));
      Long before = last.put(key, count);
      if (before != null) assertThat(count).as("update of %s", key).isGreaterThan(before);
    }
    assertThat(last).isEqualTo(expected);
    // update mode: round 1 emitted its 5 rows, round 2 the 3 windows it changed
    assertThat(records).hasSize(8);
  }

  private static String event(int id, String type, String time) {
    return "{\"event_id\":\"e"
        + id
        + "\",\"user_id\":\"u"
        + id % 3
        + "\",\"customer_id\":\"c1\",\"event_type\":\""
        + type
        + "\",\"ts\":\"2026-01-01T"
        + time
        + (time.contains(".") ? "" : ".000")
        + "Z\",\"amount\":1.5}";
  }

  private static void produce(String... values) {
    Map<String, Object> pc =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(pc, new StringSerializer(), new StringSerializer())) {
      int i = 0;
      for (String v : values) p.send(new ProducerRecord<>("events", i++ % 2, null, v));
      p.flush();
    }
  }

  /** Every record of {@code topic}, partition by partition, in offset order. */
  static List<String> readAll(String topic) {
    Map<String, Object> cc =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(cc, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (PartitionInfo p : c.partitionsFor(topic)) {
        tps.add(new TopicPartition(topic, p.partition()));
      }
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> end = c.endOffsets(tps);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && !reached(c, end)) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (c.position(e.getKey()) < e.getValue()) return false;
    }
    return true;
  }
}
