package io.sluice.exec.expr;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.NullVector;
import io.sluice.types.DataType;

/**
 * Vector plumbing for arrays and maps, shared by the collection kernels, the higher-order functions
 * and the generate operator: picking elements by position (with nulls), interleaving the values of
 * several columns into one element vector, and laying out the elements of a batch of arrays as one
 * flat list.
 */
public final class CollectionVectors {
  private CollectionVectors() {}

  /** The null mask of {@code v} over {@code n} rows, or {@code null} when no row is null. */
  public static boolean[] nulls(ColumnVector v, int n) {
    return Vectors.nulls(v, n);
  }

  /** A vector of {@code n} null rows. */
  public static ColumnVector allNulls(DataType t, int n) {
    return Vectors.allNulls(t, n);
  }

  /**
   * Rows {@code positions[0..n)} of {@code src}, where a negative position gives a null row. The
   * result has exactly {@code n} rows.
   */
  public static ColumnVector gatherOrNull(ColumnVector src, int[] positions, int n) {
    int nulls = 0;
    for (int i = 0; i < n; i++) {
      if (positions[i] < 0) nulls++;
    }
    if (nulls == 0) return src.gather(positions, n);
    if (nulls == n || src.size() == 0) return Vectors.allNulls(src.type(), n);
    int[] safe = new int[Math.max(n, 1)];
    for (int i = 0; i < n; i++) safe[i] = Math.max(positions[i], 0);
    ColumnVector out = src.gather(safe, n);
    if (out instanceof NullVector) return out;
    for (int i = 0; i < n; i++) {
      if (positions[i] < 0) out.setNull(i);
    }
    return out;
  }

  /**
   * One vector holding, for each of {@code n} rows, the values of {@code columns} in order: row
   * {@code i * columns.length + j} is row {@code i} of {@code columns[j]}.
   */
  public static ColumnVector interleave(DataType type, ColumnVector[] columns, int n) {
    int m = columns.length;
    if (m == 1 && columns[0].size() == n) return columns[0];
    int total = n * m;
    ColumnVector probe = ColumnVector.allocate(type, 1);
    if (probe instanceof LongVector) {
      long[] out = new long[Math.max(total, 1)];
      for (int j = 0; j < m; j++) {
        long[] in = ((LongVector) columns[j]).values();
        for (int i = 0; i < n; i++) out[i * m + j] = in[i];
      }
      return new LongVector(type, out, interleavedNulls(columns, n), total);
    }
    if (probe instanceof IntVector) {
      int[] out = new int[Math.max(total, 1)];
      for (int j = 0; j < m; j++) {
        int[] in = ((IntVector) columns[j]).values();
        for (int i = 0; i < n; i++) out[i * m + j] = in[i];
      }
      return new IntVector(type, out, interleavedNulls(columns, n), total);
    }
    if (probe instanceof DoubleVector) {
      double[] out = new double[Math.max(total, 1)];
      for (int j = 0; j < m; j++) {
        double[] in = ((DoubleVector) columns[j]).values();
        for (int i = 0; i < n; i++) out[i * m + j] = in[i];
      }
      return new DoubleVector(type, out, interleavedNulls(columns, n), total);
    }
    if (probe instanceof NullVector) return new NullVector(type, total);
    ColumnVector out = ColumnVector.allocate(type, total);
    for (int i = 0; i < n; i++) {
      for (ColumnVector c : columns) out.appendFrom(c, i);
    }
    return out;
  }

  private static boolean[] interleavedNulls(ColumnVector[] columns, int n) {
    int m = columns.length;
    boolean[] out = null;
    for (int j = 0; j < m; j++) {
      boolean[] in = Vectors.nulls(columns[j], n);
      if (in == null) continue;
      if (out == null) out = new boolean[Math.max(n * m, 1)];
      for (int i = 0; i < n; i++) out[i * m + j] = in[i];
    }
    return out;
  }

  /**
   * The elements of {@code n} array rows as one flat list: element {@code k} of the list is element
   * {@code positions[k]} of the array vector's element vector, taken from row {@code parentRows[k]}
   * at index {@code indexes[k]} within it. Null rows contribute no elements; {@code offsets} are
   * the rows' starts in the list (a valid offsets array for the result of a per-element function).
   */
  public record Flattened(
      int count, int[] positions, int[] parentRows, int[] offsets, boolean contiguous) {

    public static Flattened of(ArrayVector a, int n) {
      int[] offsets = new int[n + 1];
      int total = 0;
      for (int i = 0; i < n; i++) {
        if (!a.isNullAt(i)) total += a.length(i);
        offsets[i + 1] = total;
      }
      int[] positions = new int[Math.max(total, 1)];
      int[] parents = new int[Math.max(total, 1)];
      boolean contiguous = true;
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (a.isNullAt(i)) continue;
        for (int p = a.start(i), end = p + a.length(i); p < end; p++) {
          contiguous &= p == k;
          positions[k] = p;
          parents[k++] = i;
        }
      }
      return new Flattened(total, positions, parents, offsets, contiguous);
    }

    /** The elements in list order: the element vector itself when it is exactly the list. */
    public ColumnVector gather(ColumnVector elements) {
      if (contiguous && elements.size() == count) return elements;
      return elements.gather(positions, count);
    }

    /** Each element's 0-based index within its array. */
    public IntVector indexes() {
      int[] idx = new int[Math.max(count, 1)];
      for (int k = 0; k < count; k++) idx[k] = k - offsets[parentRows[k]];
      return new IntVector(io.sluice.types.DataTypes.IntegerType, idx, null, count);
    }
  }
}
