package io.sluice.exec.vector;

import io.sluice.types.StructType;

/** A vector of structs: one child vector per field, all as long as this vector. */
public final class StructVector extends ColumnVector {
  private final ColumnVector[] children;

  public StructVector(StructType type, int capacity) {
    super(type);
    children = new ColumnVector[type.length()];
    for (int i = 0; i < children.length; i++) {
      children[i] = ColumnVector.allocate(type.get(i).dataType(), capacity);
    }
  }

  /** Wraps filled children; {@code nulls} marks null structs (may be {@code null}). */
  public StructVector(StructType type, ColumnVector[] children, boolean[] nulls, int size) {
    super(type);
    this.children = children;
    this.nulls = nulls;
    this.size = size;
  }

  public ColumnVector child(int i) {
    return children[i];
  }

  public ColumnVector[] children() {
    return children;
  }

  @Override
  public int capacity() {
    return children.length == 0 ? Integer.MAX_VALUE / 2 : children[0].capacity();
  }

  @Override
  protected void growStorage(int rows) {
    for (ColumnVector c : children) c.ensureCapacity(rows);
  }

  @Override
  public void setSize(int size) {
    this.size = size;
  }

  @Override
  public void truncate(int rows) {
    if (rows > size) return;
    for (ColumnVector c : children) c.truncate(rows);
    super.truncate(rows);
  }

  @Override
  protected void appendDefault() {
    for (ColumnVector c : children) c.appendNull();
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
      return;
    }
    Object[] fields = (Object[]) value;
    ensureCapacity(size + 1);
    for (int i = 0; i < children.length; i++) children[i].append(fields[i]);
    size++;
  }

  /** Records one more row after the children were appended to directly. */
  public void appendRowOfChildren(boolean isNull) {
    ensureCapacity(size + 1);
    if (isNull) {
      setNull(size);
    }
    size++;
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    StructVector s = (StructVector) src;
    if (s.isNullAt(row)) {
      appendNull();
      return;
    }
    ensureCapacity(size + 1);
    for (int i = 0; i < children.length; i++) children[i].appendFrom(s.children[i], row);
    size++;
  }

  @Override
  public Object getObject(int row) {
    if (isNullAt(row)) return null;
    Object[] out = new Object[children.length];
    for (int i = 0; i < children.length; i++) out[i] = children[i].getObject(row);
    return out;
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    ColumnVector[] out = new ColumnVector[children.length];
    for (int i = 0; i < children.length; i++) out[i] = children[i].gather(selection, count);
    StructVector v = new StructVector((StructType) type, out, null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (ColumnVector c : children) c.hashInto(hashes, count);
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    StructVector o = (StructVector) other;
    for (int i = 0; i < children.length; i++) {
      if (!children[i].valueEquals(row, o.children[i], otherRow)) return false;
    }
    return true;
  }
}
