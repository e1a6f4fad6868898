package io.sluice.streaming;

import static io.sluice.functions.col;
import static io.sluice.testing.QueryTest.row;
import static io.sluice.testing.QueryTest.ts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.Session;
import io.sluice.testing.ManualClock;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The progress JSON has Spark's field names, nesting and types, so tools that parse Spark's
 * progress events parse Sluice's: every object is parsed back with Jackson and checked key by key.
 */
class ProgressJsonTest {
  private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
  private static final List<String> TOP_LEVEL =
      List.of(
          "id",
          "runId",
          "name",
          "timestamp",
          "batchId",
          "batchDuration",
          "numInputRows",
          "inputRowsPerSecond",
          "processedRowsPerSecond",
          "durationMs",
          "eventTime",
          "stateOperators",
          "sources",
          "sink");
  private static final List<String> DURATIONS =
      List.of(
          "latestOffset",
          "getBatch",
          "queryPlanning",
          "walCommit",
          "addBatch",
          "commitOffsets",
          "triggerExecution");

  private final Session session = TestSessions.shared();

  @Test
  void everyFieldOfABatchProgressHasSparksNameNestingAndType() {
    ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
    CountingSource numbers = new CountingSource(100);
    numbers.makeAvailable(2);
    MemoryStream events = MemoryStream.of(session, "user STRING, ts TIMESTAMP");
    StreamTest.of(
            events
                .toDF()
                .withWatermark("ts", "10 seconds")
                .select(col("user"))
                .unionByName(numbers.toDF(session).select(col("value").cast("string").as("user"))),
            OutputMode.Append())
        .trigger(Trigger.ProcessingTime(2000))
        .clock(clock)
        .queryName("progress_json")
        .addData(events, row("a", ts("2024-05-01T09:00:00Z")), row("b", ts("2024-05-01T09:00:30Z")))
        .startStream() // batch 0 at 10:00:00 reads both sources
        .checkAnswer(row("a"), row("b"), row("0"), row("1"))
        .addData(events, row("c", ts("2024-05-01T09:01:00Z")))
        .advanceClock(2_000)
        .checkNewAnswer(row("c"))
        .assertLastProgress(
            p -> {
              Map<String, Object> json = parse(p.json());
              assertThat(json.keySet()).containsExactlyElementsOf(TOP_LEVEL);
              assertThat(json.get("id")).isEqualTo(p.id().toString());
              assertThat(json.get("runId")).isEqualTo(p.runId().toString());
              assertThat(json.get("name")).isEqualTo("progress_json");
              assertThat(json.get("timestamp")).isEqualTo("2024-05-01T10:00:02.000Z");
              assertThat(json.get("batchId")).isEqualTo(1L);
              assertThat(json.get("batchDuration")).isInstanceOf(Long.class);
              assertThat(json.get("numInputRows")).isEqualTo(1L);
              // one row in the 2 s since the previous trigger
              assertThat(json.get("inputRowsPerSecond")).isEqualTo(0.5);
              assertThat(json.get("processedRowsPerSecond")).isInstanceOf(Double.class);

              Map<String, Object> durations = object(json.get("durationMs"));
              assertThat(durations.keySet()).containsExactlyInAnyOrderElementsOf(DURATIONS);
              assertThat(durations.values()).allMatch(v -> v instanceof Long l && l >= 0);

              Map<String, Object> eventTime = object(json.get("eventTime"));
              assertThat(eventTime)
                  .containsOnlyKeys("avg", "max", "min", "watermark")
                  .containsEntry("min", "2024-05-01T09:01:00.000Z")
                  .containsEntry("max", "2024-05-01T09:01:00.000Z")
                  .containsEntry("avg", "2024-05-01T09:01:00.000Z")
                  // the watermark of batch 1 comes from batch 0: max 09:00:30 - 10 s
                  .containsEntry("watermark", "2024-05-01T09:00:20.000Z");

              assertThat(json.get("stateOperators")).isEqualTo(List.of());

              List<Object> sources = array(json.get("sources"));
              assertThat(sources).hasSize(2);
              Map<String, Object> memory = object(sources.get(0));
              assertThat(memory.keySet())
                  .containsExactly(
                      "description",
                      "startOffset",
                      "endOffset",
                      "latestOffset",
                      "numInputRows",
                      "inputRowsPerSecond",
                      "processedRowsPerSecond");
              assertThat(memory.get("description")).isEqualTo(events.toString());
              assertThat(memory.get("startOffset")).isEqualTo(0L); // offsets embedded as JSON
              assertThat(memory.get("endOffset")).isEqualTo(1L);
              assertThat(memory.get("latestOffset")).isEqualTo(1L);
              assertThat(memory.get("numInputRows")).isEqualTo(1L);
              Map<String, Object> counting = object(sources.get(1));
              assertThat(counting.keySet())
                  .containsExactly(
                      "description",
                      "startOffset",
                      "endOffset",
                      "latestOffset",
                      "numInputRows",
                      "inputRowsPerSecond",
                      "processedRowsPerSecond",
                      "metrics");
              assertThat(counting.get("numInputRows")).isEqualTo(0L);
              assertThat(object(counting.get("metrics"))).containsEntry("numbersRead", "2");

              Map<String, Object> sink = object(json.get("sink"));
              assertThat(sink.keySet()).containsExactly("description", "numOutputRows");
              assertThat(sink.get("description")).isEqualTo("ForeachBatchSink");
              assertThat(sink.get("numOutputRows")).isEqualTo(1L);

              assertThat(parse(p.prettyJson())).isEqualTo(json);
              assertThat(p.prettyJson()).contains("\n  \"id\" : ");
            })
        .run();
  }

