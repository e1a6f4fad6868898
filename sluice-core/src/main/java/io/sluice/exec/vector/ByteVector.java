package io.sluice.exec.vector;

import io.sluice.types.DataType;
import java.util.Arrays;

/** A vector of {@code byte} values: tinyint. */
public final class ByteVector extends ColumnVector {
  private byte[] values;

  public ByteVector(DataType type, int capacity) {
    super(type);
    this.values = new byte[Math.max(capacity, 1)];
  }

  /** Wraps filled arrays; {@code nulls} may be {@code null}. */
  public ByteVector(DataType type, byte[] values, boolean[] nulls, int size) {
    super(type);
    this.values = values;
    this.nulls = nulls;
    this.size = size;
  }

  /** The backing array; rows {@code [0, size)} are valid. */
  public byte[] values() {
    return values;
  }

  public byte get(int row) {
    return values[row];
  }

  public void set(int row, byte value) {
    values[row] = value;
  }

  public void append(byte value) {
    if (size == values.length) ensureCapacity(size + 1);
    values[size++] = value;
  }

  @Override
  public int capacity() {
    return values.length;
  }

  @Override
  protected void growStorage(int rows) {
    if (rows > values.length) {
      values = Arrays.copyOf(values, grow(values.length, rows));
    }
  }

  @Override
  protected void appendDefault() {
    values[size] = (byte) 0;
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
    } else {
      append(((Number) value).byteValue());
    }
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    if (src.isNullAt(row)) {
      appendNull();
    } else {
      append(((ByteVector) src).values[row]);
    }
  }

  @Override
  public Object getObject(int row) {
    return isNullAt(row) ? null : (Number) values[row];
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    byte[] out = new byte[Math.max(count, 1)];
    for (int i = 0; i < count; i++) {
      out[i] = values[selection[i]];
    }
    ByteVector v = new ByteVector(type, out, null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      byte v = values[i];
      hashes[i] = hashes[i] * 31 + (isNullAt(i) ? 0 : v);
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    byte v = values[row];
    byte w = ((ByteVector) other).values[otherRow];
    return v == w;
  }
}
