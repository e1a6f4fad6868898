package io.sluice.cli.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker (combined broker and KRaft controller) for trying Sluice locally, run
 * inside this JVM. Every listener binds 127.0.0.1 only. On the first start the data directory is
 * formatted with a generated cluster id; later starts reuse it, so topics and records persist.
 * {@link #close()} shuts the broker down cleanly.
 */
public final class LocalKafkaBroker implements AutoCloseable {
  /** Where the broker keeps its logs inside the data directory. */
  static final String LOG_DIR = "kraft-logs";

  private static final int NODE_ID = 1;
  private static final String HOST = "127.0.0.1";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;
  private final boolean formatted;
  private volatile boolean closed;

  private LocalKafkaBroker(
      KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean formatted) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
    this.formatted = formatted;
  }

  /**
   * Starts a broker on {@code 127.0.0.1:port} (its controller on {@code controllerPort}) with its
   * data under {@code dataDir}, formatting the directory on first use, and returns once the broker
   * answers clients.
   */
  public static LocalKafkaBroker start(Path dataDir, int port, int controllerPort)
      throws IOException {
    if (port == controllerPort) {
      throw new IllegalArgumentException(
          "the broker port and the controller port must differ, both are " + port);
    }
    Path data = dataDir.toAbsolutePath().normalize();
    Path logs = data.resolve(LOG_DIR);
    Files.createDirectories(logs);
    Map<String, String> config = config(logs, port, controllerPort);
    writeServerProperties(data.resolve("server.properties"), config);
    boolean formatNow = !Files.exists(logs.resolve("meta.properties"));
    if (formatNow) format(logs);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props(config)), Time.SYSTEM);
    String bootstrap = HOST + ":" + port;
    try {
      server.startup();
      awaitReady(bootstrap, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      shutdownQuietly(server);
      throw e;
    }
    return new LocalKafkaBroker(server, bootstrap, data, formatNow);
  }

  /** The combined broker and controller configuration of one node, every listener on loopback. */
  static Map<String, String> config(Path logs, int port, int controllerPort) {
    Map<String, String> c = new TreeMap<>();
    c.put("process.roles", "broker,controller");
    c.put("node.id", String.valueOf(NODE_ID));
    c.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    c.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    c.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    c.put("controller.listener.names", "CONTROLLER");
    c.put("inter.broker.listener.name", "PLAINTEXT");
    c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    c.put("log.dirs", logs.toString());
    // one node: internal topics of one replica, or consumer groups and transactions wait for ever
    c.put("offsets.topic.replication.factor", "1");
    c.put("offsets.topic.num.partitions", "1");
    c.put("transaction.state.log.replication.factor", "1");
    c.put("transaction.state.log.min.isr", "1");
    c.put("transaction.state.log.num.partitions", "1");
    c.put("share.coordinator.state.topic.replication.factor", "1");
    c.put("share.coordinator.state.topic.min.isr", "1");
    c.put("group.initial.rebalance.delay.ms", "0");
    c.put("num.partitions", "2");
    return c;
  }

  private static void format(Path logs) {
    // the equivalent of kafka-storage format with a fresh cluster id, quietly
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logs.toString())
          .setDirectories(List.of(logs.toString()))
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("could not format the Kafka data directory " + logs, e);
    }
  }

  private static void writeServerProperties(Path file, Map<String, String> config)
      throws IOException {
    StringBuilder sb = new StringBuilder("# written by sluice kafka start; rewritten each start\n");
    config.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    Files.writeString(file, sb.toString());
  }

  private static Properties props(Map<String, String> config) {
    Properties p = new Properties();
    p.putAll(config);
    return p;
  }

  /** Waits until the broker lists itself as a cluster node to an admin client. */
  private static void awaitReady(String bootstrap, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()
              && admin.listTopics().names().get(5, TimeUnit.SECONDS) != null) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the broker started", e);
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "the Kafka broker on " + bootstrap + " did not answer within " + timeout, e);
          }
        }
      }
    }
  }

  /** {@code 127.0.0.1:port}, for {@code kafka.bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The data directory (absolute). */
  public Path dataDir() {
    return dataDir;
  }

  /** Whether this start formatted the data directory (its first start). */
  public boolean formattedNow() {
    return formatted;
  }

  /** Shuts the broker down and waits until it stopped; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    shutdownQuietly(server);
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      // shutting down a broker that failed to start may throw; nothing is left to do
    }
  }
}
