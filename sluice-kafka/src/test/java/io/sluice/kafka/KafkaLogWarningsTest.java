package io.sluice.kafka;

import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.Trigger;
import io.sluice.testing.ManualClock;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Kafka source and sink log where the issue asks for a log line: each option Spark ignores
 * (unknown names) named in a warning, and with {@code failOnDataLoss=false} the exact range of
 * offsets skipped. The lines are read from what slf4j-simple writes to System.err.
 */
class KafkaLogWarningsTest {
  private static KafkaTestBroker broker;
  private final Session session = TestSessions.shared();

  @BeforeAll
  static void start() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void unknownSourceOptionsAreEachNamedInAWarning() {
    String t = "w-source";
    broker.createTopic(t, 1);
    List<String> warnings;
    try (ErrCapture err = new ErrCapture()) {
      session
          .readStream()
          .format("kafka")
          .option("kafka.bootstrap.servers", broker.bootstrapServers())
          .option("subscribe", t)
          .option("group.id", "a-bare-group-id")
          .option("startingOffset", "earliest") // misspelt: the option is startingOffsets
          .option("MaxOffsetsPerTrigger", "5") // known, in another case
          .option("kafka.client.id", "w-client")
          .load();
      warnings = err.warnings();
    }
    assertThat(warnings)
        .anySatisfy(l -> assertThat(l).contains("'group.id'"))
        .anySatisfy(l -> assertThat(l).contains("'startingOffset'"))
        .noneSatisfy(l -> assertThat(l).containsAnyOf("'subscribe'", "MaxOffsetsPerTrigger"))
        .noneSatisfy(l -> assertThat(l).containsAnyOf("client.id", "bootstrap.servers"));
  }

  @Test
  void batchReadsNameTheUnknownAndTheStreamOnlyOptionsTheyIgnore() {
    String t = "w-batch-source";
    broker.createTopic(t, 1);
    List<String> warnings;
    try (ErrCapture err = new ErrCapture()) {
      session
          .read()
          .format("kafka")
          .option("kafka.bootstrap.servers", broker.bootstrapServers())
          .option("subscribe", t)
          .option("maxOffsetsPerTrigger", "10")
          .option("group.id", "a-bare-group-id")
          .load();
      warnings = err.warnings();
    }
    assertThat(warnings)
        .anySatisfy(l -> assertThat(l).contains("'maxOffsetsPerTrigger'", "batch queries"))
        .anySatisfy(l -> assertThat(l).contains("'group.id'"))
        .noneSatisfy(l -> assertThat(l).contains("'subscribe'"));
  }

  @Test
  void unknownSinkOptionsAreEachNamedInAWarning(@TempDir Path dir) {
    String t = "w-sink";
    broker.createTopic(t, 1);
    MemoryStream input = MemoryStream.of(session, "value STRING");
    List<String> warnings;
    try (ErrCapture err = new ErrCapture()) {
      StreamingQuery q =
          input
              .toDF()
              .writeStream()
              .format("kafka")
              .option("kafka.bootstrap.servers", broker.bootstrapServers())
              .option("topic", t)
              .option("acks", "all") // a producer setting without the kafka. prefix
              .option("exactlyOnce", "false")
              .option("kafka.linger.ms", "5")
              .option("checkpointLocation", dir.resolve("ck").toString())
              .start();
      q.stop();
      session
          .sql("SELECT 'v' AS value")
          .write()
          .format("kafka")
          .option("kafka.bootstrap.servers", broker.bootstrapServers())
          .option("topic", t)
          .option("retries", "3")
          .save();
      warnings = err.warnings();
    }
    assertThat(warnings)
        .anySatisfy(l -> assertThat(l).contains("'acks'"))
        .anySatisfy(l -> assertThat(l).contains("'retries'"))
        .noneSatisfy(
            l ->
                assertThat(l)
                    .containsAnyOf(
                        "'topic'", "'exactlyOnce'", "'checkpointLocation'", "linger.ms"));
  }

