package io.sluice.exec.vector;

import java.util.Objects;

/** A set of equally long column vectors: the unit operators exchange. */
public final class ColumnBatch {
  private final ColumnVector[] columns;
  private final int numRows;

  public ColumnBatch(ColumnVector[] columns, int numRows) {
    this.columns = Objects.requireNonNull(columns, "columns");
    this.numRows = numRows;
  }

  public int numRows() {
    return numRows;
  }

  public int numColumns() {
    return columns.length;
  }

  public ColumnVector column(int i) {
    return columns[i];
  }

  /** The column array itself; callers must not modify it. */
  public ColumnVector[] columns() {
    return columns;
  }

  /** A batch of rows {@code selection[0..count)} of this one. */
  public ColumnBatch gather(int[] selection, int count) {
    ColumnVector[] out = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      out[c] = columns[c].gather(selection, count);
    }
    return new ColumnBatch(out, count);
  }

  /** A batch of the given columns of this one, in the given order. */
  public ColumnBatch project(int[] ordinals) {
    ColumnVector[] out = new ColumnVector[ordinals.length];
    for (int i = 0; i < ordinals.length; i++) {
      out[i] = columns[ordinals[i]];
    }
    return new ColumnBatch(out, numRows);
  }

  @Override
  public String toString() {
    return "ColumnBatch(rows=" + numRows + ", columns=" + columns.length + ")";
  }
}
