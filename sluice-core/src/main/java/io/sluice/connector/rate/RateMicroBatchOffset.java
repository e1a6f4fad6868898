package io.sluice.connector.rate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.connector.Offset;
import java.io.IOException;

/**
 * The offset of a {@code rate-micro-batch} source: the number of rows produced and the timestamp
 * (epoch milliseconds) of the next batch, written as Spark writes it: {@code
 * {"offset":10,"timestamp":2000}}.
 */
record RateMicroBatchOffset(long offset, long timestamp) implements Offset {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String json() {
    return "{\"offset\":" + offset + ",\"timestamp\":" + timestamp + "}";
  }

  /** Reads {@link #json()} back; fields in any order, both required. */
  static RateMicroBatchOffset parse(String json) {
    Long offset = null;
    Long timestamp = null;
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
          throw new IOException("field " + name + " is not an integer");
        }
        switch (name) {
          case "offset" -> offset = p.getLongValue();
          case "timestamp" -> timestamp = p.getLongValue();
          default -> throw new IOException("unknown field " + name);
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("trailing text after the object");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "expected {\"offset\":<rows>,\"timestamp\":<ms>} as the offset of the rate-micro-batch"
              + " source, found '"
              + json
              + "': "
              + e.getMessage(),
          e);
    }
    if (offset == null || timestamp == null) {
      throw new IllegalArgumentException(
          "the offset of the rate-micro-batch source needs both offset and timestamp: " + json);
    }
    return new RateMicroBatchOffset(offset, timestamp);
  }
}
