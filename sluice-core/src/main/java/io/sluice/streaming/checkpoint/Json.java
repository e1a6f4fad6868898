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
   * Appends {@code s} as a JSON string literal, escaping as Jackson does by default (quotes,
   * backslashes and control characters; other characters as they are). The logs written once per
   * micro-batch build their few fields this way: a generator per entry costs more than the write.
   */
  static StringBuilder appendString(StringBuilder sb, String s) {
    if (s == null) return sb.append("null");
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
