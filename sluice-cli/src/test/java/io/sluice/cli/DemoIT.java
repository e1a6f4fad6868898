package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.kafka.LocalKafkaBroker;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's main-job command, {@code bin/sluice demo}, as a user would (against the jar
 * this build just packaged): the Kafka pipeline twice over the same folder (the second run resumes
 * from its checkpoints), then checks the output topic against the events in the input topic; and
 * the batch example ({@code --batch}) against totals computed here from the bundled sample.
 */
class DemoIT {
  private static final Pattern EVENT =
      Pattern.compile(
          "\"user_id\":\"([^\"]+)\".*\"event_type\":\"([^\"]+)\".*\"amount\":([0-9.]+)");

  private static final Pattern KAFKA_EVENT =
      Pattern.compile("\"event_type\":\"([^\"]+)\",\"ts\":\"([^\"]+)\"");
  private static final Pattern COUNT =
      Pattern.compile(
          "\\{\"window\":\\{\"start\":\"([^\"]+)\",\"end\":\"[^\"]+\"},"
              + "\"event_type\":\"([^\"]+)\",\"count\":(\\d+)}");

  @TempDir Path dir;

  @Test
  void readmeMainJobCountsEveryEventIntoTheOutputTopicAndResumes() throws Exception {
    int[] ports = freePorts();
    String first = runDemo(ports);
    assertThat(first)
        .contains("local Kafka broker on 127.0.0.1:")
        .doesNotContain("resumes from its checkpoint");
    String second = runDemo(ports);
    assertThat(second)
        .contains("query kafka resumes from its checkpoint")
        .contains("query console resumes from its checkpoint");

    try (LocalKafkaBroker broker =
        LocalKafkaBroker.start(dir.resolve("kafka"), ports[0], ports[1])) {
      Map<String, Long> expected = new HashMap<>();
      for (String e : readAll(broker.bootstrapServers(), "events")) {
        Matcher m = KAFKA_EVENT.matcher(e);
        assertThat(m.find()).as(e).isTrue();
        Instant start = Instant.parse(m.group(2)).truncatedTo(ChronoUnit.MINUTES);
        expected.merge(start + " " + m.group(1), 1L, Long::sum);
      }
      Map<String, Long> last = new HashMap<>();
      for (String r : readAll(broker.bootstrapServers(), "event-counts")) {
        Matcher m = COUNT.matcher(r);
        assertThat(m.matches()).as(r).isTrue();
        last.put(Instant.parse(m.group(1)) + " " + m.group(2), Long.parseLong(m.group(3)));
      }
      assertThat(expected).isNotEmpty();
      assertThat(last).isEqualTo(expected);
    }
  }

  private String runDemo(int[] ports) throws IOException, InterruptedException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Process p =
        new ProcessBuilder(
                "bin/sluice",
                "demo",
                "--dir",
                dir.toString(),
                "--kafka-port",
                String.valueOf(ports[0]),
                "--kafka-controller-port",
                String.valueOf(ports[1]),
                "--duration",
                "4s",
                "--rate",
                "100",
                "--late-fraction",
                "0",
                "--trigger",
                "500 milliseconds",
                "--master",
                "local[2]")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("Batch: ").contains("stopped cleanly");
    return out;
  }

  private static int[] freePorts() throws IOException {
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new int[] {a.getLocalPort(), b.getLocalPort()};
    }
  }

  private static List<String> readAll(String bootstrap, String topic) {
    Map<String, Object> cc = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(cc, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (PartitionInfo pi : c.partitionsFor(topic)) {
        tps.add(new TopicPartition(topic, pi.partition()));
      }
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> end = c.endOffsets(tps);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      boolean done = false;
      while (!done && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
          values.add(r.value());
        }
        done = true;
        for (TopicPartition tp : tps) done &= c.position(tp) >= end.get(tp);
      }
    }
    return values;
  }

  @Test
  void batchExamplePrintsTheGroupedAggregation() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    ProcessBuilder pb =
        new ProcessBuilder("bin/sluice", "demo", "--batch", "--master", "local[2]")
            .directory(root.toFile())
            .redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains(expectedTable(root.resolve("sluice-cli/src/main/resources/demo/events.jsonl")));
  }

  /** The show() table Spark would print for the demo query over the sample. */
  static String expectedTable(Path sample) throws IOException {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Set<String>> users = new HashMap<>();
    Map<String, BigDecimal> totals = new HashMap<>();
    for (String line : Files.readAllLines(sample)) {
      Matcher m = EVENT.matcher(line);
      if (!m.find()) throw new IllegalStateException("unexpected sample line " + line);
      String type = m.group(2);
      counts.computeIfAbsent(type, k -> new long[1])[0]++;
      users.computeIfAbsent(type, k -> new HashSet<>()).add(m.group(1));
      totals.merge(type, new BigDecimal(m.group(3)).setScale(2), BigDecimal::add);
    }
    List<String[]> rows = new ArrayList<>();
    List<String> types = new ArrayList<>(counts.keySet());
    types.sort(Comparator.comparing((String t) -> -counts.get(t)[0]).thenComparing(t -> t));
    for (String t : types) {
      long n = counts.get(t)[0];
      BigDecimal total = totals.get(t);
      rows.add(
          new String[] {
            t,
            String.valueOf(n),
            String.valueOf(users.get(t).size()),
            total.toPlainString(),
            total.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP).toPlainString()
          });
    }
    String[] header = {"event_type", "events", "users", "total_amount", "avg_amount"};
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      width[c] = Math.max(3, header[c].length());
      for (String[] r : rows) width[c] = Math.max(width[c], r[c].length());
    }
    StringBuilder sep = new StringBuilder("+");
    for (int w : width) sep.append("-".repeat(w)).append('+');
    StringBuilder sb = new StringBuilder(sep).append('\n');
    appendRow(sb, header, width);
    sb.append(sep).append('\n');
    for (String[] r : rows) appendRow(sb, r, width);
    sb.append(sep).append('\n');
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, String[] cells, int[] width) {
    sb.append('|');
    for (int c = 0; c < cells.length; c++) {
      sb.append(" ".repeat(width[c] - cells[c].length())).append(cells[c]).append('|');
    }
    sb.append('\n');
  }
}
