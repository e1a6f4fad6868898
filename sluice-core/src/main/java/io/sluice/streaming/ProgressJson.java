package io.sluice.streaming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes progress objects as Spark writes them: NaN and infinite numbers and empty maps left out.
 */
final class ProgressJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private ProgressJson() {}

  static String render(boolean pretty, Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        DefaultPrettyPrinter p = new DefaultPrettyPrinter();
        p.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        p.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(p);
      }
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static void number(JsonGenerator g, String name, double v) throws IOException {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) g.writeNumberField(name, v);
  }

  static void longMap(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
    if (m.isEmpty()) return;
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : m.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
    g.writeEndObject();
  }

  static void stringMap(JsonGenerator g, String name, Map<String, String> m) throws IOException {
    if (m.isEmpty()) return;
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : m.entrySet()) g.writeStringField(e.getKey(), e.getValue());
    g.writeEndObject();
  }

  /** An offset: embedded as JSON when it is JSON, else as a string; null as null. */
  static void offset(JsonGenerator g, String name, String json) throws IOException {
    g.writeFieldName(name);
    if (json == null) {
      g.writeNull();
    } else if (isJson(json)) {
      g.writeRawValue(json);
    } else {
      g.writeString(json);
    }
  }

  private static boolean isJson(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) return false;
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
