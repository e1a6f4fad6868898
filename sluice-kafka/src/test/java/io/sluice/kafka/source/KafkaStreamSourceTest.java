package io.sluice.kafka.source;

import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.Offset;
import io.sluice.connector.SourceContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.streaming.DataStreamReader;
import io.sluice.streaming.OutputMode;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.StreamingQueryProgress;
import io.sluice.streaming.Trigger;
import io.sluice.testing.ManualClock;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming reads ({@code session.readStream().format("kafka")}) against a real broker. */
class KafkaStreamSourceTest {
  private static KafkaTestBroker broker;
  private static Records records;
  private final Session session = TestSessions.shared();

  @BeforeAll
  static void start() {
    broker = KafkaTestBroker.start();
    records = new Records(broker);
  }

  @AfterAll
  static void stop() {
    records.close();
    broker.close();
  }

  private DataStreamReader kafka(String... kv) {
    DataStreamReader r =
        session
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", broker.bootstrapServers());
    for (int i = 0; i < kv.length; i += 2) r.option(kv[i], kv[i + 1]);
    return r;
  }

  /** Value, partition and offset of each record. */
  private static DataFrame vpo(DataFrame df) {
    return df.selectExpr("CAST(value AS STRING) AS v", "partition", "offset");
  }

  private static DataFrame values(DataFrame df) {
    return df.selectExpr("CAST(value AS STRING) AS v");
  }

  @Test
  void aRestartResumesFromTheCheckpointAndAKilledBatchLosesNothing() {
    String t = "s-restart";
    broker.createTopic(t, 2);
    records.values(t, 0, "a");
    StreamTest.of(
            vpo(kafka("subscribe", t, "startingOffsets", "earliest").load()), OutputMode.Append())
        .checkAnswer(row("a", 0, 0L))
        .execute(
            q -> {
              records.values(t, 0, "b");
              records.values(t, 1, "c");
            })
        .checkAnswer(row("a", 0, 0L), row("b", 0, 1L), row("c", 1, 0L))
        .assertLastProgress(
            p ->
                assertThat(p.sources()[0].endOffset())
                    .isEqualTo("{\"s-restart\":{\"0\":2,\"1\":1}}"))
        .stopStream()
        .execute(q -> records.values(t, 1, "d"))
        .startStream()
        .checkAnswer(row("a", 0, 0L), row("b", 0, 1L), row("c", 1, 0L), row("d", 1, 1L))
        // the next batch fails in the sink after its offsets were logged: the restart re-reads it
        .injectSinkFailure(false)
        .execute(q -> records.values(t, 0, "e"))
        .expectFailure(IllegalStateException.class, "")
        .startStream()
        .checkAnswer(
            row("a", 0, 0L), row("b", 0, 1L), row("c", 1, 0L), row("d", 1, 1L), row("e", 0, 2L))
        .run();
  }

  @Test
  void latestIsTheDefaultStartAndIsFixedAtTheFirstTrigger() {
    String t = "s-latest";
    broker.createTopic(t, 1);
    records.values(t, 0, "old");
    StreamTest.of(vpo(kafka("subscribe", t).load()), OutputMode.Append())
        .checkAnswer()
        .stopStream()
        // the start resolved before any batch is kept: a restart reads what arrived meanwhile
        .execute(q -> records.values(t, 0, "while-stopped"))
        .startStream()
        .checkAnswer(row("while-stopped", 0, 1L))
        .execute(q -> records.values(t, 0, "new"))
        .checkAnswer(row("while-stopped", 0, 1L), row("new", 0, 2L))
        .run();
  }

  @Test
  void startingOffsetsApplyOnlyToANewQuery(@TempDir Path checkpoint) {
    String t = "s-resume";
    broker.createTopic(t, 1);
    records.values(t, 0, "a", "b");
    StreamTest.of(
            values(kafka("subscribe", t, "startingOffsets", "earliest").load()),
            OutputMode.Append())
        .checkpoint(checkpoint)
        .checkAnswer(row("a"), row("b"))
        .run();
    records.values(t, 0, "c");
    // the same checkpoint with another start: the query resumes where it left off
    StreamTest.of(
            values(kafka("subscribe", t, "startingOffsets", "latest").load()), OutputMode.Append())
        .checkpoint(checkpoint)
        .checkAnswer(row("c"))
        .run();
  }

