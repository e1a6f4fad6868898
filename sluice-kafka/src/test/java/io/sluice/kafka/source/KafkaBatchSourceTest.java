package io.sluice.kafka.source;

import static io.sluice.testing.QueryTest.checkAnswer;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.DataFrameReader;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.connector.SourceContext;
import io.sluice.error.SluiceException;
import io.sluice.testing.TestSessions;
import io.sluice.testing.kafka.KafkaTestBroker;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch reads ({@code session.read().format("kafka")}) against a real broker. */
class KafkaBatchSourceTest {
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

  private DataFrameReader kafka(String... kv) {
    DataFrameReader r =
        session.read().format("kafka").option("kafka.bootstrap.servers", broker.bootstrapServers());
    for (int i = 0; i < kv.length; i += 2) r.option(kv[i], kv[i + 1]);
    return r;
  }

  private static DataFrame strings(DataFrame df) {
    return df.selectExpr("CAST(value AS STRING) AS v", "partition", "offset");
  }

  @Test
  void rowsCarryEveryKafkaFieldWithSparksTypes() {
    broker.createTopic("b-rows", 1);
    records.send("b-rows", 0, "k1", "v1", 1_000L, null);
    records.send("b-rows", 0, null, null, 2_000L, null);
    DataFrame df = kafka("subscribe", "b-rows").load();
    assertThat(df.schema().toDDL())
        .isEqualTo(
            "key BINARY,value BINARY,topic STRING,partition INT,offset BIGINT,"
                + "timestamp TIMESTAMP,timestampType INT");
    checkAnswer(
        df.selectExpr(
            "CAST(key AS STRING)",
            "CAST(value AS STRING)",
            "topic",
            "partition",
            "offset",
            "CAST(timestamp AS BIGINT)",
            "timestampType"),
        row("k1", "v1", "b-rows", 0, 0L, 1L, 0),
        row(null, null, "b-rows", 0, 1L, 2L, 0));
    List<Row> raw = df.select("key", "value").collectAsList();
    assertThat((byte[]) raw.get(0).get(0)).isEqualTo(Records.utf8("k1"));
  }

