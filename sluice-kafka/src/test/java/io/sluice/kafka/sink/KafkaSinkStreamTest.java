package io.sluice.kafka.sink;

import static io.sluice.kafka.sink.TopicReader.readAll;
import static io.sluice.kafka.sink.TopicReader.text;
import static io.sluice.kafka.sink.TopicReader.values;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.streaming.MemoryStream;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.checkpoint.StreamMetadata;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming writes ({@code writeStream().format("kafka")}) as stories against a real broker: each
 * output mode, errors when the query starts, and restarts — a batch replayed after the sink wrote
 * it (its commit log entry deleted, as after a crash before the commit) and a batch that failed
 * half-way — read back with plain consumers: in exactly-once mode a read_committed consumer sees
 * each row once; in the default mode the only duplicates are the replayed batch's rows. Also Kafka
 * to Kafka in exactly-once mode across a replayed batch.
 */
class KafkaSinkStreamTest {
  private static KafkaTestBroker broker;
  private static final OutputMode APPEND = OutputMode.Append();
  private final Session session = TestSessions.shared();

  @BeforeAll
  static void start() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private Map<String, String> sink(String topic, String... more) {
    Map<String, String> o = new HashMap<>();
    o.put("kafka.bootstrap.servers", broker.bootstrapServers());
    o.put("topic", topic);
    for (int i = 0; i < more.length; i += 2) o.put(more[i], more[i + 1]);
    return o;
  }

  private List<String> committed(String topic) {
    return values(readAll(broker.bootstrapServers(), topic, true));
  }

  private List<String> uncommitted(String topic) {
    return values(readAll(broker.bootstrapServers(), topic, false));
  }

  @Test
  void appendModeWritesEachBatchsRows() {
    broker.createTopic("s-append", 2);
    MemoryStream input = MemoryStream.of(session, "value STRING");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .writeTo("kafka", sink("s-append"))
        .addData(input, row("a"), row("b"))
        .assertQuery(q -> assertThat(committed("s-append")).containsExactlyInAnyOrder("a", "b"))
        .addData(input, row("c"))
        .assertQuery(
            q -> assertThat(committed("s-append")).containsExactlyInAnyOrder("a", "b", "c"))
        .assertLastProgress(p -> assertThat(p.sink().description()).isEqualTo("KafkaSink"))
        .run();
  }

  @Test
  void completeModeRewritesTheResultAndUpdateModeTheChangedRowsExactlyOnce() {
    broker.createTopic("s-complete", 1);
    broker.createTopic("s-update", 1);
    MemoryStream input = MemoryStream.of(session, "word STRING");
    DataFrame counts =
        input
            .toDF()
            .groupBy("word")
            .count()
            .selectExpr("word AS key", "CAST(count AS STRING) AS value");
    StreamTest.of(counts, OutputMode.Complete())
        .writeTo("kafka", sink("s-complete"))
        .addData(input, row("a"), row("a"), row("b"))
        .processAllAvailable()
        .addData(input, row("a"))
        .assertQuery(
            q ->
                assertThat(keyed("s-complete"))
                    .containsExactlyInAnyOrder("a=2", "b=1", "a=3", "b=1"))
        .run();
    MemoryStream input2 = MemoryStream.of(session, "word STRING");
    DataFrame counts2 =
        input2
            .toDF()
            .groupBy("word")
            .count()
            .selectExpr("word AS key", "CAST(count AS STRING) AS value");
    // exactly-once with two shuffle partitions: two tasks send into the one transaction
    StreamTest.of(counts2, OutputMode.Update())
        .writeTo("kafka", sink("s-update", "exactlyOnce", "true"))
        .addData(input2, row("a"), row("a"), row("b"))
        .processAllAvailable()
        .addData(input2, row("a"))
        .assertQuery(
            q -> assertThat(keyed("s-update")).containsExactlyInAnyOrder("a=2", "b=1", "a=3"))
        .run();
  }