  @Test
  void startingOffsetsAsJsonWithEarliestAndLatestMarkers() {
    String t = "s-json";
    broker.createTopic(t, 2);
    records.values(t, 0, "a0", "a1", "a2");
    records.values(t, 1, "b0", "b1");
    StreamTest.of(
            vpo(kafka("subscribe", t, "startingOffsets", "{\"s-json\":{\"0\":1,\"1\":-1}}").load()),
            OutputMode.Append())
        .checkAnswer(row("a1", 0, 1L), row("a2", 0, 2L))
        .execute(q -> records.values(t, 1, "b2"))
        .checkAnswer(row("a1", 0, 1L), row("a2", 0, 2L), row("b2", 1, 2L))
        .run();
    StreamTest.of(
            vpo(kafka("subscribe", t, "startingOffsets", "{\"s-json\":{\"0\":-2,\"1\":2}}").load()),
            OutputMode.Append())
        .checkAnswer(row("a0", 0, 0L), row("a1", 0, 1L), row("a2", 0, 2L), row("b2", 1, 2L))
        .run();
  }

  @Test
  void startingTimestampsAndTheirStrategy() {
    String t = "s-ts";
    broker.createTopic(t, 2);
    for (int i = 0; i < 3; i++) records.send(t, 0, null, "a" + i, 1_000L * (i + 1), null);
    for (int i = 0; i < 3; i++) records.send(t, 1, null, "b" + i, 1_000L * (i + 1), null);
    StreamTest.of(
            values(kafka("subscribe", t, "startingTimestamp", "2000").load()), OutputMode.Append())
        .checkAnswer(row("a1"), row("a2"), row("b1"), row("b2"))
        .run();
    StreamTest.of(
            values(
                kafka(
                        "subscribe",
                        t,
                        "startingOffsetsByTimestamp",
                        "{\"s-ts\":{\"0\":3000,\"1\":1}}")
                    .load()),
            OutputMode.Append())
        .checkAnswer(row("a2"), row("b0"), row("b1"), row("b2"))
        .run();
    StreamTest.of(
            values(kafka("subscribe", t, "startingTimestamp", "99000").load()), OutputMode.Append())
        .expectFailure("INVALID_OPTION_VALUE", "startingOffsetsByTimestampStrategy")
        .run();
    StreamTest.of(
            values(
                kafka(
                        "subscribe", t,
                        "startingTimestamp", "99000",
                        "startingOffsetsByTimestampStrategy", "latest")
                    .load()),
            OutputMode.Append())
        .checkAnswer()
        .execute(q -> records.values(t, 1, "b3"))
        .checkAnswer(row("b3"))
        .run();
  }

  @Test
  void patternsFollowNewTopicsAndAssignReadsOnlyItsPartitions() {
    broker.createTopic("s-pat-1", 1);
    broker.createTopic("s-nopat", 1);
    records.values("s-pat-1", 0, "p1");
    records.values("s-nopat", 0, "n");
    StreamTest.of(
            values(kafka("subscribePattern", "s-pat-.*", "startingOffsets", "earliest").load()),
            OutputMode.Append())
        .checkAnswer(row("p1"))
        .execute(
            q -> {
              broker.createTopic("s-pat-2", 1);
              records.values("s-pat-2", 0, "p2");
            })
        .checkAnswer(row("p1"), row("p2"))
        .run();
    broker.createTopic("s-assign", 3);
    records.values("s-assign", 0, "x0");
    records.values("s-assign", 2, "x2");
    StreamTest.of(
            values(kafka("assign", "{\"s-assign\":[2]}", "startingOffsets", "earliest").load()),
            OutputMode.Append())
        .checkAnswer(row("x2"))
        .execute(
            q -> {
              records.values("s-assign", 1, "y1");
              records.values("s-assign", 2, "y2");
            })
        .checkAnswer(row("x2"), row("y2"))
        .run();
  }

