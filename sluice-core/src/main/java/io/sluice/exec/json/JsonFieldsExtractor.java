package io.sluice.exec.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The top-level fields of a JSON object by name, as Spark's {@code json_tuple} reads them: a string
 * value without quotes, another value as compact JSON, a missing field or a null value as null (a
 * later occurrence of a key replaces an earlier one, a null does not); JSON that is not an object,
 * or is malformed, gives nulls for every name. Not thread-safe: one per task.
 */
public final class JsonFieldsExtractor {
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build();

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);

  /**
   * Fills {@code out[i]} with the UTF-8 value of field {@code names[i]} (a null name matches
   * nothing) of the JSON object in {@code json[off, off+len)}, or null.
   */
  public void extract(String[] names, byte[] json, int off, int len, byte[][] out) {
    Arrays.fill(out, null);
    try (JsonParser p = FACTORY.createParser(json, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
        if (t == null) { // truncated: malformed
          Arrays.fill(out, null);
          return;
        }
        if (t == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          if (p.nextToken() != JsonToken.VALUE_NULL && indexOf(names, name, 0) >= 0) {
            byte[] value = copy(p);
            for (int i = indexOf(names, name, 0); i >= 0; i = indexOf(names, name, i + 1)) {
              out[i] = value;
            }
          }
        }
        p.skipChildren();
      }
    } catch (JsonProcessingException e) {
      Arrays.fill(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a parser over a byte array does no I/O
    }
  }

  private byte[] copy(JsonParser p) throws IOException {
    buffer.reset();
    try (JsonGenerator g = FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        g.writeRaw(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      } else {
        g.copyCurrentStructure(p);
      }
    }
    return buffer.toByteArray();
  }

  private static int indexOf(String[] names, String name, int from) {
    for (int i = from; i < names.length; i++) {
      if (name.equals(names[i])) return i;
    }
    return -1;
  }
}