  private List<String> keyed(String topic) {
    List<String> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readAll(broker.bootstrapServers(), topic, true)) {
      out.add(text(r.key()) + "=" + text(r.value()));
    }
    return out;
  }

  @Test
  void badColumnsAndOptionsFailTheStart() {
    MemoryStream input = MemoryStream.of(session, "n INT");
    StreamTest.of(input.toDF().selectExpr("n AS value"), OutputMode.Append())
        .writeTo("kafka", sink("s-never"))
        .startStream()
        .expectFailure("KAFKA_SINK_COLUMN_TYPE", "value attribute unsupported type int")
        .run();
    StreamTest.of(input.toDF().selectExpr("CAST(n AS STRING) AS key"), OutputMode.Append())
        .writeTo("kafka", sink("s-never"))
        .startStream()
        .expectFailure("KAFKA_SINK_MISSING_COLUMN", "'value'")
        .run();
    StreamTest.of(input.toDF().selectExpr("CAST(n AS STRING) AS value"), OutputMode.Append())
        .writeTo("kafka", sink("s-never", "kafka.value.serializer", "x"))
        .startStream()
        .expectFailure("INVALID_OPTION_VALUE", "kafka.value.serializer")
        .run();
    assertThat(broker.topics()).doesNotContain("s-never");
  }

  @Test
  void atLeastOnceReplayWritesOnlyTheReplayedBatchAgain(@TempDir Path dir) {
    broker.createTopic("s-alo-replay", 2);
    MemoryStream input = MemoryStream.of(session, "value STRING");
    replayStory(input, dir, sink("s-alo-replay"))
        .assertQuery(
            q ->
                assertThat(uncommitted("s-alo-replay"))
                    .containsExactlyInAnyOrder("a", "b", "c", "d", "c", "d"))
        .run();
  }

  @Test
  void exactlyOnceReplayOfACommittedBatchWritesNothing(@TempDir Path dir) {
    broker.createTopic("s-eo-replay", 2);
    MemoryStream input = MemoryStream.of(session, "value STRING");
    replayStory(input, dir, sink("s-eo-replay", "exactlyOnce", "true"))
        .assertQuery(
            q -> {
              assertThat(committed("s-eo-replay")).containsExactlyInAnyOrder("a", "b", "c", "d");
              assertThat(uncommitted("s-eo-replay")).hasSize(4);
              assertThat(marker(q.id().toString())).isEqualTo(lastBatch(dir));
            })
        .assertLastProgress(
            p -> assertThat(p.sink().description()).isEqualTo("KafkaSink[exactlyOnce]"))
        .run();
  }

  /** Two batches, a stop, the last commit log entry deleted, a restart that replays it. */
  private StreamTest replayStory(MemoryStream input, Path dir, Map<String, String> options) {
    return StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .writeTo("kafka", options)
        .addData(input, row("a"), row("b"))
        .processAllAvailable()
        .addData(input, row("c"), row("d"))
        .processAllAvailable()
        .stopStream()
        .execute(q -> Files.delete(dir.resolve("commits").resolve(Long.toString(lastBatch(dir)))))
        .startStream()
        .processAllAvailable();
  }

  private static long lastBatch(Path checkpoint) throws IOException {
    try (Stream<Path> files = Files.list(checkpoint.resolve("offsets"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d+"))
          .mapToLong(Long::parseLong)
          .max()
          .orElseThrow();
    }
  }

  private long marker(String queryId) throws Exception {
    Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets =
        broker
            .admin()
            .listConsumerGroupOffsets(
                "sluice-kafka-sink-" + queryId,
                new ListConsumerGroupOffsetsOptions().requireStable(true))
            .partitionsToOffsetAndMetadata()
            .get();
    return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).max().orElse(-1);
  }

  @Test
  void exactlyOnceBatchFailingHalfWayIsAbortedAndItsReplayCommittedOnce(@TempDir Path dir) {
    broker.createTopic("s-eo-fail", 1);
    MemoryStream input = MemoryStream.of(session, "value STRING, partition INT");
    failingStory(
            input,
            dir,
            sink("s-eo-fail", "exactlyOnce", "true", "kafka.max.block.ms", "500"),
            () -> assertThat(committed("s-eo-fail")).containsExactly("a"))
        .assertQuery(
            q -> assertThat(committed("s-eo-fail")).containsExactlyInAnyOrder("a", "b", "c", "d"))
        .run();
  }

  @Test
  void atLeastOnceBatchFailingHalfWayDuplicatesOnlyItsOwnRows(@TempDir Path dir) {
    broker.createTopic("s-alo-fail", 1);
    MemoryStream input = MemoryStream.of(session, "value STRING, partition INT");
    failingStory(
            input,
            dir,
            sink("s-alo-fail", "kafka.max.block.ms", "500"),
            () -> assertThat(uncommitted("s-alo-fail")).contains("a").isSubsetOf("a", "b", "c"))
        .assertQuery(
            q -> {
              List<String> got = new ArrayList<>(uncommitted("s-alo-fail"));
              for (String once : List.of("a", "b", "c", "d")) assertThat(got.remove(once)).isTrue();
              assertThat(got).isSubsetOf("b", "c"); // what the failed attempt had sent
            })
        .run();
  }

  /**
   * Batch 1 sends rows to partition 0, then one to partition 3 of a 1-partition topic: that send
   * fails, so the batch fails half-way. The topic grows to 4 partitions and the query restarts.
   */
  private StreamTest failingStory(
      MemoryStream input, Path dir, Map<String, String> options, Runnable afterFailure) {
    String topic = options.get("topic");
    return StreamTest.of(input.toDF(), OutputMode.Append())
        .checkpoint(dir)
        .writeTo("kafka", options)
        .addData(input, row("a", 0))
        .processAllAvailable()
        .addData(input, row("b", 0), row("c", 0), row("d", 3))
        .expectFailure("KAFKA_SINK_WRITE_FAILED", "topic " + topic + " partition 3")
        .execute(q -> afterFailure.run())
        .execute(q -> broker.growTopic(topic, 4))
        .startStream()
        .processAllAvailable();
  }

  @Test
  void aNewRunFencesTheOldOneAndSkipsTheBatchesAlreadyCommitted(@TempDir Path dir)
      throws Exception {
    broker.createTopic("s-fence", 1);
    Map<String, String> options =
        sink("s-fence", "exactlyOnce", "true", "transactionalIdPrefix", "fence-app");
    SinkContext ctx = new SinkContext(null, null, dir.toString());
    StreamSink old = KafkaSinks.streamSink(options, RowsOutput.SCHEMA, List.of(), APPEND, ctx);
    StreamSink run = KafkaSinks.streamSink(options, RowsOutput.SCHEMA, List.of(), APPEND, ctx);
    try {
      old.addBatch(0, new RowsOutput("a", "b"));
      run.addBatch(0, new RowsOutput("a", "b")); // the replay of a committed batch: skipped
      run.addBatch(1, new RowsOutput("c"));
      assertThatThrownBy(() -> old.addBatch(2, new RowsOutput("zombie")))
          .hasMessageContaining("KAFKA_SINK_TRANSACTION_FAILED")
          .hasMessageContaining("took its transactional id over");
      run.addBatch(2, new RowsOutput("d"));
      assertThat(committed("s-fence")).containsExactlyInAnyOrder("a", "b", "c", "d");
      String id = "fence-app-" + StreamMetadata.readOrCreate(dir.resolve("metadata"));
      assertThat(broker.admin().listTransactions().all().get())
          .anySatisfy(t -> assertThat(t.transactionalId()).isEqualTo(id));
      assertThat(broker.admin().listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata().get())
          .containsValue(new OffsetAndMetadata(2, "sluice batch 2"));
    } finally {
      old.stop();
      run.stop();
    }
  }

  @Test
  void kafkaToKafkaExactlyOnceSurvivesAReplayedBatch(@TempDir Path dir) throws Exception {
    broker.createTopic("s-k2k-in", 2);
    broker.createTopic("s-k2k-out", 2);
    produce("s-k2k-in", "e1", "e2", "e3");
    DataFrame in =
        session
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", broker.bootstrapServers())
            .option("subscribe", "s-k2k-in")
            .option("startingOffsets", "earliest")
            .load()
            .selectExpr("key", "upper(CAST(value AS STRING)) AS value");
    StreamTest.of(in, OutputMode.Append())
        .checkpoint(dir)
        .writeTo("kafka", sink("s-k2k-out", "exactlyOnce", "true"))
        .processAllAvailable()
        .execute(q -> produce("s-k2k-in", "e4", "e5"))
        .processAllAvailable()
        .stopStream()
        .execute(q -> Files.delete(dir.resolve("commits").resolve(Long.toString(lastBatch(dir)))))
        .startStream()
        .execute(q -> produce("s-k2k-in", "e6"))
        .processAllAvailable()
        .assertQuery(
            q ->
                assertThat(committed("s-k2k-out"))
                    .containsExactlyInAnyOrder("E1", "E2", "E3", "E4", "E5", "E6"))
        .run();
  }

  private void produce(String topic, String... values) {
    Map<String, Object> pc =
        Map.of(
            org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers());
    try (var p =
        new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
            pc,
            new org.apache.kafka.common.serialization.StringSerializer(),
            new org.apache.kafka.common.serialization.StringSerializer())) {
      for (String v : values) {
        p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, v, v));
      }
    }
  }
}
