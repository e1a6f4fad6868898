package io.sluice.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Row;
import io.sluice.Session;
import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.SourceContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.Trigger;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick measurement, not a test of the suite: reads ~1M small records (2 partitions) with a plain
 * consumer, with the source's scan alone and through the engine. Run with {@code
 * -Dsluice.kafka.throughput=true -Dtest=KafkaSourceThroughputCheck}.
 */
@EnabledIfSystemProperty(named = "sluice.kafka.throughput", matches = "true")
class KafkaSourceThroughputCheck {
  private static final int N = Integer.getInteger("sluice.kafka.records", 1_000_000);
  private static final java.util.concurrent.atomic.AtomicLong CPU_NANOS =
      new java.util.concurrent.atomic.AtomicLong();

  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  @Test
  void measure() throws Exception {
    try (KafkaTestBroker broker = KafkaTestBroker.start()) {
      String t = "throughput";
      broker.createTopic(t, 2);
      long p0 = System.nanoTime();
      produce(broker, t);
      report("produce", N, p0);
      for (int round = 0; round < 3; round++) {
        long r0 = System.nanoTime();
        assertThat(rawDrain(broker, t)).isEqualTo(N);
        report("raw consumers (2 threads, tuned)", N, r0);
        long s0 = System.nanoTime();
        assertThat(scanAll(broker, t)).isEqualTo(N);
        report("source scan, all 7 columns (2 tasks)", N, s0);
        Session session = TestSessions.shared();
        long b0 = System.nanoTime();
        List<Row> agg =
            session
                .read()
                .format("kafka")
                .option("kafka.bootstrap.servers", broker.bootstrapServers())
                .option("subscribe", t)
                .load()
                .selectExpr("count(*)", "sum(length(value))")
                .collectAsList();
        report("batch query count+sum(length(value))", N, b0);
        assertThat(agg.get(0).getLong(0)).isEqualTo(N);
        Path cp = Files.createTempDirectory("kafka-throughput");
        long q0 = System.nanoTime();
        StreamingQuery q =
            session
                .readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", broker.bootstrapServers())
                .option("subscribe", t)
                .option("startingOffsets", "earliest")
                .load()
                .selectExpr("CAST(value AS STRING) AS v", "offset")
                .writeStream()
                .format("noop")
                .option("checkpointLocation", cp.toString())
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        report("stream AvailableNow, CAST(value AS STRING) to noop", N, q0);
      }
    }
  }

  /**
   * Produce-to-batch latency of the source with the default trigger: 2,000 records at about 1,000
   * per second, each carrying its send time; the foreachBatch function notes when it sees them.
   */
  @Test
  void latency() throws Exception {
    try (KafkaTestBroker broker = KafkaTestBroker.start()) {
      String t = "latency";
      broker.createTopic(t, 2);
      Session session = TestSessions.shared();
      List<Long> micros = java.util.Collections.synchronizedList(new ArrayList<>());
      Path cp = Files.createTempDirectory("kafka-latency");
      StreamingQuery q =
          session
              .readStream()
              .format("kafka")
              .option("kafka.bootstrap.servers", broker.bootstrapServers())
              .option("subscribe", t)
              .load()
              .selectExpr("CAST(value AS STRING) AS sent")
              .writeStream()
              .option("checkpointLocation", cp.toString())
              .foreachBatch(
                  (df, id) -> {
                    long now = System.nanoTime();
                    for (Row r : df.collectAsList()) {
                      micros.add((now - Long.parseLong(r.getString(0))) / 1000);
                    }
                  })
              .start();
      Map<String, Object> pc = new HashMap<>();
      pc.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      pc.put(ProducerConfig.LINGER_MS_CONFIG, 0);
      try (KafkaProducer<byte[], byte[]> p =
          new KafkaProducer<>(pc, new ByteArraySerializer(), new ByteArraySerializer())) {
        q.processAllAvailable();
        long start = System.nanoTime();
        for (int i = 0; i < 4000; i++) {
          long due = start + i * 1_000_000L;
          while (System.nanoTime() < due) Thread.onSpinWait();
          p.send(
              new ProducerRecord<>(t, i & 1, null, Records.utf8(Long.toString(System.nanoTime()))));
        }
        p.flush();
      }
      q.processAllAvailable();
      for (io.sluice.streaming.StreamingQueryProgress pr : q.recentProgress()) {
        if (pr.numInputRows() > 0 && pr.batchId() % 20 == 0) {
          System.out.println("PROGRESS rows=" + pr.numInputRows() + " " + pr.durationMs());
        }
      }
      q.stop();
      assertThat(micros).hasSize(4000);
      // the first two seconds warm the JIT up
      List<Long> sorted = new ArrayList<>(micros.subList(2000, 4000));
      java.util.Collections.sort(sorted);
      System.out.printf(
          "LATENCY produce -> foreachBatch, default trigger, 1000/s: p50 %.2f ms, p90 %.2f ms,"
              + " p99 %.2f ms, max %.2f ms%n",
          sorted.get(1000) / 1000.0,
          sorted.get(1800) / 1000.0,
          sorted.get(1980) / 1000.0,
          sorted.get(1999) / 1000.0);
    }
  }

