package io.sluice.kafka.sink;

import io.sluice.AnalysisException;
import io.sluice.SaveMode;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Entry points of the Kafka sink: streaming and batch writes of rows as records, with Spark's
 * columns ({@code value}, {@code key}, {@code topic}, {@code partition}, {@code headers}) and
 * options ({@code topic}, {@code kafka.*}), plus {@code exactlyOnce}.
 */
public final class KafkaSinks {
  private KafkaSinks() {}

  /**
   * The sink of one run of a streaming query; every output mode is accepted, as Spark (complete and
   * update mode write each batch's rows as they come). Options and columns are checked here, when
   * the query starts.
   */
  public static StreamSink streamSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx) {
    KafkaSinkOptions o = KafkaSinkOptions.parse(options);
    KafkaRowLayout layout = KafkaRowLayout.resolve(schema, o.topic());
    return new KafkaStreamSink(o, layout, ctx.checkpointLocation());
  }

  /**
   * Writes the rows of a batch query, flushing before it returns; the first failed send fails the
   * write. Save modes: append and errorifexists (the default), as Spark; with {@code
   * exactlyOnce=true} all rows are written in one transaction (all or none visible to {@code
   * read_committed} readers).
   */
  public static void write(
      Map<String, String> options,
      List<String> partitionColumns,
      SaveMode mode,
      MicroBatchOutput data,
      SinkContext ctx) {
    if (mode == SaveMode.Overwrite || mode == SaveMode.Ignore) {
      throw new AnalysisException(
          ErrorClass.KAFKA_SAVE_MODE_NOT_ALLOWED, SluiceException.params("mode", mode.name()));
    }
    KafkaSinkOptions o = KafkaSinkOptions.parse(options);
    KafkaRowLayout layout = KafkaRowLayout.resolve(data.schema(), o.topic());
    Map<String, Object> configs = new HashMap<>(o.producerConfigs());
    String txId = o.transactionalIdPrefix() + "-batch-" + UUID.randomUUID();
    if (o.exactlyOnce()) configs.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId);
    SendTracker tracker = new SendTracker();
    try (KafkaProducer<byte[], byte[]> producer = KafkaWrites.producer(configs)) {
      if (o.exactlyOnce()) {
        producer.initTransactions();
        producer.beginTransaction();
      }
      boolean sent = false;
      try {
        KafkaWrites.sendAll(data, layout, o.topic(), producer, tracker);
        producer.flush();
        tracker.throwIfFailed();
        if (o.exactlyOnce()) producer.commitTransaction();
        sent = true;
      } finally {
        if (!sent) {
          if (o.exactlyOnce()) abortQuietly(producer);
          producer.close(Duration.ZERO);
        }
      }
    } catch (KafkaException e) {
      tracker.throwIfFailed();
      throw new SluiceRuntimeException(
          ErrorClass.KAFKA_SINK_WRITE_FAILED,
          SluiceException.params(
              "topic",
              o.topic() == null ? "(from the topic column)" : o.topic(),
              "partition",
              "(any)",
              "reason",
              e.getClass().getSimpleName() + ": " + e.getMessage()),
          e);
    }
  }

  private static void abortQuietly(KafkaProducer<byte[], byte[]> producer) {
    try {
      producer.abortTransaction();
    } catch (RuntimeException ignored) {
      // closing the producer leaves the transaction to time out
    }
  }
}
