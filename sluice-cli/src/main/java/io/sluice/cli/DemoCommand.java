package io.sluice.cli;

import static io.sluice.functions.avg;
import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.countDistinct;
import static io.sluice.functions.sum;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.cli.demo.KafkaDemo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The README's main job. By default the seed's streaming pipeline over Kafka ({@link KafkaDemo}): a
 * local broker on 127.0.0.1 (or {@code --bootstrap-servers}), synthetic events produced at a steady
 * rate, 1-minute windowed counts per event type to the console and to a Kafka topic, checkpointed
 * under {@code --dir}. {@code --batch} (or {@code --input}) runs the earlier batch example instead:
 * a grouped aggregation of a JSON-lines file.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the seed pipeline: events produced to Kafka at a steady rate, counted per 1-minute"
          + " window and event type (watermark 10 minutes, update mode), to the console and to a"
          + " Kafka topic. Stops on Ctrl-C or after --duration; a second run resumes from the"
          + " checkpoints in --dir.",
      "With --batch or --input: reads JSON-lines events and prints a grouped aggregation."
    })
final class DemoCommand implements Callable<Integer> {
  /** The events' schema for the batch example (the benchmark generator's). */
  static final String SCHEMA =
      "event_id STRING, user_id STRING, customer_id STRING, event_type STRING,"
          + " ts TIMESTAMP, amount DECIMAL(10,2)";

  @Option(
      names = "--dir",
      defaultValue = "sluice-demo",
      description =
          "Folder of the demo's checkpoints and local broker data (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--bootstrap-servers",
      description = "Use this Kafka cluster instead of starting a local broker.")
  String bootstrapServers;

  @Option(
      names = "--kafka-port",
      defaultValue = "0",
      description = "Port of the local broker (default: 9092 when free, else any free port).")
  int kafkaPort;

  @Option(
      names = "--kafka-controller-port",
      defaultValue = "0",
      description = "Port of the local broker's KRaft controller (default: a free port).")
  int controllerPort;

  @Option(
      names = "--topic",
      defaultValue = "events",
      description = "Topic of the events (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--output-topic",
      defaultValue = "event-counts",
      description = "Topic of the windowed counts (default: ${DEFAULT-VALUE}).")
  String outputTopic;

  @Option(
      names = "--rate",
      defaultValue = "200",
      description = "Events produced per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--late-fraction",
      defaultValue = "0.01",
      description = "Fraction of events 1 to 15 minutes late (default: ${DEFAULT-VALUE}).")
  double lateFraction;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "Stop after this long, e.g. 30s, 5m (default: run until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--trigger",
      defaultValue = "2 seconds",
      description = "Micro-batch trigger interval (default: ${DEFAULT-VALUE}).")
  String trigger;

  @Option(
      names = "--batch",
      description = "Run the batch example (a grouped aggregation of a JSON-lines file) instead.")
  boolean batch;

  @Option(
      names = "--input",
      description =
          "With the batch example: JSON-lines file or directory of events"
              + " (default: a 2,000-event sample shipped with Sluice).")
  Path input;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      description = "local, local[N] or local[*] (default: ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() throws Exception {
    if (batch || input != null) return runBatchExample();
    return new KafkaDemo(
            new KafkaDemo.Settings(
                dir,
                bootstrapServers,
                kafkaPort,
                controllerPort,
                topic,
                outputTopic,
                rate,
                lateFraction,
                duration,
                trigger,
                master),
            System.out)
        .run();
  }

  private int runBatchExample() throws IOException {
    Path path = input != null ? input : extractSample();
    Session session =
        Session.builder()
            .appName("sluice-demo")
            .master(master)
            .config("sluice.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      DataFrame events = session.read().schema(SCHEMA).json(path.toString());
      DataFrame byType =
          events
              .groupBy("event_type")
              .agg(
                  count("*").as("events"),
                  countDistinct(col("user_id")).as("users"),
                  sum("amount").as("total_amount"),
                  avg("amount").as("avg_amount"))
              .orderBy(col("events").desc(), col("event_type"));
      byType.show();
      return 0;
    } finally {
      session.stop();
    }
  }

  private static Path extractSample() throws IOException {
    Path tmp = Files.createTempFile("sluice-demo-events", ".jsonl");
    tmp.toFile().deleteOnExit();
    try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/events.jsonl")) {
      if (in == null) {
        throw new IOException("The demo sample /demo/events.jsonl is missing from the jar");
      }
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    return tmp;
  }

  /**
   * Durations as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT30S}).
   */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (v.startsWith("pt")) return Duration.parse(value.trim());
        if (v.endsWith("ms"))
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        switch (v.charAt(v.length() - 1)) {
          case 's':
            return Duration.ofSeconds(n);
          case 'm':
            return Duration.ofMinutes(n);
          case 'h':
            return Duration.ofHours(n);
          default:
            break;
        }
      } catch (RuntimeException e) {
        // fall through to the error below
      }
      throw new IllegalArgumentException(
          "'" + value + "' is not a duration; write e.g. 30s, 5m, 1h or 500ms");
    }
  }
}