  @Test
  void logAppendTimeTopicsReportTimestampTypeOne() {
    broker.createTopic("b-append", 1, Map.of("message.timestamp.type", "LogAppendTime"));
    records.send("b-append", 0, null, "x", 5L, null);
    List<Row> rows =
        kafka("subscribe", "b-append").load().select("timestamp", "timestampType").collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getInt(1)).isEqualTo(1);
    assertThat(((Timestamp) rows.get(0).get(0)).getTime()).isGreaterThan(5L);
  }

  @Test
  void defaultsReadEverythingAndOffsetsAreFixedWhenDefined() {
    broker.createTopic("b-all", 2);
    records.values("b-all", 0, "a", "b");
    records.values("b-all", 1, "c");
    DataFrame df = strings(kafka("subscribe", "b-all").load());
    checkAnswer(df, row("a", 0, 0L), row("b", 0, 1L), row("c", 1, 0L));
    records.values("b-all", 1, "d");
    checkAnswer(df, row("a", 0, 0L), row("b", 0, 1L), row("c", 1, 0L));
    assertThat(strings(kafka("subscribe", "b-all").load()).count()).isEqualTo(4);
  }

  @Test
  void startingAndEndingOffsetsAsJson() {
    broker.createTopic("b-json", 2);
    records.values("b-json", 0, "a0", "a1", "a2", "a3");
    records.values("b-json", 1, "b0", "b1");
    checkAnswer(
        strings(
            kafka(
                    "subscribe", "b-json",
                    "startingOffsets", "{\"b-json\":{\"0\":1,\"1\":-2}}",
                    "endingOffsets", "{\"b-json\":{\"0\":3,\"1\":-1}}")
                .load()),
        row("a1", 0, 1L),
        row("a2", 0, 2L),
        row("b0", 1, 0L),
        row("b1", 1, 1L));
    assertThatThrownBy(
            () -> kafka("subscribe", "b-json", "startingOffsets", "{\"b-json\":{\"0\":1}}").load())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTION_VALUE"))
        .hasMessageContaining("option startingOffsets")
        .hasMessageContaining("must list every partition");
    assertThatThrownBy(
            () ->
                kafka(
                        "subscribe", "b-json",
                        "startingOffsets", "{\"b-json\":{\"0\":3,\"1\":0}}",
                        "endingOffsets", "{\"b-json\":{\"0\":2,\"1\":1}}")
                    .load())
        .hasMessageContaining("option endingOffsets")
        .hasMessageContaining("before the start");
  }

  @Test
  void timestampsChooseTheFirstOffsetAtOrAfterThem() {
    broker.createTopic("b-ts", 2);
    for (int i = 0; i < 4; i++) records.send("b-ts", 0, null, "a" + i, 1_000L * (i + 1), null);
    for (int i = 0; i < 4; i++) records.send("b-ts", 1, null, "b" + i, 1_000L * (i + 1), null);
    checkAnswer(
        strings(
                kafka("subscribe", "b-ts", "startingTimestamp", "2500", "endingTimestamp", "4000")
                    .load())
            .select("v"),
        row("a2"),
        row("b2"));
    checkAnswer(
        strings(
                kafka(
                        "subscribe", "b-ts",
                        "startingOffsetsByTimestamp", "{\"b-ts\":{\"0\":1000,\"1\":4000}}",
                        "endingOffsetsByTimestamp", "{\"b-ts\":{\"0\":2000,\"1\":9000}}")
                    .load())
            .select("v"),
        row("a0"),
        row("b3"));
    assertThatThrownBy(() -> kafka("subscribe", "b-ts", "startingTimestamp", "9000").load())
        .hasMessageContaining("option startingTimestamp")
        .hasMessageContaining("startingOffsetsByTimestampStrategy");
    assertThat(
            kafka(
                    "subscribe", "b-ts",
                    "startingTimestamp", "9000",
                    "startingOffsetsByTimestampStrategy", "latest")
                .load()
                .count())
        .isZero();
  }

  @Test
  void assignAndPatternChooseThePartitions() {
    broker.createTopic("b-pat-x", 2);
    broker.createTopic("b-pat-y", 1);
    broker.createTopic("b-other", 1);
    records.values("b-pat-x", 0, "x0");
    records.values("b-pat-x", 1, "x1");
    records.values("b-pat-y", 0, "y0");
    records.values("b-other", 0, "o0");
    checkAnswer(
        kafka("subscribePattern", "b-pat-.*").load().selectExpr("CAST(value AS STRING)"),
        row("x0"),
        row("x1"),
        row("y0"));
    checkAnswer(
        kafka("assign", "{\"b-pat-x\":[1],\"b-other\":[0]}")
            .load()
            .selectExpr("CAST(value AS STRING)"),
        row("x1"),
        row("o0"));
    checkAnswer(
        kafka("subscribe", "b-pat-y, b-other").load().selectExpr("CAST(value AS STRING)"),
        row("y0"),
        row("o0"));
  }

  @Test
  void headersAreAnArrayOfStructsAndNullWithoutHeaders() {
    broker.createTopic("b-headers", 1);
    records.send("b-headers", 0, null, "h", null, new String[] {"a", "1", "b", null});
    records.send("b-headers", 0, null, "none", null, null);
    DataFrame df = kafka("subscribe", "b-headers", "includeHeaders", "true").load();
    checkAnswer(
        df.selectExpr(
            "CAST(value AS STRING)",
            "transform(headers, h -> concat(h.key, '=', coalesce(CAST(h.value AS STRING), 'null')))"),
        row("h", List.of("a=1", "b=null")),
        row("none", null));
  }

  @Test
  void minPartitionsAndMaxRecordsPerPartitionSplitTasks() {
    broker.createTopic("b-split", 1);
    String[] vs = new String[20];
    for (int i = 0; i < vs.length; i++) vs[i] = "v" + i;
    records.values("b-split", 0, vs);
    Map<String, String> opts = new LinkedHashMap<>();
    opts.put("kafka.bootstrap.servers", broker.bootstrapServers());
    opts.put("subscribe", "b-split");
    opts.put("minPartitions", "4");
    KafkaBatchScan scan =
        (KafkaBatchScan)
            KafkaSources.batchScan(
                List.of(), opts, null, new SourceContext(new io.sluice.config.SQLConf(2)));
    assertThat(scan.numPartitions()).isEqualTo(4);
    assertThat(scan.ranges().get(3).until()).isEqualTo(20);
    opts.remove("minPartitions");
    opts.put("maxRecordsPerPartition", "6");
    assertThat(
            KafkaSources.batchScan(
                    List.of(), opts, null, new SourceContext(new io.sluice.config.SQLConf(2)))
                .numPartitions())
        .isEqualTo(4);
    List<Row> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) expected.add(row("v" + i, (long) i));
    checkAnswer(
        kafka("subscribe", "b-split", "minPartitions", "3")
            .load()
            .selectExpr("CAST(value AS STRING)", "offset"),
        expected);
  }

  @Test
  void deletedRecordsFailTheReadOrAreSkippedWithFailOnDataLossFalse() {
    broker.createTopic("b-loss", 1);
    records.values("b-loss", 0, "r0", "r1", "r2", "r3", "r4");
    broker.deleteRecordsBefore("b-loss", 0, 3);
    String from0 = "{\"b-loss\":{\"0\":0}}";
    assertThatThrownBy(
            () -> kafka("subscribe", "b-loss", "startingOffsets", from0).load().collectAsList())
        .satisfies(
            e -> {
              Throwable t = e;
              while (!(t instanceof SluiceException) && t.getCause() != null) t = t.getCause();
              assertThat(((SluiceException) t).getErrorClass()).isEqualTo("KAFKA_DATA_LOSS");
              assertThat(t.getMessage()).contains("b-loss-0").contains("offsets [0, 3)");
            });
    checkAnswer(
        kafka("subscribe", "b-loss", "startingOffsets", from0, "failOnDataLoss", "false")
            .load()
            .selectExpr("CAST(value AS STRING)"),
        row("r3"),
        row("r4"));
    // earliest starts after the deleted records: nothing is lost
    assertThat(kafka("subscribe", "b-loss").load().count()).isEqualTo(2);
  }
}
