package io.sluice.exec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.sluice.exec.expr.CastToString;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.ArrayType;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.MapType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.YearMonthIntervalType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes rows of a struct, array or map vector as JSON text, as Spark's {@code to_json}: objects
 * with fields in schema order (null fields left out with {@code ignoreNullFields}), arrays, maps as
 * objects keyed by the key's text; numbers as Java prints them (non-finite ones quoted), decimals
 * as {@code BigDecimal#toString}, strings escaped, binary in base64, dates and timestamps in the
 * options' formats and zone, intervals as their SQL text.
 *
 * <p>A tree of writers mirroring the type is built once; each batch binds it to the vectors once,
 * then every row is written into one reused buffer and copied to the result. Not thread-safe: one
 * per task.
 */
public final class JsonFormatter {
  private final JsonFormats.Node root;
  private final JsonWriteOptions options;
  private final JsonOutput out = new JsonOutput();
  private JsonFactory prettyFactory;

  /**
   * @param ctx the evaluation settings, for the text of intervals
   */
  public JsonFormatter(DataType type, JsonWriteOptions options, EvalContext ctx) {
    this.options = options;
    this.root = node(type, new JsonFormats.Context(options, ctx));
  }

  /** The JSON text of rows {@code [0, n)} of {@code in}; null rows give null. */
  public BytesVector format(ColumnVector in, int n) {
    root.bind(in);
    BytesVector result = new BytesVector(io.sluice.types.DataTypes.StringType, n);
    for (int row = 0; row < n; row++) {
      if (in.isNullAt(row)) {
        result.appendNull();
        continue;
      }
      out.reset();
      root.write(out, row);
      if (options.pretty) {
        result.appendBytes(pretty(out.buf, out.len));
      } else {
        result.appendBytes(out.buf, 0, out.len);
      }
    }
    return result;
  }

  /**
   * Writes rows {@code [0, n)} of {@code in} as JSON lines to {@code sink}, each followed by {@code
   * lineSeparator} (the JSON file writer); null rows are skipped.
   */
  public void writeLines(ColumnVector in, int n, java.io.OutputStream sink, byte[] lineSeparator)
      throws IOException {
    root.bind(in);
    for (int row = 0; row < n; row++) {
      if (in.isNullAt(row)) continue;
      out.reset();
      root.write(out, row);
      if (options.pretty) {
        sink.write(pretty(out.buf, out.len));
      } else {
        sink.write(out.buf, 0, out.len);
      }
      sink.write(lineSeparator);
    }
  }

  /** Re-indents compact JSON with Jackson's default pretty printer, as Spark's {@code pretty}. */
  private byte[] pretty(byte[] json, int len) {
    if (prettyFactory == null) prettyFactory = new JsonFactory();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(len * 2);
    try (JsonParser p = prettyFactory.createParser(json, 0, len);
        JsonGenerator g = prettyFactory.createGenerator(bytes)) {
      g.useDefaultPrettyPrinter();
      p.nextToken();
      g.copyCurrentStructure(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static JsonFormats.Node node(DataType t, JsonFormats.Context c) {
    if (t instanceof StructType s) {
      JsonFormats.Node[] fields = new JsonFormats.Node[s.length()];
      byte[][] names = new byte[s.length()][];
      for (int i = 0; i < fields.length; i++) {
        StructField f = s.get(i);
        fields[i] = node(f.dataType(), c);
        JsonOutput name = new JsonOutput();
        name.putString(f.name());
        name.put((byte) ':');
        names[i] = java.util.Arrays.copyOf(name.buf, name.len);
      }
      return new StructNode(fields, names, c.options().ignoreNullFields);
    }
    if (t instanceof ArrayType a) return new ArrayNode(node(a.elementType(), c));
    if (t instanceof MapType m) return new MapNode(m.keyType(), node(m.valueType(), c));
    if (t instanceof CalendarIntervalType
        || t instanceof DayTimeIntervalType
        || t instanceof YearMonthIntervalType) {
      return new JsonFormats.IntervalNode(c.eval());
    }
    return JsonFormats.leaf(t, c);
  }

  /** A struct as an object. */
  private static final class StructNode extends JsonFormats.Node {
    private final JsonFormats.Node[] fields;
    private final byte[][] names;
    private final boolean ignoreNulls;
    private ColumnVector[] children;

    StructNode(JsonFormats.Node[] fields, byte[][] names, boolean ignoreNulls) {
      this.fields = fields;
      this.names = names;
      this.ignoreNulls = ignoreNulls;
    }

    @Override
    void bind(ColumnVector v) {
      children = ((StructVector) v).children();
      for (int i = 0; i < fields.length; i++) fields[i].bind(children[i]);
    }

    @Override
    void write(JsonOutput out, int row) {
      out.put((byte) '{');
      boolean first = true;
      for (int i = 0; i < fields.length; i++) {
        boolean isNull = children[i].isNullAt(row);
        if (isNull && ignoreNulls) continue;
        if (!first) out.put((byte) ',');
        first = false;
        out.put(names[i]);
        if (isNull) {
          out.put(JsonFormats.NULL);
        } else {
          fields[i].write(out, row);
        }
      }
      out.put((byte) '}');
    }
  }

  /** An array; null elements are written as null. */
  private static final class ArrayNode extends JsonFormats.Node {
    private final JsonFormats.Node element;
    private ArrayVector array;
    private ColumnVector elements;

    ArrayNode(JsonFormats.Node element) {
      this.element = element;
    }

    @Override
    void bind(ColumnVector v) {
      array = (ArrayVector) v;
      elements = array.elements();
      element.bind(elements);
    }

    @Override
    void write(JsonOutput out, int row) {
      out.put((byte) '[');
      int start = array.start(row);
      int end = start + array.length(row);
      for (int i = start; i < end; i++) {
        if (i > start) out.put((byte) ',');
        if (elements.isNullAt(i)) {
          out.put(JsonFormats.NULL);
        } else {
          element.write(out, i);
        }
      }
      out.put((byte) ']');
    }
  }

  /**
   * A map as an object: a string key as it is, another key as the text of its internal value
   * ({@code [1]} for a struct key), as Spark does; null values are written as null.
   */
  private static final class MapNode extends JsonFormats.Node {
    private final boolean stringKeys;
    private final JsonFormats.Node value;
    private MapVector map;
    private ColumnVector keys;
    private ColumnVector values;

    MapNode(DataType keyType, JsonFormats.Node value) {
      this.stringKeys = keyType instanceof StringType;
      this.value = value;
    }

    @Override
    void bind(ColumnVector v) {
      map = (MapVector) v;
      keys = map.keys();
      values = map.values();
      value.bind(values);
    }

    @Override
    void write(JsonOutput out, int row) {
      out.put((byte) '{');
      int start = map.start(row);
      int end = start + map.length(row);
      for (int i = start; i < end; i++) {
        if (i > start) out.put((byte) ',');
        if (stringKeys) {
          BytesVector k = (BytesVector) keys;
          out.putString(k.data(), k.start(i), k.length(i));
        } else {
          out.putString(RowText.value(keys.getObject(i)));
        }
        out.put((byte) ':');
        if (values.isNullAt(i)) {
          out.put(JsonFormats.NULL);
        } else {
          value.write(out, i);
        }
      }
      out.put((byte) '}');
    }
  }

  /** Interval text as {@code CAST(... AS STRING)} gives it; used by {@link JsonFormats}. */
  static BytesVector intervalText(ColumnVector v, EvalContext ctx) {
    return CastToString.castToString(v, ctx);
  }
}
