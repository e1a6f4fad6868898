package io.sluice.kafka.sink;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once write of a streaming query: one transactional producer per query run, its {@code
 * transactional.id} derived from the query id so every run of the query shares it (a new run's
 * {@code initTransactions} fences the previous run and aborts its open transaction). Each
 * micro-batch is one transaction: the partitions are encoded in parallel into the producer on the
 * worker pool, then the sink thread adds the batch id as the committed offset of the marker
 * partition for the engine-owned group (same id as the transaction) and commits, so the records and
 * the marker become visible together. A batch replayed after a crash whose id the marker already
 * holds is skipped.
 */
final class TransactionalWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalWriter.class);

  private final String transactionalId;
  private final Map<String, Object> configs;
  private final KafkaRowLayout layout;
  private final String topicOption;
  private KafkaProducer<byte[], byte[]> producer;
  private boolean inTransaction;
  private long lastCommitted = -1;

  TransactionalWriter(
      String transactionalId,
      Map<String, Object> producerConfigs,
      KafkaRowLayout layout,
      String topicOption) {
    this.transactionalId = transactionalId;
    this.configs = new HashMap<>(producerConfigs);
    configs.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    this.layout = layout;
    this.topicOption = topicOption;
  }

  String transactionalId() {
    return transactionalId;
  }

  /** The group whose committed offset marks the last batch committed. */
  String markerGroup() {
    return transactionalId;
  }

  /** Writes batch {@code batchId} in one transaction, or nothing if it was committed before. */
  void write(long batchId, MicroBatchOutput data) {
    start(batchId);
    if (batchId <= lastCommitted) {
      LOG.info(
          "Kafka sink {}: batch {} was committed before (last committed {}), skipping it",
          transactionalId,
          batchId,
          lastCommitted);
      return;
    }
    SendTracker tracker = new SendTracker();
    try {
      producer.beginTransaction();
      inTransaction = true;
      KafkaWrites.sendAll(data, layout, topicOption, producer, tracker);
      producer.flush();
      tracker.throwIfFailed();
      String topic = tracker.topicWritten();
      if (topic != null) {
        // the broker keeps group offsets only for partitions that exist: mark on one written to
        producer.sendOffsetsToTransaction(
            Map.of(
                new TopicPartition(topic, 0),
                new OffsetAndMetadata(batchId, "sluice batch " + batchId)),
            new ConsumerGroupMetadata(markerGroup()));
      }
      producer.commitTransaction();
      inTransaction = false;
      lastCommitted = batchId;
    } catch (RuntimeException e) {
      throw onFailure(batchId, tracker, e);
    }
  }

  /** Aborts the batch's transaction and says why it failed. */
  private RuntimeException onFailure(long batchId, SendTracker tracker, RuntimeException e) {
    if (fenced(e)) {
      closeNow(); // a fenced producer can do nothing more; the new run owns the transactions
      return failed(
          batchId,
          "another run of this query (same checkpoint) took its transactional id over; only"
              + " one run may write at a time",
          e);
    }
    abortQuietly();
    if (e instanceof KafkaException) {
      try {
        tracker.throwIfFailed(); // the failed send is the cause to report
      } catch (RuntimeException first) {
        return first;
      }
      return failed(batchId, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    return e; // the query failed computing the batch, or a send failed
  }

  private static boolean fenced(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Creates the producer and fences earlier runs, then reads which batch committed last: after
   * {@code initTransactions} no transaction of this id is pending, so the marker is final.
   */
  private void start(long batchId) {
    if (producer != null) return;
    try {
      producer = KafkaWrites.producer(configs);
      producer.initTransactions();
      lastCommitted = readMarker();
    } catch (RuntimeException e) {
      closeNow();
      throw failed(batchId, "cannot start its transactions: " + e.getMessage(), e);
    }
  }

  private long readMarker() {
    Map<String, Object> ac = new HashMap<>();
    for (Map.Entry<String, Object> e : configs.entrySet()) {
      if (AdminClientConfig.configNames().contains(e.getKey())) ac.put(e.getKey(), e.getValue());
    }
    try (Admin admin = Admin.create(ac)) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(
                  markerGroup(), new ListConsumerGroupOffsetsOptions().requireStable(true))
              .partitionsToOffsetAndMetadata()
              .get();
      long last = -1;
      for (OffsetAndMetadata m : offsets.values()) {
        if (m != null) last = Math.max(last, m.offset());
      }
      return last;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while reading the batch marker", e);
    } catch (ExecutionException e) {
      throw new KafkaException("cannot read the batch marker: " + e.getCause().getMessage(), e);
    }
  }

  /** The id of the last batch committed (-1 for none), as known to this run. */
  long lastCommitted() {
    return lastCommitted;
  }

  private SluiceRuntimeException failed(long batchId, String reason, Throwable cause) {
    return new SluiceRuntimeException(
        ErrorClass.KAFKA_SINK_TRANSACTION_FAILED,
        SluiceException.params(
            "transactionalId",
            transactionalId,
            "batchId",
            Long.toString(batchId),
            "reason",
            reason),
        cause);
  }

  private void abortQuietly() {
    if (!inTransaction || producer == null) return;
    try {
      producer.abortTransaction();
      inTransaction = false;
    } catch (RuntimeException e) {
      // the next run's initTransactions aborts it; until then it holds read_committed readers
      LOG.warn("Kafka sink {}: aborting the open transaction failed", transactionalId, e);
      closeNow();
    }
  }

  private void closeNow() {
    if (producer == null) return;
    try {
      producer.close(Duration.ZERO);
    } catch (RuntimeException e) {
      LOG.warn("Kafka sink {}: closing the producer failed", transactionalId, e);
    }
    producer = null;
    inTransaction = false;
  }

  /** Aborts an open transaction (a batch stopped half-way) and closes the producer. */
  @Override
  public void close() {
    abortQuietly();
    if (producer != null) {
      try {
        producer.close(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        LOG.warn("Kafka sink {}: closing the producer failed", transactionalId, e);
      }
      producer = null;
    }
  }
}
