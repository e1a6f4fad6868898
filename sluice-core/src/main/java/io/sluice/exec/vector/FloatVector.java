package io.sluice.exec.vector;

import io.sluice.types.DataType;
import java.util.Arrays;

/**
 * A vector of {@code float} values: float; NaN equals NaN and -0.0 equals 0.0 for grouping and
 * joins, as in Spark.
 */
public final class FloatVector extends ColumnVector {
  private float[] values;

  public FloatVector(DataType type, int capacity) {
    super(type);
    this.values = new float[Math.max(capacity, 1)];
  }

  /** Wraps filled arrays; {@code nulls} may be {@code null}. */
  public FloatVector(DataType type, float[] values, boolean[] nulls, int size) {
    super(type);
    this.values = values;
    this.nulls = nulls;
    this.size = size;
  }

  /** The backing array; rows {@code [0, size)} are valid. */
  public float[] values() {
    return values;
  }

  public float get(int row) {
    return values[row];
  }

  public void set(int row, float value) {
    values[row] = value;
  }

  public void append(float value) {
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
    values[size] = (float) 0;
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
    } else {
      append(((Number) value).floatValue());
    }
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    if (src.isNullAt(row)) {
      appendNull();
    } else {
      append(((FloatVector) src).values[row]);
    }
  }

  @Override
  public Object getObject(int row) {
    return isNullAt(row) ? null : (Number) values[row];
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    float[] out = new float[Math.max(count, 1)];
    for (int i = 0; i < count; i++) {
      out[i] = values[selection[i]];
    }
    FloatVector v = new FloatVector(type, out, null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      float v = values[i];
      hashes[i] = hashes[i] * 31 + (isNullAt(i) ? 0 : (v == 0.0f ? 0 : Float.hashCode(v)));
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    float v = values[row];
    float w = ((FloatVector) other).values[otherRow];
    return v == w || (v != v && w != w);
  }
}
