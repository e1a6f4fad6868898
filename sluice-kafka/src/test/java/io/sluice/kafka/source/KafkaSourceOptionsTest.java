package io.sluice.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.streaming.DataStreamReader;
import io.sluice.testing.TestSessions;
import io.sluice.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The source's options without a broker: every wrong or conflicting value fails when the query is
 * defined ({@code load()}) with an error naming the option; offsets JSON; range splitting and rate
 * limiting.
 */
class KafkaSourceOptionsTest {
  private final Session session = TestSessions.shared();

  /** Nothing listens there: these tests fail before any connection. */
  private static final String NOWHERE = "127.0.0.1:1";

  private DataStreamReader stream(String... kv) {
    DataStreamReader r = session.readStream().format("kafka");
    for (int i = 0; i < kv.length; i += 2) r.option(kv[i], kv[i + 1]);
    return r;
  }

  private static void assertOptionError(Runnable r, String option, String fragment) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTION_VALUE"))
        .hasMessageContaining("option " + option)
        .hasMessageContaining(fragment);
  }

  @Test
  void bootstrapServersAreRequired() {
    assertOptionError(
        () -> stream("subscribe", "t").load(), "kafka.bootstrap.servers", "must be set");
  }

  @Test
  void exactlyOneTopicSelectionIsRequired() {
    assertOptionError(
        () -> stream("kafka.bootstrap.servers", NOWHERE).load(), "subscribe", "one of the options");
    assertOptionError(
        () ->
            stream("kafka.bootstrap.servers", NOWHERE, "subscribe", "a", "assign", "{\"a\":[0]}")
                .load(),
        "subscribe",
        "only one of");
    assertOptionError(
        () -> stream("kafka.bootstrap.servers", NOWHERE, "subscribe", " , ").load(),
        "subscribe",
        "list the topics");
    assertOptionError(
        () -> stream("kafka.bootstrap.servers", NOWHERE, "assign", "[0,1]").load(),
        "assign",
        "{\"topicA\":[0,1]");
    assertOptionError(
        () -> stream("kafka.bootstrap.servers", NOWHERE, "subscribePattern", "a(").load(),
        "subscribePattern",
        "regular expression");
  }

  @ParameterizedTest
  @CsvSource({
    "kafka.auto.offset.reset, startingOffsets",
    "kafka.key.deserializer, always read as bytes",
    "kafka.value.deserializer, always read as bytes",
    "kafka.enable.auto.commit, commitOffsetsToGroup",
    "kafka.interceptor.classes, not supported",
    "KAFKA.Auto.Offset.Reset, startingOffsets"
  })
  void engineOwnedClientSettingsAreRefusedAtLoad(String option, String hint) {
    assertOptionError(
        () -> stream("kafka.bootstrap.servers", NOWHERE, "subscribe", "t", option, "x").load(),
        option,
        hint);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "startingOffsets|newest|'earliest', 'latest' or JSON",
        "startingOffsets|{\"t\":{\"0\":-3}}|use -2 for earliest",
        "startingOffsets|{\"t\":{\"x\":1}}|is no number",
        "startingTimestamp|yesterday|timestamp in milliseconds",
        "startingOffsetsByTimestamp|{\"t\":{\"0\":-5}}|negative",
        "startingOffsetsByTimestampStrategy|skip|'error' or 'latest'",
        "failOnDataLoss|maybe|true or false",
        "maxOffsetsPerTrigger|0|must be positive",
        "minOffsetsPerTrigger|-1|must be positive",
        "maxTriggerDelay|soon|duration",
        "minPartitions|0|must be positive",
        "maxRecordsPerPartition|-4|must be positive",
        "includeHeaders|yes|true or false",
        "commitOffsetsToGroup|true|kafka.group.id",
        "endingOffsets|latest|not valid in streaming queries",
        "endingTimestamp|1000|not valid in streaming queries",
        "endingOffsetsByTimestamp|{\"t\":{\"0\":5}}|not valid in streaming queries"
      })
  void wrongStreamOptionValuesFailAtLoad(String option, String value, String fragment) {
    assertOptionError(
        () -> stream("kafka.bootstrap.servers", NOWHERE, "subscribe", "t", option, value).load(),
        option,
        fragment);
  }

  @Test
  void minOffsetsMustNotExceedMaxOffsets() {
    assertOptionError(
        () ->
            stream(
                    "kafka.bootstrap.servers",
                    NOWHERE,
                    "subscribe",
                    "t",
                    "maxOffsetsPerTrigger",
                    "10",
                    "minOffsetsPerTrigger",
                    "11")
                .load(),
        "minOffsetsPerTrigger",
        "higher than maxOffsetsPerTrigger (10)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "startingOffsets|latest|cannot start at 'latest'",
        "startingOffsets|{\"t\":{\"0\":-1}}|cannot start t-0 at latest (-1)",
        "endingOffsets|earliest|cannot end at 'earliest'",
        "endingOffsets|{\"t\":{\"0\":-2}}|cannot end t-0 at earliest (-2)"
      })
  void batchQueriesRefuseOpenStartsAndEnds(String option, String value, String fragment) {
    assertOptionError(
        () ->
            session
                .read()
                .format("kafka")
                .option("kafka.bootstrap.servers", NOWHERE)
                .option("subscribe", "t")
                .option(option, value)
                .load(),
        option,
        fragment);
  }

  @Test
  void streamingOnlyOptionsAreIgnoredInBatchAndUnknownOptionsAreListed() {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("kafka.bootstrap.servers", NOWHERE);
    raw.put("subscribe", "t");
    raw.put("maxOffsetsPerTrigger", "5");
    raw.put("group.id", "g");
    raw.put("startingOffset", "earliest");
    KafkaSourceOptions o = KafkaSourceOptions.parse(raw, true);
    assertThat(o.ignoredOptions()).containsExactlyInAnyOrder("group.id", "startingOffset");
    assertThat(o.starting()).isEqualTo(new OffsetSpec.Earliest());
    assertThat(o.ending()).isEqualTo(new OffsetSpec.Latest());
    KafkaSourceOptions s = KafkaSourceOptions.parse(raw, false);
    assertThat(s.starting()).isEqualTo(new OffsetSpec.Latest());
    assertThat(s.maxOffsetsPerTrigger()).isEqualTo(5);
    assertThat(s.ending()).isNull();
  }

  @Test
  void pollTimeoutAndOffsetRetriesAreRead() {
    KafkaSourceOptions o =
        KafkaSourceOptions.parse(
            Map.of(
                "kafka.bootstrap.servers", NOWHERE,
                "subscribe", "t",
                "kafkaConsumer.pollTimeoutMs", "5000",
                "fetchOffset.numRetries", "5",
                "fetchOffset.retryIntervalMs", "20",
                "fetchOffset.partitionRefreshIntervalMs", "2s"),
            false);
    assertThat(o.pollTimeoutMs()).isEqualTo(5000);
    assertThat(o.fetchOffsetRetries()).isEqualTo(5);
    assertThat(o.fetchOffsetRetryIntervalMs()).isEqualTo(20);
    assertThat(o.partitionRefreshIntervalMs()).isEqualTo(2000);
    KafkaSourceOptions d =
        KafkaSourceOptions.parse(
            Map.of("kafka.bootstrap.servers", NOWHERE, "subscribe", "t"), false);
    assertThat(d.pollTimeoutMs()).isEqualTo(120_000);
    assertThat(d.partitionRefreshIntervalMs()).isEqualTo(1000);
    assertThat(d.failOnDataLoss()).isTrue();
    assertThat(d.maxTriggerDelayMs()).isEqualTo(15 * 60_000);
    assertThat(d.includeHeaders()).isFalse();
    assertThat(d.commitOffsetsToGroup()).isFalse();
  }

  @Test
  void timestampOptionsTakePrecedenceOverOffsets() {
    Map<String, String> raw =
        Map.of(
            "kafka.bootstrap.servers", NOWHERE,
            "subscribe", "t",
            "startingOffsets", "earliest",
            "startingOffsetsByTimestamp", "{\"t\":{\"0\":5}}",
            "startingTimestamp", "7");
    assertThat(KafkaSourceOptions.parse(raw, false).starting())
        .isEqualTo(new OffsetSpec.AtTimestamp(7));
    Map<String, String> noGlobal = new LinkedHashMap<>(raw);
    noGlobal.remove("startingTimestamp");
    assertThat(KafkaSourceOptions.parse(noGlobal, false).starting())
        .isEqualTo(new OffsetSpec.ByTimestamp(Map.of(new TopicPartition("t", 0), 5L)));
  }

  @Test
  void loadGivesTheFixedSchemaWithHeadersOnlyWhenAsked() {
    DataFrame df = stream("kafka.bootstrap.servers", NOWHERE, "subscribe", "t").load();
    assertThat(df.schema().toDDL())
        .isEqualTo(
            "key BINARY,value BINARY,topic STRING,partition INT,offset BIGINT,"
                + "timestamp TIMESTAMP,timestampType INT");
    DataFrame h =
        stream("kafka.bootstrap.servers", NOWHERE, "subscribe", "t", "includeHeaders", "true")
            .load();
    assertThat(h.schema().fields()[7].dataType().simpleString())
        .isEqualTo("array<struct<key:string,value:binary>>");
    assertThatThrownBy(
            () ->
                stream("kafka.bootstrap.servers", NOWHERE, "subscribe", "t")
                    .schema(StructType.fromDDL("value STRING"))
                    .load())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("_LEGACY_ERROR_TEMP_1189"));
  }

  @Test
  void clientConfigsPassKafkaOptionsAndKeepWhatTheEngineOwns() {
    Map<String, String> raw =
        Map.of(
            "kafka.bootstrap.servers", NOWHERE,
            "subscribe", "t",
            "kafka.security.protocol", "SSL",
            "kafka.max.poll.records", "77",
            "groupIdPrefix", "team-a");
    KafkaSourceOptions o = KafkaSourceOptions.parse(raw, false);
    Map<String, Object> tasks = ConsumerConfigs.forTasks(o, "team-a-x-executor");
    assertThat(tasks)
        .containsEntry("security.protocol", "SSL")
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "77")
        .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none")
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "team-a-x-executor")
        .containsEntry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
    assertThat(o.groupIdPrefix()).isEqualTo("team-a");
    Map<String, String> withGroup = new LinkedHashMap<>(raw);
    withGroup.put("kafka.group.id", "fixed");
    KafkaSourceOptions g = KafkaSourceOptions.parse(withGroup, false);
    assertThat(ConsumerConfigs.forTasks(g, "ignored")).containsEntry("group.id", "fixed");
    assertThat(ConsumerConfigs.forQuery(g, "ignored")).containsEntry("group.id", "fixed");
    assertThat(
            KafkaSourceOptions.parse(
                    Map.of("kafka.bootstrap.servers", NOWHERE, "subscribe", "t"), false)
                .groupIdPrefix())
        .isEqualTo("sluice-kafka-source");
    Map<String, String> commit = new LinkedHashMap<>(raw);
    commit.put("commitOffsetsToGroup", "true");
    assertThat(KafkaSourceOptions.parse(commit, false).commitGroup()).isEqualTo("team-a");
    commit.put("kafka.group.id", "fixed");
    assertThat(KafkaSourceOptions.parse(commit, false).commitGroup()).isEqualTo("fixed");
  }

  @Test
  void offsetsAreWrittenAsSparkWritesThem() {
    Map<TopicPartition, Long> m = new LinkedHashMap<>();
    m.put(new TopicPartition("b", 1), 7L);
    m.put(new TopicPartition("a", 10), -1L);
    m.put(new TopicPartition("a", 2), 23L);
    KafkaSourceOffset o = new KafkaSourceOffset(m);
    assertThat(o.json()).isEqualTo("{\"a\":{\"2\":23,\"10\":-1},\"b\":{\"1\":7}}");
    assertThat(KafkaSourceOffset.parse(o.json())).isEqualTo(o);
    assertThat(PartitionJson.partitions("{\"a\":[0,1],\"b\":[3]}"))
        .containsExactly(
            new TopicPartition("a", 0), new TopicPartition("a", 1), new TopicPartition("b", 3));
    assertThatThrownBy(() -> KafkaSourceOffset.parse("{\"a\":[1]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected an object of partitions for a");
  }

  @Test
  void minPartitionsSplitsLargeRangesInProportionAndMaxRecordsCapsTasks() {
    TopicPartition a = new TopicPartition("t", 0);
    TopicPartition b = new TopicPartition("t", 1);
    List<OffsetRange> ranges =
        List.of(new OffsetRange(a, 0, 300), new OffsetRange(b, 10, 110), new OffsetRange(b, 5, 5));
    assertThat(OffsetRange.split(ranges, 0, 0))
        .containsExactly(new OffsetRange(a, 0, 300), new OffsetRange(b, 10, 110));
    assertThat(OffsetRange.split(ranges, 2, 0)).hasSize(2);
    assertThat(OffsetRange.split(ranges, 4, 0))
        .containsExactly(
            new OffsetRange(a, 0, 100),
            new OffsetRange(a, 100, 200),
            new OffsetRange(a, 200, 300),
            new OffsetRange(b, 10, 110));
    assertThat(OffsetRange.split(ranges, 0, 150))
        .containsExactly(
            new OffsetRange(a, 0, 150), new OffsetRange(a, 150, 300), new OffsetRange(b, 10, 110));
    assertThat(OffsetRange.split(List.of(new OffsetRange(a, 0, 2)), 5, 0))
        .containsExactly(new OffsetRange(a, 0, 1), new OffsetRange(a, 1, 2));
  }

  @Test
  void maxOffsetsPerTriggerSharesTheCapInProportionToBacklog() {
    TopicPartition a = new TopicPartition("t", 0);
    TopicPartition b = new TopicPartition("t", 1);
    TopicPartition c = new TopicPartition("t", 2);
    Map<TopicPartition, Long> from = Map.of(a, 0L, b, 100L, c, 5L);
    Map<TopicPartition, Long> latest = Map.of(a, 90L, b, 110L, c, 5L);
    assertThat(KafkaMicroBatchStream.limit(from, latest, -1)).isEqualTo(latest);
    assertThat(KafkaMicroBatchStream.limit(from, latest, 200)).isEqualTo(latest);
    // 100 in backlog, cap 10: a gets 9, b 1; c has none
    assertThat(KafkaMicroBatchStream.limit(from, latest, 10))
        .isEqualTo(Map.of(a, 9L, b, 101L, c, 5L));
    // a share below one record still admits one
    assertThat(KafkaMicroBatchStream.limit(from, latest, 2))
        .isEqualTo(Map.of(a, 1L, b, 101L, c, 5L));
  }

  @Test
  void durationsReadSparkTimeStrings() {
    var o =
        io.sluice.kafka.KafkaClientParams.options(
            Map.of("a", "15m", "b", "250", "c", "2s", "d", "1h"));
    assertThat(KafkaSourceOptions.durationMs(o, "a", 0)).isEqualTo(900_000);
    assertThat(KafkaSourceOptions.durationMs(o, "b", 0)).isEqualTo(250);
    assertThat(KafkaSourceOptions.durationMs(o, "c", 0)).isEqualTo(2_000);
    assertThat(KafkaSourceOptions.durationMs(o, "d", 0)).isEqualTo(3_600_000);
    assertThat(KafkaSourceOptions.durationMs(o, "missing", 42)).isEqualTo(42);
  }
}
