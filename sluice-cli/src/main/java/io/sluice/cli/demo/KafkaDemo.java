package io.sluice.cli.demo;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.cli.kafka.LocalKafkaBroker;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.Trigger;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The README's demo: a local broker (or the one given), synthetic events produced at a steady rate,
 * and the seed pipeline ({@link SeedPipeline}) running to the console and into a Kafka topic with
 * checkpoints under a local folder, until Ctrl-C or the given duration. A second run over the same
 * folder resumes from the checkpoints (and the broker's data).
 */
public final class KafkaDemo {
  /** What one run does. */
  public record Settings(
      Path dir,
      String bootstrapServers,
      int kafkaPort,
      int controllerPort,
      String inputTopic,
      String outputTopic,
      double eventsPerSecond,
      double lateFraction,
      Duration duration,
      String trigger,
      String master) {}

  private final Settings s;
  private final PrintStream out;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final List<StreamingQuery> queries = new ArrayList<>();
  private LocalKafkaBroker broker;
  private EventProducer producer;
  private Session session;
  private boolean stopped;

  public KafkaDemo(Settings settings, PrintStream out) {
    this.s = settings;
    this.out = out;
  }

  /** Runs until {@link #requestStop()}, the duration, or a query failure; then stops cleanly. */
  public int run() throws Exception {
    Thread hook = new Thread(this::onSignal, "sluice-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      start();
      long deadline =
          s.duration() == null ? Long.MAX_VALUE : System.nanoTime() + s.duration().toNanos();
      while (!stopRequested.await(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
        if (failed()) break;
      }
      return stop() ? 0 : 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for stop() below
      }
      stop();
    }
  }

  /** Asks a running demo to stop (as Ctrl-C does). */
  public void requestStop() {
    stopRequested.countDown();
  }

  private void onSignal() {
    requestStop();
    stop();
  }

  private void start() throws Exception {
    Files.createDirectories(s.dir());
    String bootstrap = s.bootstrapServers();
    if (bootstrap == null) {
      int port = s.kafkaPort() > 0 ? s.kafkaPort() : freePortOr(9092);
      int cport = s.controllerPort() > 0 ? s.controllerPort() : freePortOr(port + 1);
      broker = LocalKafkaBroker.start(s.dir().resolve("kafka"), port, cport);
      bootstrap = broker.bootstrapServers();
      out.printf(
          "local Kafka broker on %s (data in %s%s)%n",
          bootstrap, broker.dataDir(), broker.formattedNow() ? ", new" : "");
    } else {
      out.printf("Kafka broker %s%n", bootstrap);
    }
    createTopics(bootstrap);
    producer =
        new EventProducer(
            bootstrap,
            s.inputTopic(),
            s.eventsPerSecond(),
            new DemoEvents(System.nanoTime(), s.lateFraction()));
    out.printf(
        "producing %.0f events/s to topic %s; windowed counts go to the console and to topic %s%n",
        s.eventsPerSecond(), s.inputTopic(), s.outputTopic());
    session =
        Session.builder()
            .appName("sluice-demo")
            .master(s.master())
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "2")
            .create();
    Path checkpoints = s.dir().resolve("checkpoints");
    for (String name : List.of("console", "kafka")) {
      Path cp = checkpoints.resolve(name);
      if (Files.isDirectory(cp.resolve("offsets"))) {
        out.printf("query %s resumes from its checkpoint %s%n", name, cp);
      }
    }
    DataFrame counts = SeedPipeline.windowedCounts(session, bootstrap, s.inputTopic());
    queries.add(
        SeedPipeline.asKafkaRecords(counts)
            .writeStream()
            .queryName("counts_to_kafka")
            .format("kafka")
            .option("kafka.bootstrap.servers", bootstrap)
            .option("topic", s.outputTopic())
            .option("checkpointLocation", checkpoints.resolve("kafka").toString())
            .outputMode("update")
            .trigger(Trigger.ProcessingTime(s.trigger()))
            .start());
    queries.add(
        counts
            .writeStream()
            .queryName("counts_to_console")
            .format("console")
            .option("truncate", "false")
            .option("checkpointLocation", checkpoints.resolve("console").toString())
            .outputMode("update")
            .trigger(Trigger.ProcessingTime(s.trigger()))
            .start());
    out.printf(
        "running; Ctrl-C stops%s%n",
        s.duration() == null ? "" : " (or after " + s.duration() + ")");
    out.flush();
  }

  private boolean failed() {
    if (producer != null && producer.failure() != null) return true;
    for (StreamingQuery q : queries) {
      if (!q.isActive()) return true;
    }
    return false;
  }

  /**
   * Stops producing, lets the queries process what was produced, then stops them, the session and
   * the broker; returns whether everything ran without failure. Idempotent.
   */
  private synchronized boolean stop() {
    if (stopped) return true;
    stopped = true;
    boolean ok = true;
    try {
      if (producer != null) {
        producer.close();
        if (producer.failure() != null) {
          out.println("producing events failed: " + producer.failure());
          ok = false;
        }
        out.printf("produced %d events%n", producer.sent());
      }
      for (StreamingQuery q : queries) {
        if (q.isActive()) q.processAllAvailable();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      out.println("the demo failed: " + e.getMessage());
      ok = false;
    }
    for (StreamingQuery q : queries) {
      q.stop();
      if (q.exception().isPresent()) {
        out.printf("query %s failed: %s%n", q.name(), q.exception().get().getMessage());
        ok = false;
      }
    }
    if (session != null) session.stop();
    if (broker != null) broker.close();
    out.println(ok ? "stopped cleanly" : "stopped after a failure");
    out.flush();
    return ok;
  }

  private void createTopics(String bootstrap) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Map.Entry<String, Integer> t :
          Map.of(s.inputTopic(), 2, s.outputTopic(), 1).entrySet()) {
        if (!existing.contains(t.getKey())) {
          missing.add(new NewTopic(t.getKey(), t.getValue(), (short) 1));
        }
      }
      if (!missing.isEmpty()) admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    }
  }

  /** {@code preferred} when it is free on 127.0.0.1, else any free port. */
  static int freePortOr(int preferred) throws IOException {
    try (ServerSocket s = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException busy) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      }
    }
  }
}