  @Test
  void newPartitionsAreReadFromTheirStart() {
    String t = "s-grow";
    broker.createTopic(t, 1);
    records.values(t, 0, "a");
    StreamTest.of(vpo(kafka("subscribe", t).load()), OutputMode.Append())
        .checkAnswer()
        .execute(
            q -> {
              broker.growTopic(t, 3);
              records.values(t, 2, "c");
              records.values(t, 1, "b");
              records.values(t, 0, "a2");
            })
        .checkAnswer(row("a2", 0, 1L), row("b", 1, 0L), row("c", 2, 0L))
        .run();
  }

  @Test
  void newRecordsEndTheIdleWaitOfTheDefaultTrigger(@TempDir Path dir) throws Exception {
    String t = "s-wake";
    broker.createTopic(t, 2);
    records.values(t, 0, "a");
    // without the source's wake-up, an idle trigger would sleep ten minutes before looking again
    session.conf().set("sluice.sql.streaming.pollingDelay", "600000");
    StreamingQuery q =
        values(kafka("subscribe", t, "startingOffsets", "earliest").load())
            .writeStream()
            .format("memory")
            .queryName("kafka_wake")
            .option("checkpointLocation", dir.resolve("ck").toString())
            .start();
    try {
      awaitRows(q, "kafka_wake", 1);
      records.values(t, 1, "b");
      awaitRows(q, "kafka_wake", 2);
      assertThat(session.sql("SELECT v FROM kafka_wake ORDER BY v").collectAsList())
          .containsExactly(row("a"), row("b"));
    } finally {
      q.stop();
      session.conf().unset("sluice.sql.streaming.pollingDelay");
    }
  }

