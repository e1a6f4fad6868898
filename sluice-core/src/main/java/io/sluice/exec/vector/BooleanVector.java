package io.sluice.exec.vector;

import io.sluice.types.DataType;
import java.util.Arrays;

/** A vector of {@code boolean} values: boolean. */
public final class BooleanVector extends ColumnVector {
  private boolean[] values;

  public BooleanVector(DataType type, int capacity) {
    super(type);
    this.values = new boolean[Math.max(capacity, 1)];
  }

  /** Wraps filled arrays; {@code nulls} may be {@code null}. */
  public BooleanVector(DataType type, boolean[] values, boolean[] nulls, int size) {
    super(type);
    this.values = values;
    this.nulls = nulls;
    this.size = size;
  }

  /** The backing array; rows {@code [0, size)} are valid. */
  public boolean[] values() {
    return values;
  }

  public boolean get(int row) {
    return values[row];
  }

  public void set(int row, boolean value) {
    values[row] = value;
  }

  public void append(boolean value) {
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
    values[size] = false;
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
    } else {
      append(((Boolean) value).booleanValue());
    }
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    if (src.isNullAt(row)) {
      appendNull();
    } else {
      append(((BooleanVector) src).values[row]);
    }
  }

  @Override
  public Object getObject(int row) {
    return isNullAt(row) ? null : Boolean.valueOf(values[row]);
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    boolean[] out = new boolean[Math.max(count, 1)];
    for (int i = 0; i < count; i++) {
      out[i] = values[selection[i]];
    }
    BooleanVector v = new BooleanVector(type, out, null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      boolean v = values[i];
      hashes[i] = hashes[i] * 31 + (isNullAt(i) ? 0 : (v ? 1231 : 1237));
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    boolean v = values[row];
    boolean w = ((BooleanVector) other).values[otherRow];
    return v == w;
  }
}
