package io.sluice.kafka.sink;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/** Writing a query result's partitions through one producer, and making producers. */
final class KafkaWrites {
  private KafkaWrites() {}

  /**
   * Sends every row of {@code data} through {@code producer}: the partitions are encoded in
   * parallel on the worker pool, all into the one (thread-safe) producer, so records of every task
   * share its per-partition batches and connections. Returns the number of records sent; failures
   * are left in {@code tracker} (the caller flushes, then raises them).
   */
  static long sendAll(
      MicroBatchOutput data,
      KafkaRowLayout layout,
      String topicOption,
      Producer<byte[], byte[]> producer,
      SendTracker tracker) {
    List<Long> counts =
        data.writePartitions(
            (partition, batches) -> {
              RecordEncoder encoder = new RecordEncoder(layout, topicOption);
              long sent = 0;
              try (BatchIterator it = batches) {
                ColumnBatch b;
                while (!tracker.failed() && (b = it.next()) != null) {
                  sent += encoder.send(b, producer, tracker);
                }
              }
              return sent;
            });
    long total = 0;
    for (long c : counts) total += c;
    return total;
  }

  /** A producer of byte-array records with {@code configs} (serializers included). */
  static KafkaProducer<byte[], byte[]> producer(Map<String, Object> configs) {
    return new KafkaProducer<>(configs);
  }
}
