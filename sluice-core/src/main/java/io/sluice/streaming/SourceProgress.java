package io.sluice.streaming;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/** One source's part of a {@link StreamingQueryProgress}, with Spark's fields. */
public final class SourceProgress {
  private final String description;
  private final String startOffset;
  private final String endOffset;
  private final String latestOffset;
  private final long numInputRows;
  private final double inputRowsPerSecond;
  private final double processedRowsPerSecond;
  private final Map<String, String> metrics;

  public SourceProgress(
      String description,
      String startOffset,
      String endOffset,
      String latestOffset,
      long numInputRows,
      double inputRowsPerSecond,
      double processedRowsPerSecond,
      Map<String, String> metrics) {
    this.description = description;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.latestOffset = latestOffset;
    this.numInputRows = numInputRows;
    this.inputRowsPerSecond = inputRowsPerSecond;
    this.processedRowsPerSecond = processedRowsPerSecond;
    this.metrics = Map.copyOf(metrics);
  }

  public String description() {
    return description;
  }

  /** The offset the batch started after, as JSON text; null for the first batch. */
  public String startOffset() {
    return startOffset;
  }

  public String endOffset() {
    return endOffset;
  }

  /** The latest offset the source had when the batch was planned. */
  public String latestOffset() {
    return latestOffset;
  }

  public long numInputRows() {
    return numInputRows;
  }

  public double inputRowsPerSecond() {
    return inputRowsPerSecond;
  }

  public double processedRowsPerSecond() {
    return processedRowsPerSecond;
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
    ProgressJson.offset(g, "startOffset", startOffset);
    ProgressJson.offset(g, "endOffset", endOffset);
    ProgressJson.offset(g, "latestOffset", latestOffset);
    g.writeNumberField("numInputRows", numInputRows);
    ProgressJson.number(g, "inputRowsPerSecond", inputRowsPerSecond);
    ProgressJson.number(g, "processedRowsPerSecond", processedRowsPerSecond);
    ProgressJson.stringMap(g, "metrics", new java.util.TreeMap<>(metrics));
    g.writeEndObject();
  }

  @Override
  public String toString() {
    return prettyJson();
  }
}
