package io.sluice.exec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.exec.vector.ColumnVector;
import java.io.IOException;

/**
 * Converts the JSON value at the parser's current token into one row of a vector, guided by the
 * value's SQL type, as Spark's {@code JacksonParser} converters do. Writers are built once per
 * partition reader for its read schema, and are not thread-safe.
 *
 * <p>The result says what happened: {@link #OK}; {@link #PARTIAL} — a row was written but some
 * nested field failed and is null (the record is malformed, Spark's partial result); {@link
 * #FAILED} — the value does not fit the type, nothing was written (the vector is as before the
 * call) and the parser has consumed the whole value. The caller writes {@code null} for a failed
 * struct field; arrays and maps fail as a whole when an element fails.
 */
public abstract class ValueWriter {
  public static final int OK = 0;
  public static final int PARTIAL = 1;
  public static final int FAILED = 2;

  /**
   * Writes the value starting at {@code token} (not {@code VALUE_NULL}, which callers write as
   * null) into a new row of {@code out}.
   */
  public abstract int write(JsonParser p, JsonToken token, ColumnVector out) throws IOException;

  /** Consumes the rest of a structured value whose start token is current, then fails. */
  static int fail(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) p.skipChildren();
    return FAILED;
  }
}
