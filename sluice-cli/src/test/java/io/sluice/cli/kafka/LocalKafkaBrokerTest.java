package io.sluice.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker of {@code sluice kafka start}: formats a fresh directory, serves a producer and a
 * consumer on loopback, stops, and on the next start over the same directory still has the records.
 */
class LocalKafkaBrokerTest {
  @TempDir Path dir;

  @Test
  void formatsServesStopsAndKeepsItsDataAcrossRestarts() throws Exception {
    int[] ports = freePorts();
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(dir, ports[0], ports[1])) {
      assertThat(broker.formattedNow()).isTrue();
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + ports[0]);
      String props = Files.readString(dir.resolve("server.properties"));
      assertThat(props)
          .contains("listeners=PLAINTEXT://127.0.0.1:" + ports[0] + ",CONTROLLER://127.0.0.1:")
          .contains("offsets.topic.replication.factor=1")
          .contains("transaction.state.log.min.isr=1");
      produce(broker.bootstrapServers(), "first");
      assertThat(consume(broker.bootstrapServers(), 1)).containsExactly("first");
    }
    // the ports are free again after close, and the data is still there
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(dir, ports[0], ports[1])) {
      assertThat(broker.formattedNow()).isFalse();
      produce(broker.bootstrapServers(), "second");
      assertThat(consume(broker.bootstrapServers(), 2)).containsExactly("first", "second");
    }
  }

  @Test
  void refusesTheSamePortForBrokerAndController() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LocalKafkaBroker.start(dir, 19092, 19092))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must differ");
  }

  static int[] freePorts() throws IOException {
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new int[] {a.getLocalPort(), b.getLocalPort()};
    }
  }

  private static void produce(String bootstrap, String value) throws Exception {
    Map<String, Object> pc = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(pc, new StringSerializer(), new StringSerializer())) {
      p.send(new ProducerRecord<>("check", 0, null, value)).get();
    }
  }

  private static List<String> consume(String bootstrap, int n) {
    Map<String, Object> cc = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(cc, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition tp = new TopicPartition("check", 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < n && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
