package io.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Session;
import io.sluice.streaming.StreamingQuery;
import io.sluice.streaming.checkpoint.CommitLog;
import io.sluice.streaming.checkpoint.OffsetLog;
import io.sluice.testing.ChildJvm;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's restart test with a real kill: a child JVM runs a Kafka to Kafka query (a stateless
 * projection keeping each record's id and its input partition and offset) over a 2-partition topic
 * in many small micro-batches; the test kills it without shutdown while a batch is writing (in
 * exactly-once mode: with its transaction open), produces more, then restarts the query here from
 * the same checkpoint and lets it catch up. Exactly-once: a read_committed consumer sees every id
 * exactly once. At-least-once: every id appears, and the only duplicates are records of the one
 * batch the checkpoint logged but did not commit.
 */
class KafkaQueryKillTest {
  private static final int MAX_PER_TRIGGER = 400;
  private static final int ROUND = 8_000; // the first round alone takes 20 batches
  private static final int TOTAL = 20_000;
  private static final long GIVE_UP_AFTER = 12; // batches the child may commit before its kill
  private static final Pattern PARTITION_OFFSET = Pattern.compile("\"(\\d+)\":(-?\\d+)");

  private static KafkaTestBroker broker;
  @TempDir Path tmp;

  @BeforeAll
  static void startBroker() {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** The query of both runs: value {@code id-<n>} becomes {@code id-<n>|<partition>|<offset>}. */
  static StreamingQuery start(
      Session session, String bootstrap, String in, String out, Path ck, boolean exactlyOnce) {
    return session
        .readStream()
        .format("kafka")
        .option("kafka.bootstrap.servers", bootstrap)
        .option("subscribe", in)
        .option("startingOffsets", "earliest")
        .option("maxOffsetsPerTrigger", MAX_PER_TRIGGER)
        .load()
        .selectExpr(
            "concat(CAST(value AS STRING), '|', CAST(partition AS STRING), '|',"
                + " CAST(offset AS STRING)) AS value")
        .writeStream()
        .format("kafka")
        .option("kafka.bootstrap.servers", bootstrap)
        .option("topic", out)
        .option("exactlyOnce", exactlyOnce)
        .option("checkpointLocation", ck.toString())
        .start();
  }

  @Test
  void exactlyOnceAKilledQueryRestartsWithEveryIdOnceForReadCommittedReaders() throws Exception {
    Path ck = tmp.resolve("ck");
    Killed killed = killAndRestart("k-eo-in", "k-eo-out", ck, true);
    assertThat(killed.before()).as("output before the kill").isNotEmpty();
    Map<Integer, List<Output>> byId = byId(readAll("k-eo-out", true));
    assertThat(missing(byId)).as("ids missing from the output").isEmpty();
    assertThat(duplicated(byId)).as("ids a read_committed consumer sees twice").isEmpty();
    // what the killed run had sent in its open transaction is in the log twice, aborted once
    List<Integer> inLog = duplicated(byId(readAll("k-eo-out", false)));
    assertThat(inLog).containsAll(killed.sentOfReplayed());
    // no check that the kill caught records in the open transaction: the child runs on between
    // seeing a transaction open and its kill, so that batch may have committed meanwhile (seen
    // once in ~10 runs); the printed summary says where each kill landed
  }

  @Test
  void atLeastOnceAKilledQueryDuplicatesOnlyTheReplayedBatch() throws Exception {
    Path ck = tmp.resolve("ck");
    Killed killed = killAndRestart("k-alo-in", "k-alo-out", ck, false);
    Map<Integer, List<Output>> byId = byId(readAll("k-alo-out", false));
    assertThat(missing(byId)).as("ids missing from the output").isEmpty();
    List<Integer> dups = duplicated(byId);
    // the replay writes its whole batch again: what it had sent before the kill is there twice
    // (a send in flight at the kill may have landed after the output was read: hence contains)
    assertThat(dups).containsAll(killed.sentOfReplayed());
    Replay replay = killed.replay();
    if (replay == null) {
      assertThat(dups).as("every logged batch was committed: nothing is replayed").isEmpty();
      return;
    }
    assertThat((long) dups.size()).isLessThanOrEqualTo(replay.size());
    for (int id : dups) {
      List<Output> copies = byId.get(id);
      assertThat(copies).as("copies of id %d", id).hasSize(2);
      Output o = copies.get(0);
      assertThat(replay.contains(o.partition(), o.offset()))
          .as(
              "duplicated id %d (input %d@%d) lies in the replayed batch %s",
              id, o.partition(), o.offset(), replay)
          .isTrue();
    }
  }

  /**
   * Produces the first round, runs the child until it writes a batch and kills it, produces the
   * second round, restarts the query here, produces the third round while it runs and lets it catch
   * up. Returns what the kill left: the batch to replay and the output at that moment.
   */
  private Killed killAndRestart(String in, String out, Path ck, boolean exactlyOnce)
      throws Exception {
    broker.createTopic(in, 2);
    broker.createTopic(out, 2);
    produce(in, 0, ROUND);
    ChildJvm child =
        ChildJvm.start(
            tmp.resolve("child.err"),
            KafkaQueryKillMain.class,
            broker.bootstrapServers(),
            in,
            out,
            ck.toString(),
            Boolean.toString(exactlyOnce));
    boolean inFlight;
    try {
      child.awaitLine("COMMITTED 1");
      inFlight = awaitWriteInFlight(ck, out, exactlyOnce);
    } finally {
      child.kill();
    }
    OptionalLong lastCommit = new CommitLog(ck.resolve("commits"), false).latestBatchId();
    assertThat(lastCommit).isPresent();
    assertThat(lastCommit.getAsLong())
        .as("the child was killed before it had read the first round (20 batches)")
        .isLessThan(ROUND / MAX_PER_TRIGGER - 1);
    Replay replay = replayed(ck);
    List<Output> before = readAll(out, false).stream().map(Output::parse).toList();
    produce(in, ROUND, 2 * ROUND);
    StreamingQuery q =
        start(TestSessions.shared(), broker.bootstrapServers(), in, out, ck, exactlyOnce);
    try {
      produce(in, 2 * ROUND, TOTAL);
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    Killed killed = new Killed(replay, before, inFlight);
    System.out.printf("KafkaQueryKillTest: exactlyOnce=%s, %s%n", exactlyOnce, killed);
    return killed;
  }

  /**
   * What the kill left: the batch to replay (null when every logged batch was committed) and the
   * output topic's records (read_uncommitted) at that moment.
   */
  record Killed(Replay replay, List<Output> before, boolean writing) {
    /** Ids of the replayed batch that reached the output topic before the kill. */
    Set<Integer> sentOfReplayed() {
      Set<Integer> ids = new HashSet<>();
      if (replay == null) return ids;
      for (Output o : before) {
        if (replay.contains(o.partition(), o.offset())) ids.add(o.id());
      }
      return ids;
    }

    @Override
    public String toString() {
      return (writing ? "killed while a batch was writing, with " : "killed with ")
          + before.size()
          + " output records, batch to replay "
          + replay
          + " of which "
          + sentOfReplayed().size()
          + " had been sent";
    }
  }

  /**
   * Waits until the child is inside a batch with some of its records already at the broker — in
   * exactly-once mode, an open transaction holds records (a partition's last stable offset is below
   * its high watermark); at-least-once, the output holds more records than the committed batches
   * read — so the kill lands while the sink writes. Gives up (the kill then lands wherever it does)
   * when the child has committed {@code GIVE_UP_AFTER} batches.
   */
  private static boolean awaitWriteInFlight(Path ck, String out, boolean exactlyOnce)
      throws Exception {
    OffsetLog offsets = new OffsetLog(ck.resolve("offsets"), false);
    CommitLog commits = new CommitLog(ck.resolve("commits"), false);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      long committed = commits.latestBatchId().orElse(-1);
      if (committed >= GIVE_UP_AFTER) return false;
      if (exactlyOnce) {
        Map<Integer, Long> stable = endOffsets(out, IsolationLevel.READ_COMMITTED);
        Map<Integer, Long> high = endOffsets(out, IsolationLevel.READ_UNCOMMITTED);
        for (Map.Entry<Integer, Long> e : high.entrySet()) {
          if (stable.get(e.getKey()) < e.getValue()) return true;
        }
      } else {
        long read =
            committed < 0
                ? 0
                : partitionOffsets(offsets.get(committed).offsets().get(0)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        long written =
            endOffsets(out, IsolationLevel.READ_UNCOMMITTED).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        // still the same batch committed after the output was measured: the next one is writing
        if (written > read && commits.latestBatchId().orElse(-1) == committed) return true;
      }
      assertThat(System.nanoTime()).as("a batch writing in %s", ck).isLessThan(deadline);
    }
  }

  private static Map<Integer, Long> endOffsets(String topic, IsolationLevel level)
      throws Exception {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (int p = 0; p < 2; p++) specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
    Map<Integer, Long> out = new HashMap<>();
    broker
        .admin()
        .listOffsets(specs, new ListOffsetsOptions(level))
        .all()
        .get()
        .forEach((tp, info) -> out.put(tp.partition(), info.offset()));
    return out;
  }

  /** The input ranges of the batch logged in {@code offsets/} but not in {@code commits/}. */
  record Replay(long batchId, Map<Integer, long[]> ranges) {
    boolean contains(int partition, long offset) {
      long[] r = ranges.get(partition);
      return r != null && offset >= r[0] && offset < r[1];
    }

    long size() {
      return ranges.values().stream().mapToLong(r -> r[1] - r[0]).sum();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("#" + batchId);
      ranges.forEach(
          (p, r) ->
              sb.append(' ')
                  .append(p)
                  .append(":[")
                  .append(r[0])
                  .append(", ")
                  .append(r[1])
                  .append(')'));
      return sb.toString();
    }
  }

  private static Replay replayed(Path ck) {
    OffsetLog offsets = new OffsetLog(ck.resolve("offsets"), false);
    OptionalLong lastOffsets = offsets.latestBatchId();
    OptionalLong lastCommit = new CommitLog(ck.resolve("commits"), false).latestBatchId();
    if (lastOffsets.isEmpty()
        || (lastCommit.isPresent() && lastCommit.getAsLong() >= lastOffsets.getAsLong())) {
      return null;
    }
    long n = lastOffsets.getAsLong();
    Map<Integer, Long> until = partitionOffsets(offsets.get(n).offsets().get(0));
    Map<Integer, Long> from =
        n == 0 ? Map.of(0, 0L, 1, 0L) : partitionOffsets(offsets.get(n - 1).offsets().get(0));
    Map<Integer, long[]> ranges = new HashMap<>();
    until.forEach((p, u) -> ranges.put(p, new long[] {from.getOrDefault(p, 0L), u}));
    return new Replay(n, ranges);
  }

  /** Partition → offset of a one-topic offset JSON such as {@code {"t":{"0":23,"1":17}}}. */
  private static Map<Integer, Long> partitionOffsets(String json) {
    Map<Integer, Long> out = new HashMap<>();
    Matcher m = PARTITION_OFFSET.matcher(json);
    while (m.find()) out.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    assertThat(out).as("offsets in %s", json).isNotEmpty();
    return out;
  }

  /** One output record: the id and where its input record was. */
  record Output(int id, int partition, long offset) {
    static Output parse(String value) {
      String[] parts = value.split("\\|");
      assertThat(parts).as("output value %s", value).hasSize(3);
      return new Output(
          Integer.parseInt(parts[0].substring("id-".length())),
          Integer.parseInt(parts[1]),
          Long.parseLong(parts[2]));
    }
  }

  private static Map<Integer, List<Output>> byId(List<String> values) {
    Map<Integer, List<Output>> out = new HashMap<>();
    for (String v : values) {
      Output o = Output.parse(v);
      out.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(o);
    }
    return out;
  }

  private static List<Integer> missing(Map<Integer, List<Output>> byId) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < TOTAL; i++) if (!byId.containsKey(i)) out.add(i);
    return out;
  }

