package io.sluice.streaming.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat JSON objects of the checkpoint files: string keys, number, string or object values. */
final class Json {
  static final JsonFactory FACTORY = new JsonFactory();

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private Json() {}

  static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads an object whose values are scalars (as text) or nested objects (as their JSON text).
   * Throws IOException for anything that is not one JSON object.
   */
  static Map<String, String> readObject(String text) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          long start = p.currentTokenLocation().getCharOffset();
          p.skipChildren();
          long end = p.currentTokenLocation().getCharOffset() + 1;
          out.put(key, text.substring((int) start, (int) end));
        } else if (t == JsonToken.VALUE_NULL) {
          out.put(key, null);
        } else {
          out.put(key, p.getText());
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("trailing text after the JSON object");
      }
    }
    return out;
  }
}
