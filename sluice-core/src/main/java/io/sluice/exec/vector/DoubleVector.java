package io.sluice.exec.vector;

import io.sluice.types.DataType;
import java.util.Arrays;

/**
 * A vector of {@code double} values: double; NaN equals NaN and -0.0 equals 0.0 for grouping and
 * joins, as in Spark.
 */
public final class DoubleVector extends ColumnVector {
  private double[] values;

  public DoubleVector(DataType type, int capacity) {
    super(type);
    this.values = new double[Math.max(capacity, 1)];
  }

  /** Wraps filled arrays; {@code nulls} may be {@code null}. */
  public DoubleVector(DataType type, double[] values, boolean[] nulls, int size) {
    super(type);
    this.values = values;
    this.nulls = nulls;
    this.size = size;
  }

  /** The backing array; rows {@code [0, size)} are valid. */
  public double[] values() {
    return values;
  }

  public double get(int row) {
    return values[row];
  }

  public void set(int row, double value) {
    values[row] = value;
  }

  public void append(double value) {
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
    values[size] = (double) 0;
  }

  @Override
  public void append(Object value) {
    if (value == null) {
      appendNull();
    } else {
      append(((Number) value).doubleValue());
    }
  }

  @Override
  public void appendFrom(ColumnVector src, int row) {
    if (src.isNullAt(row)) {
      appendNull();
    } else {
      append(((DoubleVector) src).values[row]);
    }
  }

  @Override
  public Object getObject(int row) {
    return isNullAt(row) ? null : (Number) values[row];
  }

  @Override
  public ColumnVector gather(int[] selection, int count) {
    double[] out = new double[Math.max(count, 1)];
    for (int i = 0; i < count; i++) {
      out[i] = values[selection[i]];
    }
    DoubleVector v = new DoubleVector(type, out, null, count);
    gatherNulls(v, selection, count);
    return v;
  }

  @Override
  public void hashInto(int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      double v = values[i];
      hashes[i] = hashes[i] * 31 + (isNullAt(i) ? 0 : (v == 0.0 ? 0 : Double.hashCode(v)));
    }
  }

  @Override
  public boolean valueEquals(int row, ColumnVector other, int otherRow) {
    if (nullsDiffer(row, other, otherRow)) return false;
    if (isNullAt(row)) return true;
    double v = values[row];
    double w = ((DoubleVector) other).values[otherRow];
    return v == w || (v != v && w != w);
  }
}
