package io.sluice.kafka.source;

import io.sluice.testing.kafka.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes test records to the broker of a test class and waits until they are stored. */
final class Records implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;

  Records(KafkaTestBroker broker) {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  /** Values (keys null) to one partition, in order. */
  void values(String topic, int partition, String... values) {
    for (String v : values) send(topic, partition, null, v, null, null);
  }

  /** One record; {@code timestampMs} null for the producer's clock, headers as name/value pairs. */
  void send(
      String topic, int partition, String key, String value, Long timestampMs, String[] headers) {
    RecordHeaders hs = new RecordHeaders();
    if (headers != null) {
      for (int i = 0; i < headers.length; i += 2) {
        hs.add(headers[i], headers[i + 1] == null ? null : utf8(headers[i + 1]));
      }
    }
    try {
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  partition,
                  timestampMs,
                  key == null ? null : utf8(key),
                  value == null ? null : utf8(value),
                  hs))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not produce to " + topic, e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
  }
}
