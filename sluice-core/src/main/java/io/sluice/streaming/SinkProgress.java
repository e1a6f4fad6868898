package io.sluice.streaming;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/** The sink's part of a {@link StreamingQueryProgress}: its description and rows written. */
public final class SinkProgress {
  private final String description;
  private final long numOutputRows;
  private final Map<String, String> metrics;

  public SinkProgress(String description, long numOutputRows, Map<String, String> metrics) {
    this.description = description;
    this.numOutputRows = numOutputRows;
    this.metrics = Map.copyOf(metrics);
  }

  public String description() {
    return description;
  }

  /** Rows written in the batch; -1 when the sink cannot tell. */
  public long numOutputRows() {
    return numOutputRows;
  }

  public Map<String, String> metrics() {
    return metrics;
  }

  public String json() {
    return ProgressJson.render(false, this::write);
  }

  public String prettyJson() {
    return ProgressJson.render(true, this::write);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("description", description);
    g.writeNumberField("numOutputRows", numOutputRows);
    ProgressJson.stringMap(g, "metrics", new java.util.TreeMap<>(metrics));
    g.writeEndObject();
  }

  @Override
  public String toString() {
    return prettyJson();
  }
}