  @Test
  void theFirstBatchReportsNoStartOffsetAndZeroInputRate() {
    MemoryStream input = MemoryStream.of(session, "a INT");
    StreamTest.of(input.toDF(), OutputMode.Append())
        .addData(input, row(1), row(2))
        .startStream() // the first trigger runs the batch: no previous trigger to rate against
        .assertLastProgress(
            p -> {
              Map<String, Object> json = parse(p.json());
              assertThat(json.get("batchId")).isEqualTo(0L);
              assertThat((String) json.get("timestamp")).matches(ISO_MILLIS);
              assertThat(json.get("inputRowsPerSecond")).isEqualTo(0.0);
              assertThat(json).doesNotContainKey("eventTime"); // no watermark in the query
              Map<String, Object> source = object(array(json.get("sources")).get(0));
              assertThat(source).containsEntry("startOffset", null).containsEntry("endOffset", 0L);
              assertThat(source).containsEntry("numInputRows", 2L);
            })
        .run();
  }

  @Test
  void anIdleProgressKeepsTheShapeAndOnlyTheWatermarkOfTheEventTimeFigures() {
    ManualClock clock = new ManualClock();
    MemoryStream input = MemoryStream.of(session, "ts TIMESTAMP");
    StreamTest.of(input.toDF().withWatermark("ts", "1 second"), OutputMode.Append())
        .clock(clock)
        .processAllAvailable()
        .assertQuery(
            q -> {
              // before any batch of this run there are no event-time figures, as in Spark
              Map<String, Object> json = parse(q.lastProgress().json());
              assertThat(json.get("batchId")).isEqualTo(-1L);
              assertThat(json).doesNotContainKey("eventTime");
            })
        .addData(input, row(ts("1970-01-01T00:00:05Z")))
        .processAllAvailable()
        .advanceClock(10_000) // sluice.sql.streaming.noDataProgressEventInterval
        .processAllAvailable()
        .assertQuery(
            q -> {
              Map<String, Object> json = parse(q.lastProgress().json());
              assertThat(json.get("batchId")).isEqualTo(0L);
              assertThat(json.get("numInputRows")).isEqualTo(0L);
              assertThat(json.get("timestamp")).isEqualTo("1970-01-01T00:00:10.000Z");
              assertThat(object(json.get("eventTime")))
                  .containsOnlyKeys("watermark")
                  .containsEntry("watermark", "1970-01-01T00:00:04.000Z");
              assertThat(object(json.get("durationMs")))
                  .containsKeys("latestOffset", "triggerExecution")
                  .doesNotContainKey("addBatch");
              assertThat(json).containsKeys("sources", "sink", "stateOperators");
              assertThat(object(json.get("sink"))).containsEntry("numOutputRows", 0L);
            })
        .run();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> array(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) o;
  }

  /** JSON as ordered maps, lists, strings, longs, doubles, booleans and nulls. */
  static Map<String, Object> parse(String json) {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      Object v = value(p, p.nextToken());
      assertThat(p.nextToken()).isNull();
      return object(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          assertThat(m).doesNotContainKey(key);
          m.put(key, value(p, p.nextToken()));
        }
        return m;
      case START_ARRAY:
        List<Object> l = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          l.add(value(p, e));
        }
        return l;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getBooleanValue();
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + t);
    }
  }
}
