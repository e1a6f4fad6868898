package io.sluice.exec.json;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.StructType;
import java.io.IOException;

/** Writers of structs (JSON objects by field name), arrays and maps (JSON objects). */
public final class NestedWriters {
  private NestedWriters() {}

  /**
   * A struct from a JSON object: known fields are converted, unknown ones skipped without being
   * materialized, missing ones null; a repeated key keeps its last value. A field that fails is
   * null and makes the struct a partial result.
   */
  public static final class StructWriter extends ValueWriter {
    private final ValueWriter[] fields;
    private final FieldLookup lookup;

    private final boolean[] external;

    /**
     * @param external fields not read from the JSON but filled by the caller (the corrupt-record
     *     and partition columns), or null for none
     */
    public StructWriter(StructType type, ReadContext ctx, boolean[] external) {
      fields = new ValueWriter[type.length()];
      this.external = external == null ? new boolean[fields.length] : external.clone();
      String[] names = type.fieldNames();
      for (int i = 0; i < fields.length; i++) {
        if (this.external[i]) {
          names[i] = null;
        } else {
          fields[i] = Writers.forType(type.get(i).dataType(), ctx);
        }
      }
      lookup = new FieldLookup(names);
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != START_OBJECT) return fail(p, t);
      StructVector sv = (StructVector) out;
      int status = writeFields(p, sv.children(), sv.size());
      sv.appendRowOfChildren(false);
      return status;
    }

    /**
     * Reads the fields of the object whose {@code START_OBJECT} is current into row {@code row} of
     * {@code columns} (one vector per field), ending on its {@code END_OBJECT}.
     */
    public int writeFields(JsonParser p, ColumnVector[] columns, int row) throws IOException {
      int status = OK;
      int position = 0;
      int ord;
      while ((ord = lookup.next(p, position++)) != FieldLookup.END) {
        JsonToken vt = p.nextToken();
        if (ord < 0) {
          if (vt == START_OBJECT || vt == START_ARRAY) p.skipChildren();
          continue;
        }
        ColumnVector c = columns[ord];
        if (c.size() > row) c.truncate(row);
        if (vt == VALUE_NULL) {
          c.appendNull();
          continue;
        }
        int s = fields[ord].write(p, vt, c);
        if (s != OK) {
          status = PARTIAL;
          if (s == FAILED) c.appendNull();
        }
      }
      for (int i = 0; i < columns.length; i++) {
        if (columns[i].size() == row && !external[i]) columns[i].appendNull();
      }
      return status;
    }
  }

  /** An array from a JSON array; it fails as a whole when an element fails. */
  static final class ArrayWriter extends ValueWriter {
    private final ValueWriter element;

    ArrayWriter(ValueWriter element) {
      this.element = element;
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != START_ARRAY) return fail(p, t);
      ArrayVector av = (ArrayVector) out;
      ColumnVector elements = av.elements();
      int start = elements.size();
      int status = OK;
      JsonToken et;
      while ((et = p.nextToken()) != END_ARRAY) {
        if (et == VALUE_NULL) {
          elements.appendNull();
          continue;
        }
        int s = element.write(p, et, elements);
        if (s == FAILED) {
          skipRest(p, END_ARRAY);
          elements.truncate(start);
          return FAILED;
        }
        if (s == PARTIAL) status = PARTIAL;
      }
      av.commitRow();
      return status;
    }
  }

  /**
   * A map with string keys from a JSON object, keeping every entry in order (repeated keys too, as
   * Spark's JSON reader). It fails as a whole when a value fails.
   */
  static final class MapWriter extends ValueWriter {
    private final ValueWriter value;

    MapWriter(ValueWriter value) {
      this.value = value;
    }

    @Override
    public int write(JsonParser p, JsonToken t, ColumnVector out) throws IOException {
      if (t != START_OBJECT) return fail(p, t);
      MapVector mv = (MapVector) out;
      BytesVector keys = (BytesVector) mv.keys();
      ColumnVector values = mv.values();
      int start = keys.size();
      int status = OK;
      boolean failed = false;
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken vt = p.nextToken();
        if (failed) {
          if (vt == START_OBJECT || vt == START_ARRAY) p.skipChildren();
          continue;
        }
        int s;
        if (vt == VALUE_NULL) {
          values.appendNull();
          s = OK;
        } else {
          s = value.write(p, vt, values);
        }
        if (s == FAILED) {
          failed = true;
          continue;
        }
        keys.appendString(name);
        if (s == PARTIAL) status = PARTIAL;
      }
      if (failed) {
        keys.truncate(start);
        values.truncate(start);
        return FAILED;
      }
      mv.commitRow();
      return status;
    }
  }

  /** Consumes tokens up to and including the {@code end} closing the current container. */
  static void skipRest(JsonParser p, JsonToken end) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != end) {
      if (t == null)
        throw new com.fasterxml.jackson.core.io.JsonEOFException(
            p, null, "Unexpected end of input");
      if (t == START_OBJECT || t == START_ARRAY) p.skipChildren();
    }
  }
}
