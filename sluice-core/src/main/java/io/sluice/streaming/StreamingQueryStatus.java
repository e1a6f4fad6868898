package io.sluice.streaming;

/**
 * What a streaming query is doing now, as Spark's {@code StreamingQueryStatus}: a message such as
 * {@code "Waiting for data to arrive"}, whether new data is available, and whether a trigger is
 * running.
 */
public record StreamingQueryStatus(
    String message, boolean isDataAvailable, boolean isTriggerActive) {

  public String json() {
    return ProgressJson.render(false, this::write);
  }

  public String prettyJson() {
    return ProgressJson.render(true, this::write);
  }

  private void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("message", message);
    g.writeBooleanField("isDataAvailable", isDataAvailable);
    g.writeBooleanField("isTriggerActive", isTriggerActive);
    g.writeEndObject();
  }

  @Override
  public String toString() {
    return prettyJson();
  }
}