  private static List<Integer> duplicated(Map<Integer, List<Output>> byId) {
    List<Integer> out = new ArrayList<>();
    byId.forEach(
        (id, copies) -> {
          if (copies.size() > 1) out.add(id);
        });
    out.sort(null);
    return out;
  }

  /** Ids {@code [from, until)}, id i as value {@code id-i} to partition i % 2, all acknowledged. */
  private static void produce(String topic, int from, int until) throws Exception {
    Map<String, Object> pc =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(pc, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (int i = from; i < until; i++) {
        sent.add(p.send(new ProducerRecord<>(topic, i % 2, null, "id-" + i)));
      }
      p.flush();
      for (Future<RecordMetadata> f : sent) f.get();
    }
  }

  /** Every value of {@code topic} up to its high watermark, committed ones only if asked. */
  private static List<String> readAll(String topic, boolean readCommitted) throws Exception {
    List<TopicPartition> parts =
        List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (TopicPartition tp : parts) specs.put(tp, OffsetSpec.latest());
    Map<TopicPartition, Long> end = new HashMap<>();
    broker
        .admin()
        .listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
        .all()
        .get()
        .forEach((tp, info) -> end.put(tp, info.offset()));
    Map<String, Object> cc =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            readCommitted ? "read_committed" : "read_uncommitted");
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(cc, new StringDeserializer(), new StringDeserializer())) {
      c.assign(parts);
      c.seekToBeginning(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!reached(c, end)) {
        assertThat(System.nanoTime())
            .as("reading %s to its end %s", topic, end)
            .isLessThan(deadline);
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
          out.add(r.value());
        }
      }
    }
    return out;
  }

  private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (c.position(e.getKey()) < e.getValue()) return false;
    }
    return true;
  }
}