  @Test
  void withoutFailOnDataLossEachSkippedRangeIsLoggedByPartition() {
    String t = "w-loss";
    broker.createTopic(t, 1);
    produce(t, 0, "r0", "r1");
    DataFrame values =
        session
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", broker.bootstrapServers())
            .option("subscribe", t)
            .option("startingOffsets", "earliest")
            .option("failOnDataLoss", "false")
            .option("fetchOffset.partitionRefreshIntervalMs", "0")
            .load()
            .selectExpr("CAST(value AS STRING) AS v");
    List<String> warnings;
    try (ErrCapture err = new ErrCapture()) {
      StreamTest.of(values, OutputMode.Append())
          .trigger(Trigger.ProcessingTime(1000))
          .clock(new ManualClock())
          .checkAnswer(row("r0"), row("r1"))
          // records the query has not read yet are deleted while it is stopped (a running
          // query's consumer may have fetched some of them already, and then reads them)
          .stopStream()
          .execute(
              q -> {
                produce(t, 0, "r2", "r3", "r4", "r5");
                broker.deleteRecordsBefore(t, 0, 4);
              })
          .startStream()
          .advanceClock(1000)
          .checkNewAnswer(row("r4"), row("r5"))
          // while it runs, a new partition whose first records were deleted before it was seen
          .execute(
              q -> {
                broker.growTopic(t, 2);
                produce(t, 1, "n0", "n1", "n2");
                broker.deleteRecordsBefore(t, 1, 2);
              })
          .advanceClock(1000)
          .checkNewAnswer(row("n2"))
          .run();
      warnings = err.warnings();
    }
    assertThat(warnings)
        .anySatisfy(l -> assertThat(l).contains("w-loss-0", "offsets [2, 4), 2 records"))
        .anySatisfy(l -> assertThat(l).contains("w-loss-1", "offsets [0, 2), 2 records"));
  }

  /**
   * Records deleted between two batches of a running query: its consumer may have fetched the first
   * of them already (a fetch waiting at the broker is answered by the first new record), so it
   * reads those and skips the rest. Whatever the timing, each offset is either read or in the
   * logged range, never both, and the logged range ends where the partition starts now.
   */
  @Test
  void aRunningQueryLogsExactlyTheRecordsItSkipped() {
    String t = "w-loss-running";
    broker.createTopic(t, 1);
    produce(t, 0, "r0", "r1");
    DataFrame offsets =
        session
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", broker.bootstrapServers())
            .option("subscribe", t)
            .option("startingOffsets", "earliest")
            .option("failOnDataLoss", "false")
            .load()
            .selectExpr("offset");
    List<String> warnings;
    List<Long> read = new ArrayList<>();
    try (ErrCapture err = new ErrCapture()) {
      StreamTest.of(offsets, OutputMode.Append())
          .queryName("w_loss_running")
          .writeTo("memory", Map.of())
          .trigger(Trigger.ProcessingTime(1000))
          .clock(new ManualClock())
          .processAllAvailable()
          .execute(
              q -> {
                produce(t, 0, "r2", "r3", "r4", "r5");
                broker.deleteRecordsBefore(t, 0, 4);
              })
          .advanceClock(1000)
          .processAllAvailable()
          .assertQuery(
              q -> {
                for (Row r : session.sql("SELECT offset FROM w_loss_running").collectAsList()) {
                  read.add(r.getLong(0));
                }
              })
          .run();
      warnings = err.warnings();
    }
    List<Long> skipped = new ArrayList<>();
    Pattern range = Pattern.compile(Pattern.quote(t + "-0") + ": offsets \\[(\\d+), (\\d+)\\)");
    for (String l : warnings) {
      Matcher m = range.matcher(l);
      if (!m.find()) continue;
      assertThat(m.group(2)).as("the skipped range ends where the partition starts").isEqualTo("4");
      for (long o = Long.parseLong(m.group(1)); o < 4; o++) skipped.add(o);
    }
    System.out.printf(
        "KafkaLogWarningsTest: read offsets %s, logged as skipped %s%n", read, skipped);
    assertThat(read).doesNotHaveDuplicates().doesNotContainAnyElementsOf(skipped);
    List<Long> all = new ArrayList<>(read);
    all.addAll(skipped);
    assertThat(all).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
  }

  private static void produce(String topic, int partition, String... values) {
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (String v : values) p.send(new ProducerRecord<>(topic, partition, null, v)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not produce to " + topic, e);
    }
  }

  /**
   * Captures what is written to System.err (where slf4j-simple writes each line at log time) while
   * still passing it on; restores System.err on close.
   */
  static final class ErrCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    ErrCapture() {
      OutputStream tee =
          new OutputStream() {
            @Override
            public synchronized void write(int b) {
              captured.write(b);
              original.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
              captured.write(b, off, len);
              original.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
              original.flush();
            }
          };
      System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** The WARN lines written so far. */
    List<String> warnings() {
      String text;
      synchronized (captured) {
        text = captured.toString(StandardCharsets.UTF_8);
      }
      return text.lines().filter(l -> l.contains(" WARN ")).toList();
    }

    @Override
    public void close() {
      System.setErr(original);
    }
  }
}