  private static void produce(KafkaTestBroker broker, String t) {
    Map<String, Object> pc = new HashMap<>();
    pc.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    pc.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    pc.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    pc.put(ProducerConfig.ACKS_CONFIG, "1");
    byte[] pad = new byte[60];
    java.util.Arrays.fill(pad, (byte) 'x');
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(pc, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < N; i++) {
        String v = "{\"id\":" + i + ",\"pad\":\"" + new String(pad) + "\"}";
        p.send(new ProducerRecord<>(t, i & 1, Records.utf8("k" + (i % 1000)), Records.utf8(v)));
      }
      p.flush();
    }
  }

  private static long rawDrain(KafkaTestBroker broker, String t) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Long>> fs = new ArrayList<>();
      for (int part = 0; part < 2; part++) {
        int p = part;
        fs.add(
            pool.submit(
                () -> {
                  Map<String, Object> c = new HashMap<>();
                  c.put("bootstrap.servers", broker.bootstrapServers());
                  c.put("max.poll.records", 10_000);
                  c.put("fetch.max.bytes", 64 << 20);
                  c.put("max.partition.fetch.bytes", 16 << 20);
                  c.put("receive.buffer.bytes", 4 << 20);
                  long c0 = cpu();
                  long n = 0;
                  long bytes = 0;
                  try (KafkaConsumer<byte[], byte[]> k =
                      new KafkaConsumer<>(
                          c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    TopicPartition tp = new TopicPartition(t, p);
                    k.assign(List.of(tp));
                    k.seekToBeginning(List.of(tp));
                    long end = k.endOffsets(List.of(tp)).get(tp);
                    while (k.position(tp) < end) {
                      ConsumerRecords<byte[], byte[]> rs = k.poll(Duration.ofMillis(500));
                      for (var r : rs) {
                        n++;
                        bytes += r.value().length;
                      }
                    }
                  }
                  CPU_NANOS.addAndGet(cpu() - c0);
                  return n + (bytes < 0 ? 1 : 0);
                }));
      }
      long total = 0;
      for (Future<Long> f : fs) total += f.get();
      return total;
    } finally {
      pool.shutdown();
    }
  }

  private static long scanAll(KafkaTestBroker broker, String t) throws Exception {
    Map<String, String> opts =
        Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "subscribe", t);
    BatchScan scan =
        KafkaSources.batchScan(List.of(), opts, null, new SourceContext(new SQLConf(2)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Long>> fs = new ArrayList<>();
      for (int part = 0; part < scan.numPartitions(); part++) {
        int p = part;
        fs.add(
            pool.submit(
                () -> {
                  long c0 = cpu();
                  long n = 0;
                  try (BatchIterator it = scan.read(p, scan.schema(), 4096)) {
                    for (ColumnBatch b = it.next(); b != null; b = it.next()) n += b.numRows();
                  }
                  CPU_NANOS.addAndGet(cpu() - c0);
                  return n;
                }));
      }
      long total = 0;
      for (Future<Long> f : fs) total += f.get();
      return total;
    } finally {
      pool.shutdown();
    }
  }

  private static void report(String what, long n, long startNanos) {
    double s = (System.nanoTime() - startNanos) / 1e9;
    long cpuNanos = CPU_NANOS.getAndSet(0);
    String perCpu =
        cpuNanos == 0
            ? ""
            : String.format(
                "; reading threads' CPU %.2f s = %,.0f records per CPU-second",
                cpuNanos / 1e9, n / (cpuNanos / 1e9));
    System.out.printf(
        "THROUGHPUT %-55s %,d records in %.2f s = %,.0f records/s%s%n", what, n, s, n / s, perCpu);
  }
}
