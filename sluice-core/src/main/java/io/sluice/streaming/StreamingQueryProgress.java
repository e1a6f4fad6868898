package io.sluice.streaming;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one micro-batch of a streaming query did, with Spark's field names and JSON shape, so tools
 * that parse Spark's progress events parse these: {@link #json()} / {@link #prettyJson()}.
 */
public final class StreamingQueryProgress {
  private final UUID id;
  private final UUID runId;
  private final String name;
  private final String timestamp;
  private final long batchId;
  private final long batchDuration;
  private final Map<String, Long> durationMs;
  private final Map<String, String> eventTime;
  private final List<StateOperatorProgress> stateOperators;
  private final List<SourceProgress> sources;
  private final SinkProgress sink;

  public StreamingQueryProgress(
      UUID id,
      UUID runId,
      String name,
      String timestamp,
      long batchId,
      long batchDuration,
      Map<String, Long> durationMs,
      Map<String, String> eventTime,
      List<StateOperatorProgress> stateOperators,
      List<SourceProgress> sources,
      SinkProgress sink) {
    this.id = id;
    this.runId = runId;
    this.name = name;
    this.timestamp = timestamp;
    this.batchId = batchId;
    this.batchDuration = batchDuration;
    this.durationMs = Collections.unmodifiableMap(new LinkedHashMap<>(durationMs));
    this.eventTime = Collections.unmodifiableMap(new LinkedHashMap<>(eventTime));
    this.stateOperators = List.copyOf(stateOperators);
    this.sources = List.copyOf(sources);
    this.sink = sink;
  }

  /** The query's id, stable across restarts from one checkpoint. */
  public UUID id() {
    return id;
  }

  /** The id of this run of the query (new at every start). */
  public UUID runId() {
    return runId;
  }

  /** The query's name, or null. */
  public String name() {
    return name;
  }

  /**
   * When the trigger began, ISO-8601 in UTC with milliseconds ({@code 2024-05-01T10:00:00.000Z}).
   */
  public String timestamp() {
    return timestamp;
  }

  public long batchId() {
    return batchId;
  }

  /** Milliseconds the batch took, trigger to commit. */
  public long batchDuration() {
    return batchDuration;
  }

  /** Rows read by all sources in the batch. */
  public long numInputRows() {
    long n = 0;
    for (SourceProgress s : sources) n += s.numInputRows();
    return n;
  }

  /** Input rows per second since the previous trigger; NaN when unknown. */
  public double inputRowsPerSecond() {
    double r = 0;
    boolean any = false;
    for (SourceProgress s : sources) {
      if (!Double.isNaN(s.inputRowsPerSecond())) {
        r += s.inputRowsPerSecond();
        any = true;
      }
    }
    return any ? r : Double.NaN;
  }

  /** Input rows per second of processing time in this batch; NaN when unknown. */
  public double processedRowsPerSecond() {
    double r = 0;
    boolean any = false;
    for (SourceProgress s : sources) {
      if (!Double.isNaN(s.processedRowsPerSecond())) {
        r += s.processedRowsPerSecond();
        any = true;
      }
    }
    return any ? r : Double.NaN;
  }

  /** Milliseconds per phase: latestOffset, getBatch, queryPlanning, walCommit, addBatch... */
  public Map<String, Long> durationMs() {
    return durationMs;
  }

  /** Event-time figures of the batch: min, max, avg and watermark, as ISO-8601 text. */
  public Map<String, String> eventTime() {
    return eventTime;
  }

  public StateOperatorProgress[] stateOperators() {
    return stateOperators.toArray(new StateOperatorProgress[0]);
  }

  public SourceProgress[] sources() {
    return sources.toArray(new SourceProgress[0]);
  }

  public SinkProgress sink() {
    return sink;
  }

  /** The progress as compact JSON. */
  public String json() {
    return ProgressJson.render(false, this::write);
  }

  /** The progress as indented JSON. */
  public String prettyJson() {
    return ProgressJson.render(true, this::write);
  }

  private void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", id.toString());
    g.writeStringField("runId", runId.toString());
    g.writeStringField("name", name);
    g.writeStringField("timestamp", timestamp);
    g.writeNumberField("batchId", batchId);
    g.writeNumberField("batchDuration", batchDuration);
    g.writeNumberField("numInputRows", numInputRows());
    ProgressJson.number(g, "inputRowsPerSecond", inputRowsPerSecond());
    ProgressJson.number(g, "processedRowsPerSecond", processedRowsPerSecond());
    ProgressJson.longMap(g, "durationMs", durationMs);
    ProgressJson.stringMap(g, "eventTime", eventTime);
    g.writeArrayFieldStart("stateOperators");
    for (StateOperatorProgress s : stateOperators) s.write(g);
    g.writeEndArray();
    g.writeArrayFieldStart("sources");
    for (SourceProgress s : sources) s.write(g);
    g.writeEndArray();
    g.writeFieldName("sink");
    sink.write(g);
    g.writeEndObject();
  }

  @Override
  public String toString() {
    return prettyJson();
  }
}
