package io.sluice.exec.expr;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.NullVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;

/**
 * Builds one vector from rows of others: {@link #merge} picks, row by row, the source a choice
 * array names (conditional expressions); {@link #scatter} spreads a vector computed on some rows
 * back to the full batch. Fixed-width types copy arrays; other types append row by row.
 */
final class RowMerge {
  private RowMerge() {}

  /**
   * Row {@code i} of the result is row {@code i} of {@code sources[choice[i]]}, or null when {@code
   * choice[i] < 0}. Every source has at least {@code n} rows.
   */
  static ColumnVector merge(DataType type, ColumnVector[] sources, int[] choice, int n) {
    ColumnVector probe = ColumnVector.allocate(type, 1);
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      int c = choice[i];
      if (c < 0 || sources[c].isNullAt(i)) {
        if (nulls == null) nulls = new boolean[n];
        nulls[i] = true;
      }
    }
    if (probe instanceof LongVector) {
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (choice[i] >= 0) out[i] = ((LongVector) sources[choice[i]]).values()[i];
      }
      return new LongVector(type, out, nulls, n);
    }
    if (probe instanceof IntVector) {
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (choice[i] >= 0) out[i] = ((IntVector) sources[choice[i]]).values()[i];
      }
      return new IntVector(type, out, nulls, n);
    }
    if (probe instanceof DoubleVector) {
      double[] out = new double[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (choice[i] >= 0) out[i] = ((DoubleVector) sources[choice[i]]).values()[i];
      }
      return new DoubleVector(type, out, nulls, n);
    }
    if (probe instanceof BooleanVector) {
      boolean[] out = new boolean[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (choice[i] >= 0) out[i] = ((BooleanVector) sources[choice[i]]).values()[i];
      }
      return new BooleanVector(type, out, nulls, n);
    }
    if (probe instanceof NullVector) return new NullVector(type, n);
    ColumnVector out = ColumnVector.allocate(type, n);
    for (int i = 0; i < n; i++) {
      if (choice[i] < 0) {
        out.appendNull();
      } else {
        out.appendFrom(sources[choice[i]], i);
      }
    }
    return out;
  }

  /**
   * A vector of {@code n} rows where row {@code rows[k]} is row {@code k} of {@code part} and rows
   * not listed are null. {@code rows} is ascending.
   */
  static ColumnVector scatter(ColumnVector part, int[] rows, int count, int n) {
    DataType type = part.type();
    boolean[] nulls = new boolean[Math.max(n, 1)];
    java.util.Arrays.fill(nulls, true);
    for (int k = 0; k < count; k++) nulls[rows[k]] = part.isNullAt(k);
    if (part instanceof LongVector p) {
      long[] out = new long[Math.max(n, 1)];
      for (int k = 0; k < count; k++) out[rows[k]] = p.values()[k];
      return new LongVector(type, out, nulls, n);
    }
    if (part instanceof IntVector p) {
      int[] out = new int[Math.max(n, 1)];
      for (int k = 0; k < count; k++) out[rows[k]] = p.values()[k];
      return new IntVector(type, out, nulls, n);
    }
    if (part instanceof DoubleVector p) {
      double[] out = new double[Math.max(n, 1)];
      for (int k = 0; k < count; k++) out[rows[k]] = p.values()[k];
      return new DoubleVector(type, out, nulls, n);
    }
    if (part instanceof BooleanVector p) {
      boolean[] out = new boolean[Math.max(n, 1)];
      for (int k = 0; k < count; k++) out[rows[k]] = p.values()[k];
      return new BooleanVector(type, out, nulls, n);
    }
    if (part instanceof FloatVector p) {
      float[] out = new float[Math.max(n, 1)];
      for (int k = 0; k < count; k++) out[rows[k]] = p.values()[k];
      return new FloatVector(type, out, nulls, n);
    }
    if (part instanceof ShortVector p) {
      short[] out = new short[Math.max(n, 1)];
      for (int k = 0; k < count; k++) out[rows[k]] = p.values()[k];
      return new ShortVector(type, out, nulls, n);
    }
    if (part instanceof ByteVector p) {
      byte[] out = new byte[Math.max(n, 1)];
      for (int k = 0; k < count; k++) out[rows[k]] = p.values()[k];
      return new ByteVector(type, out, nulls, n);
    }
    if (part instanceof DecimalVector p) {
      DecimalVector out = new DecimalVector((DecimalType) type, n);
      for (int k = 0; k < count; k++) {
        if (!p.isNullAt(k)) out.setDecimal(rows[k], p.getDecimal(k));
      }
      out.setSize(n);
      out.setNulls(nulls);
      return out;
    }
    if (part instanceof NullVector) return new NullVector(type, n);
    ColumnVector out = ColumnVector.allocate(type, n);
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k < count && rows[k] == i) {
        out.appendFrom(part, k++);
      } else {
        out.appendNull();
      }
    }
    return out;
  }
}
