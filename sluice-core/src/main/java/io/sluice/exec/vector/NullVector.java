package io.sluice.exec.vector;

import io.sluice.types.DataType;

/** A vector of the {@code void} type: every row is null. */
public final class NullVector extends ColumnVector {

  public NullVector(DataType type) {
    super(type);
  }

  public NullVector(DataType type, int size) {
    super(type);
    this.size = size;
    this.nulls = new boolean[Math.max(size, 1)];
    java.util.Arrays.fill(nulls, true);
  }

  @Override
  public int capacity() {
    return nulls == null ? 0 : nulls.length;
  }

  @Override
  protected void growStorage(int rows) {}

  @Override
  public void setSize(int size) {
    this.size = size;
    boolean[] n = new boolean[Math.max(size, 1)];
    java.util.Arrays.fill(n, true);
    this.nulls = n;
  }

  @Override
  protected void appendDefault() {}

  @Override
  public void truncate(int rows) {
    if (rows < size) size = rows;
  }

  @Override
  public void append(Object value) {
    appendNull();
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    appendNull();
  }

  @Override
  public Object getObject(int row) {
    return null;
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    return new NullVector(type, count);
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      hashes[i] = hashes[i] * 31;
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    return other.isNullAt(otherRow);
  }
}
