package io.sluice.exec.operator.hash;

import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import java.util.Arrays;
import java.util.List;

/**
 * Serializes the key columns of a batch into one byte string per row, column by column: per column
 * a null flag, then 8 bytes for a fixed-width code, or length and bytes for strings, or canonical
 * bytes for other types. Two rows serialize equally exactly when their keys are equal.
 */
final class RowKeySerializer {
  private final LongCodec[] codecs;
  private final boolean[] bytes;

  /** Per struct column whose fields all have long codes (window columns): the fields' codecs. */
  private final LongCodec[][] structs;

  private byte[] data = new byte[4096];
  private int[] offsets = new int[1025];
  private byte[][] generic = new byte[0][];
  private long[] scratch;

  RowKeySerializer(List<DataType> types) {
    codecs = new LongCodec[types.size()];
    bytes = new boolean[types.size()];
    structs = new LongCodec[types.size()][];
    for (int c = 0; c < codecs.length; c++) {
      DataType t = types.get(c);
      codecs[c] = LongCodec.forType(t);
      bytes[c] = t instanceof StringType || t instanceof BinaryType;
      if (t instanceof StructType st) structs[c] = fieldCodecs(st);
    }
  }

  private static LongCodec[] fieldCodecs(StructType st) {
    LongCodec[] out = new LongCodec[st.length()];
    for (int f = 0; f < out.length; f++) {
      out[f] = LongCodec.forType(st.fields()[f].dataType());
      if (out[f] == null) return null;
    }
    return out;
  }

  byte[] data() {
    return data;
  }

  /** Row {@code i} is {@code data()[offsets()[i], offsets()[i + 1])}. */
  int[] offsets() {
    return offsets;
  }

  /** Serializes rows {@code [0, n)} of {@code keys}. */
  void serialize(ColumnVector[] keys, int n) {
    if (offsets.length < n + 1) offsets = new int[n + 1];
    int[] len = new int[n];
    for (int c = 0; c < codecs.length; c++) addLengths(c, keys[c], n, len);
    offsets[0] = 0;
    for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + len[i];
    if (data.length < offsets[n]) data = new byte[Math.max(offsets[n], data.length * 2)];
    int[] pos = Arrays.copyOf(offsets, n);
    for (int c = 0; c < codecs.length; c++) write(c, keys[c], n, pos);
  }

  private void addLengths(int c, ColumnVector v, int n, int[] len) {
    boolean[] nulls = v.nulls();
    if (codecs[c] != null) {
      for (int i = 0; i < n; i++) len[i] += nulls != null && nulls[i] ? 1 : 9;
    } else if (bytes[c]) {
      int[] off = ((BytesVector) v).offsets();
      for (int i = 0; i < n; i++) {
        len[i] += nulls != null && nulls[i] ? 1 : 5 + off[i + 1] - off[i];
      }
    } else if (structs[c] != null) {
      // a null flag, then per field a null flag and 8 bytes, as a fixed-width column
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) {
          len[i] += 1;
          continue;
        }
        len[i] += 1;
        for (ColumnVector f : ((StructVector) v).children()) len[i] += f.isNullAt(i) ? 1 : 9;
      }
    } else {
      if (generic.length < n) generic = new byte[n][];
      for (int i = 0; i < n; i++) {
        generic[i] = v.isNullAt(i) ? null : GenericKeys.encode(v.getObject(i));
        len[i] += generic[i] == null ? 1 : 5 + generic[i].length;
      }
    }
  }

  private void write(int c, ColumnVector v, int n, int[] pos) {
    boolean[] nulls = v.nulls();
    if (codecs[c] != null) {
      long[] k = codecs[c].toLongs(v, n, scratch);
      if (codecs[c] != LongCodec.LONG && codecs[c] != LongCodec.DECIMAL) scratch = k;
      for (int i = 0; i < n; i++) {
        int p = pos[i];
        if (nulls != null && nulls[i]) {
          data[p] = 0;
          pos[i] = p + 1;
        } else {
          data[p] = 1;
          Hashing.putLong(data, p + 1, k[i]);
          pos[i] = p + 9;
        }
      }
    } else if (bytes[c]) {
      BytesVector b = (BytesVector) v;
      byte[] src = b.data();
      int[] off = b.offsets();
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) {
          data[pos[i]++] = 0;
        } else {
          pos[i] = putBytes(pos[i], src, off[i], off[i + 1] - off[i]);
        }
      }
    } else if (structs[c] != null) {
      writeStruct(structs[c], (StructVector) v, nulls, n, pos);
    } else {
      for (int i = 0; i < n; i++) {
        byte[] g = generic[i];
        if (g == null) {
          data[pos[i]++] = 0;
        } else {
          pos[i] = putBytes(pos[i], g, 0, g.length);
        }
        generic[i] = null;
      }
    }
  }

  private void writeStruct(LongCodec[] fields, StructVector v, boolean[] nulls, int n, int[] pos) {
    for (int i = 0; i < n; i++) {
      data[pos[i]++] = (byte) (nulls != null && nulls[i] ? 0 : 1);
    }
    for (int f = 0; f < fields.length; f++) {
      ColumnVector child = v.child(f);
      long[] k = fields[f].toLongs(child, n, null);
      boolean[] childNulls = child.nulls();
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        int p = pos[i];
        if (childNulls != null && childNulls[i]) {
          data[p] = 0;
          pos[i] = p + 1;
        } else {
          data[p] = 1;
          Hashing.putLong(data, p + 1, k[i]);
          pos[i] = p + 9;
        }
      }
    }
  }

  private int putBytes(int p, byte[] src, int from, int len) {
    data[p] = 1;
    data[p + 1] = (byte) (len >>> 24);
    data[p + 2] = (byte) (len >>> 16);
    data[p + 3] = (byte) (len >>> 8);
    data[p + 4] = (byte) len;
    System.arraycopy(src, from, data, p + 5, len);
    return p + 5 + len;
  }
}
