package io.sluice.kafka.sink;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.StreamSink;
import io.sluice.streaming.checkpoint.StreamMetadata;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka sink of one run of a streaming query. At-least-once (the default, as Spark): each batch
 * is sent through one producer shared by the run's tasks and flushed before the batch counts as
 * written; a batch replayed after a failure is sent again. Exactly-once ({@code exactlyOnce=true}):
 * see {@link TransactionalWriter}. The producer is made at the first batch, so a query that fails
 * to start leaves no client threads behind.
 */
final class KafkaStreamSink implements StreamSink {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamSink.class);

  private final KafkaSinkOptions options;
  private final KafkaRowLayout layout;
  private final String checkpointLocation;
  private KafkaProducer<byte[], byte[]> producer;
  private TransactionalWriter transactional;

  KafkaStreamSink(KafkaSinkOptions options, KafkaRowLayout layout, String checkpointLocation) {
    this.options = options;
    this.layout = layout;
    this.checkpointLocation = checkpointLocation;
  }

  @Override
  public String description() {
    return options.exactlyOnce() ? "KafkaSink[exactlyOnce]" : "KafkaSink";
  }

  @Override
  public void addBatch(long batchId, MicroBatchOutput data) {
    if (options.exactlyOnce()) {
      transactional().write(batchId, data);
      return;
    }
    if (producer == null) producer = KafkaWrites.producer(options.producerConfigs());
    SendTracker tracker = new SendTracker();
    RuntimeException failure = null;
    try {
      KafkaWrites.sendAll(data, layout, options.topic(), producer, tracker);
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      // records already handed to the producer go out even when the batch fails half-way
      producer.flush();
    } catch (RuntimeException e) {
      if (failure == null) failure = e;
      else failure.addSuppressed(e);
    }
    if (failure != null) throw failure;
    tracker.throwIfFailed();
  }

  private TransactionalWriter transactional() {
    if (transactional == null) {
      transactional =
          new TransactionalWriter(
              transactionalId(options.transactionalIdPrefix(), checkpointLocation),
              options.producerConfigs(),
              layout,
              options.topic());
    }
    return transactional;
  }

  /**
   * {@code <prefix>-<query id>}: the query id lives in the checkpoint's {@code metadata} file, so
   * every run of the query has the same id, and a new query (a new checkpoint, even at the same
   * path) a new one, so its batch ids never meet an older query's marker.
   */
  static String transactionalId(String prefix, String checkpointLocation) {
    return prefix + "-" + StreamMetadata.readOrCreate(Path.of(checkpointLocation, "metadata"));
  }

  /** The exactly-once writer, once the first batch made it (tests). */
  TransactionalWriter transactionalWriter() {
    return transactional;
  }

  @Override
  public void stop() {
    if (transactional != null) transactional.close();
    if (producer != null) {
      try {
        producer.close(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        LOG.warn("Closing the Kafka sink's producer failed", e);
      }
      producer = null;
    }
  }
}
