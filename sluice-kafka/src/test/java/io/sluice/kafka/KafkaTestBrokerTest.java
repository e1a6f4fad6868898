package io.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.kafka.KafkaTestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture is a real broker: what a producer sends, a consumer reads, and transactions work. */
class KafkaTestBrokerTest {
  private static KafkaTestBroker broker;

  @BeforeAll
  static void start() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void aTransactionalProducerWritesWhatAReadCommittedConsumerReads() throws Exception {
    broker.createTopic("fixture-check", 2);
    String host = broker.bootstrapServers().split(":")[0];
    for (java.net.InetAddress a : java.net.InetAddress.getAllByName(host)) {
      assertThat(a.isLoopbackAddress()).as("%s is loopback", a).isTrue();
    }
    Map<String, Object> pc =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "fixture-check-tx");
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(pc, new StringSerializer(), new StringSerializer())) {
      p.initTransactions();
      p.beginTransaction();
      p.send(new ProducerRecord<>("fixture-check", 0, "k", "aborted"));
      p.abortTransaction();
      p.beginTransaction();
      p.send(new ProducerRecord<>("fixture-check", 0, "k", "committed"));
      p.commitTransaction();
    }
    Map<String, Object> cc =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(cc, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition tp = new TopicPartition("fixture-check", 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    assertThat(values).containsExactly("committed");
  }
}
