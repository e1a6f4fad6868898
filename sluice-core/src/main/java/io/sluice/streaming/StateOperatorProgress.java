package io.sluice.streaming;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/** One stateful operator's part of a {@link StreamingQueryProgress}, with Spark's fields. */
public record StateOperatorProgress(
    String operatorName,
    long numRowsTotal,
    long numRowsUpdated,
    long allUpdatesTimeMs,
    long numRowsRemoved,
    long allRemovalsTimeMs,
    long commitTimeMs,
    long memoryUsedBytes,
    long numRowsDroppedByWatermark,
    long numShufflePartitions,
    long numStateStoreInstances,
    Map<String, Long> customMetrics) {

  public StateOperatorProgress {
    customMetrics = Map.copyOf(customMetrics);
  }

  public String json() {
    return ProgressJson.render(false, this::write);
  }

  public String prettyJson() {
    return ProgressJson.render(true, this::write);
  }

  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("operatorName", operatorName);
    g.writeNumberField("numRowsTotal", numRowsTotal);
    g.writeNumberField("numRowsUpdated", numRowsUpdated);
    g.writeNumberField("allUpdatesTimeMs", allUpdatesTimeMs);
    g.writeNumberField("numRowsRemoved", numRowsRemoved);
    g.writeNumberField("allRemovalsTimeMs", allRemovalsTimeMs);
    g.writeNumberField("commitTimeMs", commitTimeMs);
    g.writeNumberField("memoryUsedBytes", memoryUsedBytes);
    g.writeNumberField("numRowsDroppedByWatermark", numRowsDroppedByWatermark);
    g.writeNumberField("numShufflePartitions", numShufflePartitions);
    g.writeNumberField("numStateStoreInstances", numStateStoreInstances);
    ProgressJson.longMap(g, "customMetrics", new java.util.TreeMap<>(customMetrics));
    g.writeEndObject();
  }
}
