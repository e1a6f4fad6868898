package io.sluice.testing.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (combined broker and KRaft controller) inside the test JVM, on a
 * free loopback port, in a temporary directory deleted on {@link #close()}. Start one per test
 * class ({@code @BeforeAll}) and give each test its own topics. Needs {@code
 * org.apache.kafka:kafka-test-common-runtime} on the test class path.
 */
public final class KafkaTestBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;
  private final Admin admin;

  private KafkaTestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    this.admin = Admin.create(p);
  }

  /** Formats and starts a broker; returns once it accepts clients. */
  public static KafkaTestBroker start() {
    return start(Map.of());
  }

  /** Starts a broker with extra broker configs (e.g. {@code log.retention.ms}). */
  public static KafkaTestBroker start(Map<String, String> brokerConfigs) {
    KafkaClusterTestKit.Builder builder =
        new KafkaClusterTestKit.Builder(
            new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build());
    // one node: internal topics of one replica, or groups and transactions wait for ever
    builder.setConfigProp("offsets.topic.replication.factor", "1");
    builder.setConfigProp("offsets.topic.num.partitions", "1");
    builder.setConfigProp("transaction.state.log.replication.factor", "1");
    builder.setConfigProp("transaction.state.log.min.isr", "1");
    builder.setConfigProp("transaction.state.log.num.partitions", "1");
    builder.setConfigProp("group.initial.rebalance.delay.ms", "0");
    brokerConfigs.forEach(builder::setConfigProp);
    KafkaClusterTestKit cluster = null;
    try {
      cluster = builder.build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaTestBroker(cluster);
    } catch (Exception e) {
      if (cluster != null) closeQuietly(cluster);
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      throw new IllegalStateException("could not start the test Kafka broker: " + e, e);
    }
  }

  /** {@code host:port} of the broker, for {@code kafka.bootstrap.servers}. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** An admin client of the broker, owned by this fixture (do not close it). */
  public Admin admin() {
    return admin;
  }

  /** Creates {@code topic} with {@code partitions} partitions and waits until it exists. */
  public void createTopic(String topic, int partitions) {
    createTopic(topic, partitions, Map.of());
  }

  /** Creates {@code topic} with topic configs (e.g. {@code cleanup.policy}). */
  public void createTopic(String topic, int partitions, Map<String, String> configs) {
    NewTopic t = new NewTopic(topic, partitions, (short) 1).configs(configs);
    await(admin.createTopics(List.of(t)).all());
    awaitLeaders(topic, partitions);
  }

  /**
   * Waits until the broker leads every partition: a produce sent before it does can fail with
   * NOT_LEADER_OR_FOLLOWER while a later one succeeds, and the retried first batch then spins on
   * OUT_OF_ORDER_SEQUENCE_NUMBER until it expires (KAFKA-15591). A list-offsets request is answered
   * by the partition leader only.
   */
  private void awaitLeaders(String topic, int partitions) {
    Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      specs.put(new TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        if (System.nanoTime() > deadline) throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Deletes {@code topic}. */
  public void deleteTopic(String topic) {
    await(admin.deleteTopics(List.of(topic)).all());
  }

  /** Deletes the records of {@code partition} of {@code topic} before {@code offset}. */
  public void deleteRecordsBefore(String topic, int partition, long offset) {
    await(
        admin
            .deleteRecords(
                Map.of(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(offset)))
            .all());
  }

  /** Adds partitions to {@code topic} so it has {@code total}. */
  public void growTopic(String topic, int total) {
    await(
        admin
            .createPartitions(
                Map.of(topic, org.apache.kafka.clients.admin.NewPartitions.increaseTo(total)))
            .all());
    awaitLeaders(topic, total);
  }

  /** The topics that exist. */
  public List<String> topics() {
    return new ArrayList<>(await(admin.listTopics().names()));
  }

  @Override
  public void close() {
    admin.close();
    closeQuietly(cluster);
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    try {
      cluster.close();
    } catch (Exception ignored) {
      // the temporary directory may outlive a broker that failed to start
    }
  }

  private static <T> T await(org.apache.kafka.common.KafkaFuture<T> f) {
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
    }
  }
}