  private void awaitRows(StreamingQuery q, String table, long n) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (session.sql("SELECT * FROM " + table).count() < n) {
      assertThat(System.nanoTime())
          .as("rows in %s before the deadline", table)
          .isLessThan(deadline);
      assertThat(q.awaitTermination(20)).as("query ended: %s", q.exception()).isFalse();
    }
  }

  @Test
  void headersAreReadInStreamsWhenIncluded() {
    String t = "s-headers";
    broker.createTopic(t, 1);
    StreamTest.of(
            kafka("subscribe", t, "includeHeaders", "true")
                .load()
                .selectExpr(
                    "CAST(value AS STRING) AS v",
                    "headers IS NULL AS none",
                    "CAST(headers[0].value AS STRING) AS first"),
            OutputMode.Append())
        .checkAnswer()
        .execute(
            q -> {
              records.send(t, 0, null, "h", null, new String[] {"trace", "abc", "x", "y"});
              records.send(t, 0, null, "plain", null, null);
            })
        .checkAnswer(row("h", false, "abc"), row("plain", true, null))
        .run();
  }

  @Test
  void maxOffsetsPerTriggerCapsEachBatchAndAvailableNowStopsWhenDone() {
    String t = "s-max";
    broker.createTopic(t, 2);
    List<Row> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.values(t, 0, "a" + i);
      all.add(row("a" + i));
    }
    for (int i = 0; i < 30; i++) {
      records.values(t, 1, "b" + i);
      all.add(row("b" + i));
    }
    StreamTest.of(
            values(
                kafka("subscribe", t, "startingOffsets", "earliest", "maxOffsetsPerTrigger", "10")
                    .load()),
            OutputMode.Append())
        .trigger(Trigger.AvailableNow())
        .awaitTermination()
        .checkAnswer(all)
        .assertQuery(
            q -> {
              long batches = 0;
              for (StreamingQueryProgress p : q.recentProgress()) {
                if (p.numInputRows() == 0) continue;
                batches++;
                // a partition with any backlog gets at least one record: at most one over
                assertThat(p.numInputRows()).isBetween(1L, 11L);
              }
              assertThat(batches).isGreaterThanOrEqualTo(4);
            })
        .run();
  }

  @Test
  void minOffsetsPerTriggerWaitsForEnoughRecordsOrTheMaxDelay() {
    String t = "s-min";
    broker.createTopic(t, 1);
    records.values(t, 0, "r0", "r1", "r2");
    ManualClock clock = new ManualClock();
    StreamTest.of(
            values(
                kafka(
                        "subscribe", t,
                        "startingOffsets", "earliest",
                        "minOffsetsPerTrigger", "5",
                        "maxTriggerDelay", "10s")
                    .load()),
            OutputMode.Append())
        .trigger(Trigger.ProcessingTime(1000))
        .clock(clock)
        .checkAnswer() // 3 < 5 and no delay passed yet
        .execute(q -> records.values(t, 0, "r3", "r4"))
        .advanceClock(1000)
        .checkAnswer(row("r0"), row("r1"), row("r2"), row("r3"), row("r4"))
        .execute(q -> records.values(t, 0, "r5"))
        .advanceClock(1000)
        .checkNewAnswer()
        .advanceClock(8000)
        .checkNewAnswer()
        .advanceClock(1000) // 10 s after the last batch, at 1000
        .checkNewAnswer(row("r5"))
        .run();
  }

  @Test
  void lagMetricsAndOptInCommitsToTheConsumerGroup() {
    String t = "s-lag";
    broker.createTopic(t, 2);
    for (int i = 0; i < 10; i++) records.values(t, 0, "a" + i);
    for (int i = 0; i < 4; i++) records.values(t, 1, "b" + i);
    StreamTest.of(
            values(
                kafka(
                        "subscribe", t,
                        "startingOffsets", "earliest",
                        "maxOffsetsPerTrigger", "7",
                        "commitOffsetsToGroup", "true",
                        "kafka.group.id", "s-lag-group")
                    .load()),
            OutputMode.Append())
        .trigger(Trigger.ProcessingTime(1000))
        .clock(new ManualClock())
        .processAllAvailable()
        .assertLastProgress(
            p -> {
              // 14 waiting, 7 admitted in proportion: 5 of partition 0, 2 of partition 1
              assertThat(p.sources()[0].endOffset()).isEqualTo("{\"s-lag\":{\"0\":5,\"1\":2}}");
              assertThat(p.sources()[0].metrics())
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of(
                          "minOffsetsBehindLatest", "2",
                          "maxOffsetsBehindLatest", "5",
                          "avgOffsetsBehindLatest", "3.5",
                          "offsetsBehindLatest", "7"));
            })
        .assertQuery(
            q -> {
              Map<TopicPartition, OffsetAndMetadata> committed =
                  broker
                      .admin()
                      .listConsumerGroupOffsets("s-lag-group")
                      .partitionsToOffsetAndMetadata()
                      .get();
              assertThat(committed.get(new TopicPartition(t, 0)).offset()).isEqualTo(5);
              assertThat(committed.get(new TopicPartition(t, 1)).offset()).isEqualTo(2);
            })
        .run();
  }

  @Test
  void deletedRecordsFailTheQueryNamingTheLostRange() {
    String t = "s-loss";
    broker.createTopic(t, 1);
    records.values(t, 0, "r0", "r1");
    StreamTest.of(
            values(kafka("subscribe", t, "startingOffsets", "earliest").load()),
            OutputMode.Append())
        .checkAnswer(row("r0"), row("r1"))
        .stopStream()
        .execute(
            q -> {
              records.values(t, 0, "r2", "r3", "r4", "r5");
              broker.deleteRecordsBefore(t, 0, 4);
            })
        .startStream()
        .expectFailure(
            "KAFKA_DATA_LOSS", "s-loss-0 were lost before the query read them: offsets [2, 4)")
        .run();
  }

  @Test
  void withoutFailOnDataLossLostRecordsAndDeletedTopicsAreSkipped() {
    String t = "s-skip";
    broker.createTopic(t, 1);
    broker.createTopic("s-skip-gone", 1);
    records.values(t, 0, "r0", "r1");
    records.values("s-skip-gone", 0, "g0");
    StreamTest.of(
            values(
                kafka(
                        "subscribe", t + ",s-skip-gone",
                        "startingOffsets", "earliest",
                        "failOnDataLoss", "false")
                    .load()),
            OutputMode.Append())
        .checkAnswer(row("r0"), row("r1"), row("g0"))
        .stopStream()
        .execute(
            q -> {
              records.values(t, 0, "r2", "r3", "r4", "r5");
              broker.deleteRecordsBefore(t, 0, 4);
              broker.deleteTopic("s-skip-gone");
            })
        .startStream()
        .checkAnswer(row("r0"), row("r1"), row("g0"), row("r4"), row("r5"))
        .run();
  }

  @Test
  void aDeletedTopicFailsTheQueryByDefault() {
    broker.createTopic("s-gone", 1);
    broker.createTopic("s-stays", 1);
    records.values("s-gone", 0, "g0");
    StreamTest.of(
            values(kafka("subscribe", "s-gone,s-stays", "startingOffsets", "earliest").load()),
            OutputMode.Append())
        .checkAnswer(row("g0"))
        .stopStream()
        .execute(q -> broker.deleteTopic("s-gone"))
        .startStream()
        .expectFailure("KAFKA_DATA_LOSS", "s-gone-0")
        .run();
  }

  @Test
  void clientSettingsReachTheConsumersReadCommittedHidesAbortedRecords() {
    String t = "s-txn";
    broker.createTopic(t, 1);
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "s-txn-producer"),
            new StringSerializer(),
            new StringSerializer())) {
      p.initTransactions();
      p.beginTransaction();
      p.send(new ProducerRecord<>(t, 0, null, "aborted"));
      p.flush(); // else the abort drops the record before it reaches the broker
      p.abortTransaction();
      p.beginTransaction();
      p.send(new ProducerRecord<>(t, 0, null, "committed"));
      p.commitTransaction();
    }
    StreamTest.of(
            values(
                kafka(
                        "subscribe", t,
                        "startingOffsets", "earliest",
                        "kafka.isolation.level", "read_committed")
                    .load()),
            OutputMode.Append())
        .checkAnswer(row("committed"))
        .run();
    StreamTest.of(
            values(kafka("subscribe", t, "startingOffsets", "earliest").load()),
            OutputMode.Append())
        .checkAnswer(row("aborted"), row("committed"))
        .run();
  }

  @Test
  void minPartitionsSplitsBatchesAndConsumersAreReusedAcrossBatches(@TempDir Path dir) {
    String t = "s-pool";
    broker.createTopic(t, 1);
    for (int i = 0; i < 30; i++) records.values(t, 0, "v" + i);
    Map<String, String> opts = new LinkedHashMap<>();
    opts.put("kafka.bootstrap.servers", broker.bootstrapServers());
    opts.put("subscribe", t);
    opts.put("startingOffsets", "earliest");
    opts.put("minPartitions", "3");
    KafkaMicroBatchStream s =
        (KafkaMicroBatchStream)
            KafkaSources.stream(
                opts, KafkaRows.schema(false), dir.toString(), new SourceContext(new SQLConf(2)));
    try {
      Offset start = s.initialOffset();
      Offset end = s.latestOffset(start, s.defaultReadLimit());
      BatchScan scan = s.planBatch(start, end);
      assertThat(scan.numPartitions()).isEqualTo(3);
      assertThat(readValues(scan)).hasSize(30).contains("v0", "v29");
      assertThat(s.consumers().idleCount()).isEqualTo(3);
      records.values(t, 0, "v30");
      Offset end2 = s.latestOffset(end, s.defaultReadLimit());
      assertThat(end2.json()).isEqualTo("{\"s-pool\":{\"0\":31}}");
      BatchScan next = s.planBatch(end, end2);
      assertThat(next.numPartitions()).isEqualTo(1);
      assertThat(readValues(next)).containsExactly("v30");
      assertThat(s.consumers().idleCount()).isEqualTo(3); // one of the three was reused
    } finally {
      s.stop();
    }
    assertThat(s.consumers().idleCount()).isZero();
  }

  private static List<String> readValues(BatchScan scan) {
    List<String> out = new ArrayList<>();
    io.sluice.types.StructType valueOnly =
        new io.sluice.types.StructType(
            new io.sluice.types.StructField[] {scan.schema().fields()[1]});
    // all tasks at once, as workers run them: each holds its own consumer
    List<BatchIterator> its = new ArrayList<>();
    for (int p = 0; p < scan.numPartitions(); p++) its.add(scan.read(p, valueOnly, 7));
    List<ColumnBatch> firsts = new ArrayList<>();
    for (BatchIterator it : its) firsts.add(it.next());
    for (int k = 0; k < its.size(); k++) {
      BatchIterator it = its.get(k);
      for (ColumnBatch b = firsts.get(k); b != null; b = it.next()) {
        BytesVector v = (BytesVector) b.column(0);
        for (int i = 0; i < b.numRows(); i++) out.add(v.getString(i));
      }
    }
    its.forEach(BatchIterator::close);
    return out;
  }
}
