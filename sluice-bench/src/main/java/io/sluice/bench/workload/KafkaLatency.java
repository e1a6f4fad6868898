package io.sluice.bench.workload;

import static io.sluice.functions.col;
import static io.sluice.functions.from_json;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.streaming.StreamingQuery;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The end-to-end latency run: EventGen events produced at a steady rate (default 1,000/s) into a
 * 2-partition topic, a stateless Sluice query (W0's filter and projection, the record key passed
 * through) with the default trigger into a second topic, and a consumer of that topic. Each
 * record's key is the producer's {@code System.nanoTime()} at send, so latency is measured from the
 * producer's send to the consumer's receipt in one JVM. A consumer of the input topic measures the
 * same for the plain produce-consume hop in the same run, for comparison.
 */
final class KafkaLatency {
  /** The percentiles of one run, in milliseconds. */
  record Latencies(long samples, double p50, double p99, double max) {
    String describe() {
      return String.format(
          Locale.ROOT, "samples=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f", samples, p50, p99, max);
    }
  }

  record Outcome(Latencies sluice, Latencies raw) {}

  private KafkaLatency() {}

  /** The query: parse, W0's filter and projection, back to JSON; the key carries the send time. */
  static DataFrame query(Session session, String bootstrap, String inTopic) {
    return session
        .readStream()
        .format("kafka")
        .option("kafka.bootstrap.servers", bootstrap)
        .option("subscribe", inTopic)
        .option("startingOffsets", "earliest")
        .load()
        .selectExpr("key", "CAST(value AS STRING) AS json")
        .select(col("key"), from_json(col("json"), EventInput.EVENTS).as("e"))
        .filter("e.event_type <> 'view' AND e.amount >= 0")
        .selectExpr(
            "key", "to_json(struct(e.event_id, e.user_id, e.event_type, e.ts, e.amount)) AS value");
  }

  static Outcome run(
      Session session,
      String bootstrap,
      String inTopic,
      String outTopic,
      List<byte[]> values,
      double rate,
      Duration warmup,
      Duration measured,
      Path checkpoint)
      throws Exception {
    StreamingQuery q =
        query(session, bootstrap, inTopic)
            .writeStream()
            .format("kafka")
            .queryName("latency")
            .option("kafka.bootstrap.servers", bootstrap)
            .option("topic", outTopic)
            .option("kafka.linger.ms", "0")
            .option("checkpointLocation", checkpoint.toString())
            .start();
    Recorder sluice = new Recorder(bootstrap, outTopic, "sluice-latency");
    Recorder raw = new Recorder(bootstrap, inTopic, "raw-latency");
    try {
      long start = System.nanoTime();
      long measureFrom = start + warmup.toNanos();
      long measureTo = measureFrom + measured.toNanos();
      sluice.window(measureFrom, measureTo);
      raw.window(measureFrom, measureTo);
      produce(bootstrap, inTopic, values, rate, start, measureTo);
      // the last records sent need a moment to come through
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline
          && (sluice.lastSeen() < measureTo - 50_000_000L
              || raw.lastSeen() < measureTo - 50_000_000L)) {
        if (!q.isActive()) break;
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      if (q.exception().isPresent()) throw q.exception().get();
    } finally {
      q.stop();
      sluice.close();
      raw.close();
    }
    return new Outcome(sluice.latencies(), raw.latencies());
  }

  private static void produce(
      String bootstrap, String topic, List<byte[]> values, double rate, long start, long until) {
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      long sent = 0;
      long period = (long) (1e9 / rate);
      while (true) {
        long now = System.nanoTime();
        if (now >= until) break;
        long due = start + sent * period;
        if (now < due) {
          LockSupport.parkNanos(due - now);
          continue;
        }
        byte[] key = ByteBuffer.allocate(8).putLong(System.nanoTime()).array();
        p.send(
            new ProducerRecord<>(
                topic, (int) (sent % 2), key, values.get((int) (sent % values.size()))));
        sent++;
      }
      p.flush();
    }
  }

  /** A consumer thread recording send-to-receipt latencies of records sent within a window. */
  private static final class Recorder implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long from = Long.MAX_VALUE;
    private volatile long to = Long.MIN_VALUE;
    private volatile long lastSeen = Long.MIN_VALUE;
    private long[] micros = new long[1 << 16];
    private int n;

    Recorder(String bootstrap, String topic, String name) {
      consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrap,
                  ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                  100,
                  ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                  "read_uncommitted"),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer());
      List<TopicPartition> tps =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(tps);
      consumer.seekToEnd(tps);
      tps.forEach(consumer::position); // resolve now: only records sent from now on count
      thread = new Thread(this::loop, name);
      thread.setDaemon(true);
      thread.start();
    }

    void window(long fromNanos, long toNanos) {
      from = fromNanos;
      to = toNanos;
    }

    long lastSeen() {
      return lastSeen;
    }

    private void loop() {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          long now = System.nanoTime();
          if (r.key() == null || r.key().length != 8) continue;
          long sent = ByteBuffer.wrap(r.key()).getLong();
          lastSeen = Math.max(lastSeen, sent);
          if (sent < from || sent >= to) continue;
          synchronized (this) {
            if (n == micros.length) micros = Arrays.copyOf(micros, n * 2);
            micros[n++] = (now - sent) / 1000;
          }
        }
      }
    }

    synchronized Latencies latencies() {
      long[] s = Arrays.copyOf(micros, n);
      Arrays.sort(s);
      if (n == 0) return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
      return new Latencies(n, pct(s, 50) / 1000.0, pct(s, 99) / 1000.0, s[n - 1] / 1000.0);
    }

    private static long pct(long[] sorted, int p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join();
      consumer.close();
    }
  }

  static Path tempCheckpoint() throws java.io.IOException {
    return Files.createTempDirectory("sluice-bench-kafka-latency-");
  }
}
