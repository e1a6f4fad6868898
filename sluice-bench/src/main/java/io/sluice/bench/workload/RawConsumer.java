package io.sluice.bench.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The raw ceiling: one plain KafkaConsumer, tuned for throughput, draining a topic from the start
 * to its end offsets and touching every value (its length is summed, so nothing is optimised away).
 * No parsing: what any engine reading this topic on this machine cannot beat.
 */
final class RawConsumer {
  record Drain(long records, long bytes, double seconds) {
    double recordsPerSecond() {
      return records / Math.max(1e-9, seconds);
    }
  }

  private RawConsumer() {}

  static Map<String, Object> tunedConfig(String bootstrap) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        10_000,
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
        64 * 1024 * 1024,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
        16 * 1024 * 1024,
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
        1024 * 1024,
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
        100,
        ConsumerConfig.RECEIVE_BUFFER_CONFIG,
        4 * 1024 * 1024,
        ConsumerConfig.CHECK_CRCS_CONFIG,
        false);
  }

  static Drain drain(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            tunedConfig(bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (PartitionInfo p : c.partitionsFor(topic)) {
        tps.add(new TopicPartition(topic, p.partition()));
      }
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> end = c.endOffsets(tps);
      long expected = 0;
      for (TopicPartition tp : tps)
        expected += end.get(tp) - c.beginningOffsets(List.of(tp)).get(tp);
      long records = 0;
      long bytes = 0;
      long t0 = System.nanoTime();
      long deadline = t0 + Duration.ofMinutes(10).toNanos();
      while (records < expected && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> rs = c.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], byte[]> r : rs) {
          bytes += r.value().length;
          records++;
        }
      }
      return new Drain(records, bytes, (System.nanoTime() - t0) / 1e9);
    }
  }
}
