package io.sluice.exec.json;

import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.connector.file.ParseMode;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Parses JSON records held in a string vector, one record per row, into a vector of a struct, array
 * or map type: the core of {@code from_json}. Values go straight from the strings' UTF-8 bytes into
 * the result's vectors through the same value writers as the JSON file source; no tree is built per
 * record.
 *
 * <p>One Jackson parser reads a whole batch: the rows' bytes are contiguous, so records are read
 * one after another and the row offsets tell which tokens belong to which record. A record that
 * fails, runs past its row or has other text after its value makes the parser restart at the next
 * row (Spark ignores text after the value).
 *
 * <p>Spark's rules: a null row is null; an empty or blank row is null; a struct comes from an
 * object (an array at the root is malformed), an array from an array (or from one object when its
 * elements are structs), a map from an object. Malformed records follow the mode: PERMISSIVE keeps
 * the fields that converted (partial results) and nulls the others — a whole failure gives a struct
 * of nulls, or null for arrays and maps — and puts the record's text in the corrupt-record field
 * when the struct has it; FAILFAST raises {@code MALFORMED_RECORD_IN_PARSING} showing the result
 * row as Spark does. Not thread-safe: one per task.
 */
public final class JsonRecordParser {
  private final DataType schema;
  private final JsonParseOptions options;
  private final ReadContext ctx;

  /** Writes a struct root (null for array and map roots). */
  private final NestedWriters.StructWriter structRoot;

  /** Writes an array or map root (null for struct roots). */
  private final ValueWriter valueRoot;

  /** Writes one struct element of an array root given as a single object, or null. */
  private final ValueWriter singleElement;

  private final int corruptOrdinal;

  /** Whether the last failure was an array at the root of a struct schema. */
  private boolean arrayAsStruct;

  /** Bytes each string field of a struct root held in the previous batch, to size the next. */
  private int[] fieldBytes;

  /**
   * @param schema a struct, array or map type whose value types the JSON writers support ({@link
   *     Writers#checkSupported})
   */
  public JsonRecordParser(DataType schema, JsonParseOptions options) {
    this.schema = schema;
    this.options = options;
    this.ctx = new ReadContext(options, false);
    if (schema instanceof StructType s) {
      int corrupt = s.indexOf(options.columnNameOfCorruptRecord, true);
      if (corrupt >= 0 && !(s.get(corrupt).dataType() instanceof StringType)) corrupt = -1;
      corruptOrdinal = corrupt;
      boolean[] external = new boolean[s.length()];
      if (corrupt >= 0) external[corrupt] = true;
      structRoot = new NestedWriters.StructWriter(s, ctx, external);
      valueRoot = null;
      singleElement = null;
    } else if (schema instanceof ArrayType || schema instanceof MapType) {
      corruptOrdinal = -1;
      structRoot = null;
      valueRoot = Writers.forType(schema, ctx);
      singleElement =
          schema instanceof ArrayType a && a.elementType() instanceof StructType
              ? Writers.forType(a.elementType(), ctx)
              : null;
    } else {
      throw new IllegalArgumentException(
          "from_json needs a struct, array or map schema, not " + schema.simpleString());
    }
  }

