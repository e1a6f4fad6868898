package io.sluice.exec.vector;

import io.sluice.types.MapType;
import java.util.Arrays;

/**
 * A vector of maps: row {@code i} holds entries {@code offsets[i] .. offsets[i + 1]} of the key and
 * value vectors. Filled by appending.
 */
public final class MapVector extends ColumnVector {
  private int[] offsets;
  private final ColumnVector keys;
  private final ColumnVector values;

  public MapVector(MapType type, int capacity) {
    super(type);
    offsets = new int[Math.max(capacity, 1) + 1];
    keys = ColumnVector.allocate(type.keyType(), Math.max(capacity, 1) * 2);
    values = ColumnVector.allocate(type.valueType(), Math.max(capacity, 1) * 2);
  }

  public MapVector(
      MapType type,
      int[] offsets,
      ColumnVector keys,
      ColumnVector values,
      boolean[] nulls,
      int size) {
    super(type);
    this.offsets = offsets;
    this.keys = keys;
    this.values = values;
    this.nulls = nulls;
    this.size = size;
  }

  public int[] offsets() {
    return offsets;
  }

  public ColumnVector keys() {
    return keys;
  }

  public ColumnVector values() {
    return values;
  }

  public int start(int row) {
    return offsets[row];
  }

  public int length(int row) {
    return offsets[row + 1] - offsets[row];
  }

  /** Records one more row whose entries were appended to the key and value vectors directly. */
  public void commitRow() {
    ensureCapacity(size + 1);
    offsets[size + 1] = keys.size();
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
    keys.truncate(offsets[rows]);
    values.truncate(offsets[rows]);
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
    MapValue m = (MapValue) value;
    for (int i = 0; i < m.size(); i++) {
      keys.append(m.keys()[i]);
      values.append(m.values()[i]);
    }
    commitRow();
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    MapVector m = (MapVector) src;
    if (m.isNullAt(row)) {
      appendNull();
      return;
    }
    for (int p = m.offsets[row]; p < m.offsets[row + 1]; p++) {
      keys.appendFrom(m.keys, p);
      values.appendFrom(m.values, p);
    }
    commitRow();
  }

  @Override
  public Object getObject(int row) {
    if (isNullAt(row)) return null;
    int n = length(row);
    Object[] k = new Object[n];
    Object[] v = new Object[n];
    for (int i = 0; i < n; i++) {
      k[i] = keys.getObject(offsets[row] + i);
      v[i] = values.getObject(offsets[row] + i);
    }
    return new MapValue(k, v);
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    int total = 0;
    for (int i = 0; i < count; i++) total += length(selection[i]);
    int[] sel = new int[Math.max(total, 1)];
    int[] outOffsets = new int[count + 1];
    int k = 0;
    for (int i = 0; i < count; i++) {
      int r = selection[i];
      for (int p = offsets[r]; p < offsets[r + 1]; p++) sel[k++] = p;
      outOffsets[i + 1] = k;
    }
    MapVector v =
        new MapVector(
            (MapType) type, outOffsets, keys.gather(sel, k), values.gather(sel, k), null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      hashes[i] = hashes[i] * 31 + (isNullAt(i) ? 0 : length(i));
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    MapVector o = (MapVector) other;
    if (length(row) != o.length(otherRow)) return false;
    for (int j = 0; j < length(row); j++) {
      if (!keys.valueEquals(offsets[row] + j, o.keys, o.offsets[otherRow] + j)
          || !values.valueEquals(offsets[row] + j, o.values, o.offsets[otherRow] + j)) {
        return false;
      }
    }
    return true;
  }
}
