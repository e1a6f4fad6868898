package io.sluice.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the EventGen JSON-lines part files, in name order, into a topic: one record per line
 * (without its newline), no key, partitions taken in turn per line, with a producer tuned for
 * throughput (256 KB batches, linger 10 ms, acks all).
 */
final class TopicLoader {
  private TopicLoader() {}

  /** The event part files of {@code eventsDir} (or the file itself), in name order. */
  static List<Path> partFiles(Path eventsDir) throws IOException {
    if (Files.isRegularFile(eventsDir)) return List.of(eventsDir);
    try (Stream<Path> s = Files.list(eventsDir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  /** Produces every line of {@code files} to {@code topic}; returns how many. */
  static long load(String bootstrap, String topic, int partitions, List<Path> files)
      throws IOException {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long n = 0;
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                128L * 1024 * 1024),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (Path f : files) {
        byte[] all = Files.readAllBytes(f);
        int start = 0;
        for (int i = 0; i < all.length; i++) {
          if (all[i] != '\n') continue;
          if (i > start) {
            byte[] value = Arrays.copyOfRange(all, start, i);
            p.send(
                new ProducerRecord<>(topic, (int) (n % partitions), null, value),
                (md, e) -> {
                  if (e != null) failure.compareAndSet(null, e);
                });
            n++;
          }
          start = i + 1;
        }
      }
      p.flush();
    }
    if (failure.get() != null)
      throw new IOException("producing to " + topic + " failed", failure.get());
    return n;
  }

  /** The first {@code max} lines of {@code files}, for the latency run's producer. */
  static List<byte[]> firstLines(List<Path> files, int max) throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path f : files) {
      try (Stream<String> lines = Files.lines(f)) {
        lines
            .limit(max - out.size())
            .forEach(l -> out.add(l.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      if (out.size() >= max) break;
    }
    return out;
  }
}
