package io.sluice.exec.vector;

import io.sluice.types.ArrayType;
import java.util.Arrays;

/**
 * A vector of arrays: row {@code i} holds elements {@code offsets[i] .. offsets[i + 1]} of the
 * element vector. Filled by appending.
 */
public final class ArrayVector extends ColumnVector {
  private int[] offsets;
  private final ColumnVector elements;

  public ArrayVector(ArrayType type, int capacity) {
    super(type);
    offsets = new int[Math.max(capacity, 1) + 1];
    elements = ColumnVector.allocate(type.elementType(), Math.max(capacity, 1) * 2);
  }

  public ArrayVector(
      ArrayType type, int[] offsets, ColumnVector elements, boolean[] nulls, int size) {
    super(type);
    this.offsets = offsets;
    this.elements = elements;
    this.nulls = nulls;
    this.size = size;
  }

  public int[] offsets() {
    return offsets;
  }

  public ColumnVector elements() {
    return elements;
  }

  public int start(int row) {
    return offsets[row];
  }

  public int length(int row) {
    return offsets[row + 1] - offsets[row];
  }

  /** Records one more row whose elements were appended to {@link #elements()} directly. */
  public void commitRow() {
    ensureCapacity(size + 1);
    offsets[size + 1] = elements.size();
    size++;
  }

  @Override
  public int capacity() {
    return offsets.length - 1;
  }

  @Override
  protected void growStorage(int rows) {
    if (rows + 1 > offsets.length) offsets = Arrays.copyOf(offsets, grow(offsets.length, rows + 1));
  }

  @Override
  public void truncate(int rows) {
    if (rows > size) return;
    elements.truncate(offsets[rows]);
    super.truncate(rows);
  }

  @Override
  protected void appendDefault() {
    offsets[size + 1] = offsets[size];
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
      return;
    }
    for (Object e : (Object[]) value) elements.append(e);
    commitRow();
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    ArrayVector a = (ArrayVector) src;
    if (a.isNullAt(row)) {
      appendNull();
      return;
    }
    for (int p = a.offsets[row]; p < a.offsets[row + 1]; p++) elements.appendFrom(a.elements, p);
    commitRow();
  }

  @Override
  public Object getObject(int row) {
    if (isNullAt(row)) return null;
    Object[] out = new Object[length(row)];
    for (int i = 0; i < out.length; i++) out[i] = elements.getObject(offsets[row] + i);
    return out;
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    int total = 0;
    for (int i = 0; i < count; i++) total += length(selection[i]);
    int[] elementSel = new int[Math.max(total, 1)];
    int[] outOffsets = new int[count + 1];
    int k = 0;
    for (int i = 0; i < count; i++) {
      int r = selection[i];
      for (int p = offsets[r]; p < offsets[r + 1]; p++) elementSel[k++] = p;
      outOffsets[i + 1] = k;
    }
    ArrayVector v =
        new ArrayVector((ArrayType) type, outOffsets, elements.gather(elementSel, k), null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    int[] one = new int[1];
    for (int i = 0; i < count; i++) {
      int h = 0;
      if (!isNullAt(i)) {
        ColumnVector slice = elements.gather(rangeOf(i), length(i));
        int[] eh = new int[Math.max(length(i), 1)];
        slice.hashInto(eh, length(i));
        for (int j = 0; j < length(i); j++) h = h * 31 + eh[j];
      }
      one[0] = h;
      hashes[i] = hashes[i] * 31 + one[0];
    }
  }

  private int[] rangeOf(int row) {
    int[] sel = new int[Math.max(length(row), 1)];
    for (int j = 0; j < length(row); j++) sel[j] = offsets[row] + j;
    return sel;
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    ArrayVector o = (ArrayVector) other;
    if (length(row) != o.length(otherRow)) return false;
    for (int j = 0; j < length(row); j++) {
      if (!elements.valueEquals(offsets[row] + j, o.elements, o.offsets[otherRow] + j)) {
        return false;
      }
    }
    return true;
  }
}
