package io.sluice.exec.operator;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import java.util.List;

/**
 * Concatenates rows of batches of one schema into new batches: the pieces of a shuffle partition,
 * the whole input of a sort or a join's build side. Not thread-safe.
 */
public final class BatchBuilder {
  private final DataType[] types;
  private final int initialCapacity;
  private ColumnVector[] vectors;
  private int rows;

  public BatchBuilder(List<DataType> types, int initialCapacity) {
    this.types = types.toArray(new DataType[0]);
    this.initialCapacity = Math.max(initialCapacity, 1);
  }

  public int rows() {
    return rows;
  }

  /** Appends rows {@code sel[from, to)} of {@code batch} ({@code sel == null}: rows from..to-1). */
  public void append(ColumnBatch batch, int[] sel, int from, int to) {
    if (to <= from) return;
    if (vectors == null) allocate(Math.max(initialCapacity, to - from));
    for (int c = 0; c < types.length; c++) {
      VectorAppender.append(vectors[c], batch.column(c), sel, from, to);
    }
    rows += to - from;
  }

  public void appendAll(ColumnBatch batch) {
    append(batch, null, 0, batch.numRows());
  }

  /** The rows appended since the last build, as one batch; the builder starts empty again. */
  public ColumnBatch build() {
    if (vectors == null) allocate(1);
    ColumnBatch b = new ColumnBatch(vectors, rows);
    vectors = null;
    rows = 0;
    return b;
  }

  private void allocate(int capacity) {
    vectors = new ColumnVector[types.length];
    for (int c = 0; c < types.length; c++) vectors[c] = ColumnVector.allocate(types[c], capacity);
  }

  /** All rows of {@code batches} in one batch (the single batch itself when there is one). */
  public static ColumnBatch concat(List<DataType> types, List<ColumnBatch> batches) {
    if (batches.size() == 1) return batches.get(0);
    int total = 0;
    for (ColumnBatch b : batches) total += b.numRows();
    BatchBuilder builder = new BatchBuilder(types, total);
    for (ColumnBatch b : batches) builder.appendAll(b);
    return builder.build();
  }
}
