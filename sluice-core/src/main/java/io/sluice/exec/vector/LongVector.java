package io.sluice.exec.vector;

import io.sluice.types.DataType;
import java.util.Arrays;

/**
 * A vector of {@code long} values: bigint, timestamp (microseconds since the epoch) and day-time
 * interval (microseconds).
 */
public final class LongVector extends ColumnVector {
  private long[] values;

  public LongVector(DataType type, int capacity) {
    super(type);
    this.values = new long[Math.max(capacity, 1)];
  }

  /** Wraps filled arrays; {@code nulls} may be {@code null}. */
  public LongVector(DataType type, long[] values, boolean[] nulls, int size) {
    super(type);
    this.values = values;
    this.nulls = nulls;
    this.size = size;
  }

  /** The backing array; rows {@code [0, size)} are valid. */
  public long[] values() {
    return values;
  }

  public long get(int row) {
    return values[row];
  }

  public void set(int row, long value) {
    values[row] = value;
  }

  public void append(long value) {
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
    values[size] = (long) 0;
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
    } else {
      append(((Number) value).longValue());
    }
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    if (src.isNullAt(row)) {
      appendNull();
    } else {
      append(((LongVector) src).values[row]);
    }
  }

  @Override
  public Object getObject(int row) {
    return isNullAt(row) ? null : (Number) values[row];
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    long[] out = new long[Math.max(count, 1)];
    for (int i = 0; i < count; i++) {
      out[i] = values[selection[i]];
    }
    LongVector v = new LongVector(type, out, null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      long v = values[i];
      hashes[i] = hashes[i] * 31 + (isNullAt(i) ? 0 : Long.hashCode(v));
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    long v = values[row];
    long w = ((LongVector) other).values[otherRow];
    return v == w;
  }
}
