package io.sluice.exec.vector;

import io.sluice.types.DataType;
import io.sluice.types.StringType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A vector of byte strings: UTF-8 text for {@code string}, raw bytes for {@code binary}. Row {@code
 * i} is {@code data[offsets[i] .. offsets[i + 1])}. Filled by appending only.
 */
public final class BytesVector extends ColumnVector {
  private byte[] data;
  private int[] offsets;
  private final boolean isString;

  public BytesVector(DataType type, int capacity) {
    super(type);
    this.offsets = new int[Math.max(capacity, 1) + 1];
    this.data = new byte[Math.max(capacity, 1) * 8];
    this.isString = type instanceof StringType;
  }

  /** Wraps filled arrays: {@code offsets} has {@code size + 1} entries. */
  public BytesVector(DataType type, byte[] data, int[] offsets, boolean[] nulls, int size) {
    super(type);
    this.data = data;
    this.offsets = offsets;
    this.nulls = nulls;
    this.size = size;
    this.isString = type instanceof StringType;
  }

  public byte[] data() {
    return data;
  }

  public int[] offsets() {
    return offsets;
  }

  public int start(int row) {
    return offsets[row];
  }

  public int length(int row) {
    return offsets[row + 1] - offsets[row];
  }

  public String getString(int row) {
    return new String(data, offsets[row], offsets[row + 1] - offsets[row], StandardCharsets.UTF_8);
  }

  public byte[] getBytes(int row) {
    return Arrays.copyOfRange(data, offsets[row], offsets[row + 1]);
  }

  public void appendBytes(byte[] bytes, int off, int len) {
    if (size + 1 >= offsets.length) ensureCapacity(size + 1);
    int start = offsets[size];
    ensureData(start + len);
    System.arraycopy(bytes, off, data, start, len);
    offsets[++size] = start + len;
  }

  public void appendBytes(byte[] bytes) {
    appendBytes(bytes, 0, bytes.length);
  }

  public void appendString(String s) {
    appendBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Makes room for {@code bytes} more bytes of data and returns the array to write into. */
  public byte[] reserveData(int bytes) {
    ensureData(offsets[size] + bytes);
    return data;
  }

  /** Finishes a row whose {@code len} bytes were written at {@code offsets[size]} directly. */
  public void commitRow(int len) {
    if (size + 1 >= offsets.length) ensureCapacity(size + 1);
    offsets[size + 1] = offsets[size] + len;
    size++;
  }

  private void ensureData(int bytes) {
    if (bytes > data.length) {
      data = Arrays.copyOf(data, grow(data.length, bytes));
    }
  }

  @Override
  public int capacity() {
    return offsets.length - 1;
  }

  @Override
  protected void growStorage(int rows) {
    if (rows + 1 > offsets.length) {
      offsets = Arrays.copyOf(offsets, grow(offsets.length, rows + 1));
    }
  }

  @Override
  protected void appendDefault() {
    offsets[size + 1] = offsets[size];
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
    } else if (value instanceof String s) {
      appendString(s);
    } else {
      appendBytes((byte[]) value);
    }
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    if (src.isNullAt(row)) {
      appendNull();
    } else {
      BytesVector b = (BytesVector) src;
      appendBytes(b.data, b.offsets[row], b.offsets[row + 1] - b.offsets[row]);
    }
  }

  @Override
  public Object getObject(int row) {
    if (isNullAt(row)) return null;
    return isString ? getString(row) : getBytes(row);
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    int total = 0;
    for (int i = 0; i < count; i++) {
      int r = selection[i];
      total += offsets[r + 1] - offsets[r];
    }
    byte[] outData = new byte[Math.max(total, 1)];
    int[] outOffsets = new int[count + 1];
    int pos = 0;
    for (int i = 0; i < count; i++) {
      int r = selection[i];
      int len = offsets[r + 1] - offsets[r];
      System.arraycopy(data, offsets[r], outData, pos, len);
      pos += len;
      outOffsets[i + 1] = pos;
    }
    BytesVector v = new BytesVector(type, outData, outOffsets, null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  /** Hash of one row's bytes; equal bytes give equal hashes. */
  public int hashAt(int row) {
    int h = 1;
    for (int p = offsets[row], end = offsets[row + 1]; p < end; p++) {
      h = 31 * h + data[p];
    }
    return h;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      hashes[i] = hashes[i] * 31 + (isNullAt(i) ? 0 : hashAt(i));
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    BytesVector o = (BytesVector) other;
    return Arrays.equals(
        data, offsets[row], offsets[row + 1], o.data, o.offsets[otherRow], o.offsets[otherRow + 1]);
  }

  /** Unsigned byte-wise comparison, which orders UTF-8 text by code point as Spark does. */
  public int compare(int row, BytesVector other, int otherRow) {
    return Arrays.compareUnsigned(
        data,
        offsets[row],
        offsets[row + 1],
        other.data,
        other.offsets[otherRow],
        other.offsets[otherRow + 1]);
  }

  /** True when row {@code row} holds exactly {@code bytes}. */
  public boolean equalsBytes(int row, byte[] bytes) {
    return Arrays.equals(data, offsets[row], offsets[row + 1], bytes, 0, bytes.length);
  }
}
