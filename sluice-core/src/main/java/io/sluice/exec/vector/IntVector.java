package io.sluice.exec.vector;

import io.sluice.types.DataType;
import java.util.Arrays;

/**
 * A vector of {@code int} values: int, date (days since the epoch) and year-month interval
 * (months).
 */
public final class IntVector extends ColumnVector {
  private int[] values;

  public IntVector(DataType type, int capacity) {
    super(type);
    this.values = new int[Math.max(capacity, 1)];
  }

  /** Wraps filled arrays; {@code nulls} may be {@code null}. */
  public IntVector(DataType type, int[] values, boolean[] nulls, int size) {
    super(type);
    this.values = values;
    this.nulls = nulls;
    this.size = size;
  }

  /** The backing array; rows {@code [0, size)} are valid. */
  public int[] values() {
    return values;
  }

  public int get(int row) {
    return values[row];
  }

  public void set(int row, int value) {
    values[row] = value;
  }

  public void append(int value) {
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
    values[size] = (int) 0;
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
    } else {
      append(((Number) value).intValue());
    }
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    if (src.isNullAt(row)) {
      appendNull();
    } else {
      append(((IntVector) src).values[row]);
    }
  }

  @Override
  public Object getObject(int row) {
    return isNullAt(row) ? null : (Number) values[row];
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    int[] out = new int[Math.max(count, 1)];
    for (int i = 0; i < count; i++) {
      out[i] = values[selection[i]];
    }
    IntVector v = new IntVector(type, out, null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      int v = values[i];
      hashes[i] = hashes[i] * 31 + (isNullAt(i) ? 0 : v);
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    int v = values[row];
    int w = ((IntVector) other).values[otherRow];
    return v == w;
  }
}