  /** Parses rows {@code [0, n)} of {@code in} into a new vector of the schema's type. */
  public ColumnVector parse(BytesVector in, int n) {
    ColumnVector out = allocate(n);
    byte[] data = in.data();
    int[] offsets = in.offsets();
    int limit = offsets[n];
    JsonParser parser = null;
    boolean restart = true;
    try {
      for (int row = 0; row < n; row++) {
        int start = offsets[row];
        int end = offsets[row + 1];
        if (in.isNullAt(row)) {
          if (end > start) restart = true; // bytes under a null are not a record
          out.appendNull();
          continue;
        }
        if (isBlank(data, start, end)) {
          out.appendNull();
          continue;
        }
        int status;
        arrayAsStruct = false;
        try {
          if (restart) {
            if (parser != null) parser.close();
            parser = options.factory().createParser(data, start, limit - start);
            ctx.setSource(data, start, limit, true);
            restart = false;
          }
          JsonToken t = parser.nextToken();
          if (t == null || ctx.tokenIndex(parser) >= end) {
            restart = true; // nothing but comments in this row
            out.truncate(row);
            out.appendNull();
            continue;
          }
          status = writeRoot(parser, t, out, row);
          if (status == ValueWriter.FAILED) {
            restart = true;
          } else {
            int last = ctx.tokenIndex(parser);
            if (last >= end) {
              status = ValueWriter.FAILED; // the value ran into the next row
              restart = true;
            } else if (!isBlank(data, last + 1, end)) {
              restart = true;
            }
          }
        } catch (JsonProcessingException e) {
          status = ValueWriter.FAILED;
          restart = true;
        }
        finish(out, row, status, data, start, end);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a parser over a byte array does no I/O
    } finally {
      close(parser);
    }
    if (out instanceof StructVector sv) rememberSizes(sv);
    return out;
  }

  /** The result vector; string fields of a struct are sized like the previous batch's. */
  private ColumnVector allocate(int n) {
    if (!(schema instanceof StructType s) || fieldBytes == null) {
      return ColumnVector.allocate(schema, n);
    }
    ColumnVector[] children = new ColumnVector[s.length()];
    for (int i = 0; i < children.length; i++) {
      DataType t = s.get(i).dataType();
      int bytes = fieldBytes[i];
      children[i] =
          bytes > 0
              ? new BytesVector(t, new byte[bytes + (bytes >> 3) + 16], new int[n + 1], null, 0)
              : ColumnVector.allocate(t, n);
    }
    return new StructVector(s, children, null, 0);
  }

  private void rememberSizes(StructVector sv) {
    ColumnVector[] children = sv.children();
    if (fieldBytes == null) fieldBytes = new int[children.length];
    for (int i = 0; i < children.length; i++) {
      if (children[i] instanceof BytesVector b && b.size() > 0) {
        fieldBytes[i] = b.offsets()[b.size()];
      }
    }
  }

  /** Writes row {@code row} from the record whose first token is {@code t}. */
  private int writeRoot(JsonParser p, JsonToken t, ColumnVector out, int row) throws IOException {
    if (structRoot != null) {
      if (t != START_OBJECT) {
        arrayAsStruct = t == START_ARRAY;
        return ValueWriter.fail(p, t);
      }
      StructVector sv = (StructVector) out;
      int status = structRoot.writeFields(p, sv.children(), row);
      sv.appendRowOfChildren(false);
      return status;
    }
    if (singleElement != null && t == START_OBJECT) {
      ArrayVector av = (ArrayVector) out;
      int status = singleElement.write(p, t, av.elements());
      if (status == ValueWriter.FAILED) return status;
      av.commitRow();
      return status;
    }
    return valueRoot.write(p, t, out);
  }

  /** Applies the mode to a record's row and fills the corrupt-record field. */
  private void finish(ColumnVector out, int row, int status, byte[] data, int start, int end) {
    if (status == ValueWriter.FAILED) {
      out.truncate(row);
      if (out instanceof StructVector sv) {
        for (ColumnVector c : sv.children()) c.appendNull();
        sv.appendRowOfChildren(false);
      } else {
        out.appendNull();
      }
    }
    if (corruptOrdinal >= 0) {
      BytesVector corrupt = (BytesVector) ((StructVector) out).child(corruptOrdinal);
      corrupt.truncate(row);
      if (status == ValueWriter.OK) {
        corrupt.appendNull();
      } else {
        corrupt.appendBytes(data, start, end - start);
      }
    }
    if (status != ValueWriter.OK && options.mode == ParseMode.FAILFAST) {
      String shown = RowText.resultRow(out, row, !(schema instanceof StructType));
      throw new SluiceRuntimeException(
          arrayAsStruct
              ? ErrorClass.MALFORMED_RECORD_ARRAYS_AS_STRUCTS
              : ErrorClass.MALFORMED_RECORD_IN_PARSING,
          SluiceException.params("badRecord", shown, "failFastMode", "FAILFAST"));
    }
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
    return true;
  }

  private static void close(JsonParser p) {
    if (p == null) return;
    try {
      p.close();
    } catch (IOException ignored) {
      // a parser over a byte array holds no resource
    }
  }
}
