package io.sluice.exec.json;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.END_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.sluice.exec.json.JsonPath.Instruction;
import io.sluice.exec.json.JsonPath.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Evaluates a {@link JsonPath} over one JSON text, with the semantics of Spark's (and Hive's)
 * {@code get_json_object}: a matched string at the top is returned without quotes; other values as
 * compact JSON; {@code [*]} collects matches into an array, but a single match is returned alone;
 * {@code [*][*]} flattens; a field whose value is null does not match; malformed JSON or no match
 * gives null. The parser reads single quotes and unescaped control characters, as Spark's does. Not
 * thread-safe: one per task.
 */
public final class JsonPathExtractor {
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build();

  /** How a match is written: raw strings at the top, quoted inside arrays, or flattened. */
  private enum Style {
    RAW,
    QUOTED,
    FLATTEN
  }

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);

  /**
   * The UTF-8 bytes that {@code path} extracts from the JSON in {@code json[off, off+len)}, or null
   * when nothing matches or the JSON is malformed.
   */
  public byte[] extract(List<Instruction> path, byte[] json, int off, int len) {
    buffer.reset();
    try (JsonParser p = FACTORY.createParser(json, off, len)) {
      boolean matched;
      try (JsonGenerator g = FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
        if (p.nextToken() == null) return null;
        matched = evaluate(p, g, Style.RAW, path, 0);
      }
      return matched ? buffer.toByteArray() : null;
    } catch (JsonProcessingException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the value at the current token wrote a match for {@code path[i..]}. */
  private boolean evaluate(
      JsonParser p, JsonGenerator g, Style style, List<Instruction> path, int i)
      throws IOException {
    JsonToken t = p.currentToken();
    if (i == path.size()) {
      if (t == VALUE_STRING && style == Style.RAW) {
        g.writeRaw(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return true;
      }
      if (t == START_ARRAY && style == Style.FLATTEN) {
        boolean dirty = false;
        while (p.nextToken() != END_ARRAY) dirty |= evaluate(p, g, style, path, i);
        return dirty;
      }
      g.copyCurrentStructure(p);
      return true;
    }
    Instruction x = path.get(i);
    if (t == START_OBJECT && x.kind() == Kind.KEY) {
      boolean dirty = false;
      while (p.nextToken() != END_OBJECT) {
        if (dirty) {
          p.skipChildren();
        } else {
          dirty = evaluate(p, g, style, path, i + 1);
        }
      }
      return dirty;
    }
    if (t == START_ARRAY && x.kind() == Kind.SUBSCRIPT) {
      return subscript(p, g, style, path, i + 1);
    }
    if (t == FIELD_NAME && x.kind() == Kind.NAMED && p.currentName().equals(x.name())) {
      return p.nextToken() != VALUE_NULL && evaluate(p, g, style, path, i + 1);
    }
    if (t == FIELD_NAME && x.kind() == Kind.WILDCARD) {
      p.nextToken();
      return evaluate(p, g, style, path, i + 1);
    }
    p.skipChildren();
    return false;
  }

  /** An array under {@code [*]} or {@code [n]} ({@code path[i]} is the operand). */
  private boolean subscript(
      JsonParser p, JsonGenerator g, Style style, List<Instruction> path, int i)
      throws IOException {
    Instruction operand = path.get(i);
    int rest = i + 1;
    if (operand.kind() == Kind.WILDCARD) {
      if (isSubscriptWildcard(path, rest)) {
        // [*][*]: Hive's flattening of nested arrays
        boolean dirty = false;
        g.writeStartArray();
        while (p.nextToken() != END_ARRAY) dirty |= evaluate(p, g, Style.FLATTEN, path, rest + 2);
        g.writeEndArray();
        return dirty;
      }
      if (style != Style.QUOTED) return collect(p, g, style, path, rest);
      boolean dirty = false;
      g.writeStartArray();
      while (p.nextToken() != END_ARRAY) dirty |= evaluate(p, g, Style.QUOTED, path, rest);
      g.writeEndArray();
      return dirty;
    }
    if (operand.kind() != Kind.INDEX) {
      p.skipChildren();
      return false;
    }
    Style next = isSubscriptWildcard(path, rest) ? Style.QUOTED : style;
    p.nextToken();
    for (long k = operand.index(); ; k--) {
      if (p.currentToken() == END_ARRAY) return false;
      if (k == 0) {
        boolean dirty = evaluate(p, g, next, path, rest);
        while (p.nextToken() != END_ARRAY) p.skipChildren();
        return dirty;
      }
      p.skipChildren();
      p.nextToken();
    }
  }

  /**
   * {@code [*]} at the top or in a flattened context: matches are buffered, and written as an array
   * when there are several, alone when there is one.
   */
  private boolean collect(
      JsonParser p, JsonGenerator g, Style style, List<Instruction> path, int rest)
      throws IOException {
    Style next = style == Style.RAW ? Style.QUOTED : Style.FLATTEN;
    StringWriter text = new StringWriter();
    int matches = 0;
    try (JsonGenerator inner = FACTORY.createGenerator(text)) {
      inner.writeStartArray();
      while (p.nextToken() != END_ARRAY) {
        if (evaluate(p, inner, next, path, rest)) matches++;
      }
      inner.writeEndArray();
    }
    StringBuffer buf = text.getBuffer();
    if (matches > 1) {
      g.writeRawValue(buf.toString());
    } else if (matches == 1) {
      g.writeRawValue(buf.substring(1, buf.length() - 1));
    }
    return matches > 0;
  }

  private static boolean isSubscriptWildcard(List<Instruction> path, int i) {
    return i + 1 < path.size()
        && path.get(i).kind() == Kind.SUBSCRIPT
        && path.get(i + 1).kind() == Kind.WILDCARD;
  }
}
