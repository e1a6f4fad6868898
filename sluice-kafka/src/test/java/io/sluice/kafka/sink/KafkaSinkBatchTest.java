package io.sluice.kafka.sink;

import static io.sluice.kafka.sink.TopicReader.readAll;
import static io.sluice.kafka.sink.TopicReader.text;
import static io.sluice.kafka.sink.TopicReader.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.AnalysisException;
import io.sluice.DataFrame;
import io.sluice.DataFrameWriter;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batch writes ({@code df.write().format("kafka")}) against a real broker: every column and option
 * of Spark's Kafka sink, and the errors for bad columns, options and save modes.
 */
class KafkaSinkBatchTest {
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

  private DataFrameWriter kafka(String sql) {
    return kafka(session.sql(sql));
  }

  private DataFrameWriter kafka(DataFrame df) {
    return df.write().format("kafka").option("kafka.bootstrap.servers", broker.bootstrapServers());
  }

  private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
    return readAll(broker.bootstrapServers(), topic, true);
  }

  @Test
  void valueOnlyRowsGoToTheTopicOption() {
    broker.createTopic("b-value", 2);
    kafka(session.range(100).selectExpr("CAST(id AS STRING) AS value"))
        .option("topic", "b-value")
        .save();
    List<ConsumerRecord<byte[], byte[]>> records = read("b-value");
    assertThat(values(records))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, 100).mapToObj(Integer::toString).toList());
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isNull());
  }

  @Test
  void keysAndValuesAsStringOrBinaryAndNulls() {
    broker.createTopic("b-kv", 1);
    kafka(
            "SELECT * FROM VALUES ('k1', CAST('v1' AS BINARY)), (NULL, CAST('v2' AS BINARY)),"
                + " ('k3', NULL) AS t(key, value)")
        .option("topic", "b-kv")
        .save();
    kafka("SELECT CAST('k4' AS BINARY) AS key, 'v4' AS value").option("topic", "b-kv").save();
    List<String> got = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : read("b-kv")) {
      got.add(text(r.key()) + "=" + text(r.value()));
    }
    assertThat(got).containsExactlyInAnyOrder("k1=v1", "null=v2", "k3=null", "k4=v4");
  }

  @Test
  void theTopicColumnRoutesEachRowAndTheTopicOptionWins() {
    broker.createTopic("b-t1", 1);
    broker.createTopic("b-t2", 1);
    broker.createTopic("b-opt", 1);
    String rows =
        "SELECT * FROM VALUES ('b-t1', 'a'), ('b-t2', 'b'), ('b-t1', 'c') AS t(topic, value)";
    kafka(rows).save();
    assertThat(values(read("b-t1"))).containsExactlyInAnyOrder("a", "c");
    assertThat(values(read("b-t2"))).containsExactly("b");
    kafka(rows).option("topic", "b-opt").save();
    assertThat(values(read("b-opt"))).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(values(read("b-t1"))).hasSize(2);
  }

  @Test
  void thePartitionColumnPicksThePartitionAndNullLeavesItToThePartitioner() {
    broker.createTopic("b-part", 3);
    kafka(
            "SELECT * FROM VALUES (2, 'x'), (2, 'y'), (0, 'z'), (NULL, 'n')"
                + " AS t(partition, value)")
        .option("topic", "b-part")
        .save();
    List<String> got = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : read("b-part")) {
      if (!text(r.value()).equals("n")) got.add(r.partition() + ":" + text(r.value()));
    }
    assertThat(got).containsExactlyInAnyOrder("2:x", "2:y", "0:z");
    assertThat(values(read("b-part"))).contains("n");
  }

  @Test
  void headersAreWrittenAndANullArrayGivesNone() {
    broker.createTopic("b-headers", 1);
    kafka(
            "SELECT 'with' AS value, array(named_struct('key', 'h1', 'value', CAST('a' AS"
                + " BINARY)), named_struct('key', 'h2', 'value', CAST(NULL AS BINARY))) AS"
                + " headers UNION ALL SELECT 'without', NULL")
        .option("topic", "b-headers")
        .save();
    List<ConsumerRecord<byte[], byte[]>> records = read("b-headers");
    assertThat(records).hasSize(2);
    for (ConsumerRecord<byte[], byte[]> r : records) {
      List<String> hs = new ArrayList<>();
      for (Header h : r.headers()) hs.add(h.key() + "=" + text(h.value()));
      if (text(r.value()).equals("with")) {
        assertThat(hs).containsExactly("h1=a", "h2=null");
      } else {
        assertThat(hs).isEmpty();
      }
    }
  }

  @Test
  void otherColumnsAreIgnored() {
    broker.createTopic("b-extra", 1);
    kafka("SELECT 'v' AS value, 42 AS offset, 'x' AS other").option("topic", "b-extra").save();
    assertThat(values(read("b-extra"))).containsExactly("v");
  }

  @Test
  void appendAndErrorIfExistsAreAllowedOverwriteAndIgnoreAreNot() {
    broker.createTopic("b-modes", 1);
    kafka("SELECT 'a' AS value").option("topic", "b-modes").mode("append").save();
    kafka("SELECT 'b' AS value").option("topic", "b-modes").mode("errorifexists").save();
    assertThat(values(read("b-modes"))).containsExactly("a", "b");
    for (String mode : List.of("overwrite", "ignore")) {
      assertThatThrownBy(
              () -> kafka("SELECT 'c' AS value").option("topic", "b-modes").mode(mode).save())
          .isInstanceOf(AnalysisException.class)
          .hasMessageContaining("KAFKA_SAVE_MODE_NOT_ALLOWED")
          .hasMessageContaining("Save mode " + (mode.equals("ignore") ? "Ignore" : "Overwrite"));
    }
    assertThat(values(read("b-modes"))).containsExactly("a", "b");
  }

  @Test
  void exactlyOnceBatchWritesAllRowsInOneTransaction() {
    broker.createTopic("b-eo", 2);
    kafka(session.range(50).selectExpr("CAST(id AS STRING) AS value"))
        .option("topic", "b-eo")
        .option("exactlyOnce", "true")
        .save();
    assertThat(read("b-eo")).hasSize(50);
  }

  @Test
  void columnsOfTheWrongTypeOrMissingAreNamed() {
    expectColumnError("SELECT 1 AS value", "KAFKA_SINK_COLUMN_TYPE", "value attribute", "int");
    expectColumnError("SELECT 'a' AS key", "KAFKA_SINK_MISSING_COLUMN", "'value'", "key");
    expectColumnError(
        "SELECT 1 AS key, 'v' AS value", "KAFKA_SINK_COLUMN_TYPE", "key attribute", "int");
    expectColumnError(
        "SELECT CAST(1 AS BIGINT) AS partition, 'v' AS value",
        "KAFKA_SINK_COLUMN_TYPE",
        "partition attribute",
        "bigint");
    expectColumnError(
        "SELECT array('a') AS headers, 'v' AS value",
        "KAFKA_SINK_COLUMN_TYPE",
        "headers attribute",
        "array<string>");
    // no topic column and no option
    assertThatThrownBy(() -> kafka("SELECT 'v' AS value").save())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("KAFKA_SINK_MISSING_COLUMN")
        .hasMessageContaining("topic option required");
    // a topic column of the wrong type, unless the option overrides it
    assertThatThrownBy(() -> kafka("SELECT 1 AS topic, 'v' AS value").save())
        .hasMessageContaining("KAFKA_SINK_COLUMN_TYPE")
        .hasMessageContaining("topic attribute unsupported type int");
    broker.createTopic("b-topic-int", 1);
    kafka("SELECT 1 AS topic, 'v' AS value").option("topic", "b-topic-int").save();
    assertThat(values(read("b-topic-int"))).containsExactly("v");
  }

  private void expectColumnError(String sql, String errorClass, String... fragments) {
    var check =
        assertThatThrownBy(() -> kafka(sql).option("topic", "b-never").save())
            .isInstanceOf(AnalysisException.class)
            .hasMessageContaining(errorClass);
    for (String f : fragments) check.hasMessageContaining(f);
  }

  @Test
  void aNullTopicInTheDataFailsTheWrite() {
    assertThatThrownBy(() -> kafka("SELECT CAST(NULL AS STRING) AS topic, 'v' AS value").save())
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("KAFKA_NULL_TOPIC_IN_DATA");
  }

  @Test
  void aFailedSendFailsTheWriteNamingTopicAndPartition() {
    broker.createTopic("b-fail", 1);
    assertThatThrownBy(
            () ->
                kafka("SELECT 'v' AS value, 5 AS partition")
                    .option("topic", "b-fail")
                    .option("kafka.max.block.ms", "300")
                    .save())
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("KAFKA_SINK_WRITE_FAILED")
        .hasMessageContaining("topic b-fail partition 5");
  }

  @Test
  void optionsAreCheckedBeforeWriting() {
    Map<String, String> refused =
        Map.of(
            "kafka.key.serializer", "key.serializer",
            "kafka.value.serializer", "value.serializer",
            "kafka.transactional.id", "exactlyOnce");
    refused.forEach(
        (option, fragment) ->
            assertThatThrownBy(
                    () ->
                        kafka("SELECT 'v' AS value")
                            .option("topic", "b-never")
                            .option(option, "x")
                            .save())
                .hasMessageContaining("INVALID_OPTION_VALUE")
                .hasMessageContaining("option " + option)
                .hasMessageContaining(fragment));
    assertThatThrownBy(
            () ->
                session
                    .sql("SELECT 'v' AS value")
                    .write()
                    .format("kafka")
                    .option("topic", "b-never")
                    .save())
        .hasMessageContaining("kafka.bootstrap.servers");
    assertThatThrownBy(
            () ->
                kafka("SELECT 'v' AS value")
                    .option("topic", "b-never")
                    .option("kafka.acks", "some")
                    .save())
        .hasMessageContaining("INVALID_OPTION_VALUE")
        .hasMessageContaining("option kafka.acks");
    assertThatThrownBy(
            () ->
                kafka("SELECT 'v' AS value")
                    .option("topic", "b-never")
                    .option("exactlyOnce", "yes")
                    .save())
        .hasMessageContaining("option exactlyOnce");
    assertThatThrownBy(
            () ->
                kafka("SELECT 'v' AS value")
                    .option("topic", "b-never")
                    .option("exactlyOnce", "true")
                    .option("kafka.enable.idempotence", "false")
                    .save())
        .hasMessageContaining("option kafka.enable.idempotence");
    assertThat(broker.topics()).doesNotContain("b-never");
  }

  @Test
  void producerSettingsPassThrough() {
    broker.createTopic("b-settings", 1);
    kafka(session.range(10).selectExpr("CAST(id AS STRING) AS value"))
        .option("topic", "b-settings")
        .option("kafka.compression.type", "gzip")
        .option("kafka.client.id", "sluice-sink-test")
        .option("kafka.acks", "1")
        .option("group.id", "ignored, with a warning, as Spark ignores it")
        .save();
    assertThat(read("b-settings")).hasSize(10);
  }
}
