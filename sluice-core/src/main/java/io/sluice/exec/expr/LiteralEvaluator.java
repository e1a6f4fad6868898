package io.sluice.exec.expr;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.types.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A constant: builds the constant vector once and hands out read-only views of it. A batch larger
 * than any seen so far rebuilds it at the new size; smaller batches get a view of the first rows.
 * Thread-safe (the cached vector is published through a volatile field).
 */
final class LiteralEvaluator implements VectorEvaluator {
  private final Object value;
  private final DataType type;
  private volatile ColumnVector cached;

  LiteralEvaluator(Object value, DataType type) {
    this.value = value;
    this.type = type;
  }

  Object value() {
    return value;
  }

  @Override
  public ColumnVector evaluate(ColumnBatch input) {
    int n = input.numRows();
    ColumnVector c = cached;
    if (c == null || c.size() < n) {
      c = constant(value, type, Math.max(n, c == null ? 0 : c.size()));
      cached = c;
    }
    return c.size() == n ? c : Vectors.view(c, c.nulls(), n);
  }

  /** A vector of {@code n} copies of {@code value} (internal form; {@code null} for nulls). */
  static ColumnVector constant(Object value, DataType type, int n) {
    if (value == null) return Vectors.allNulls(type, n);
    int cap = Math.max(n, 1);
    ColumnVector v = ColumnVector.allocate(type, cap);
    if (v instanceof LongVector) {
      long[] a = new long[cap];
      Arrays.fill(a, ((Number) value).longValue());
      return new LongVector(type, a, null, n);
    }
    if (v instanceof IntVector) {
      int[] a = new int[cap];
      Arrays.fill(a, ((Number) value).intValue());
      return new IntVector(type, a, null, n);
    }
    if (v instanceof DoubleVector) {
      double[] a = new double[cap];
      Arrays.fill(a, ((Number) value).doubleValue());
      return new DoubleVector(type, a, null, n);
    }
    if (v instanceof BooleanVector) {
      boolean[] a = new boolean[cap];
      Arrays.fill(a, (Boolean) value);
      return new BooleanVector(type, a, null, n);
    }
    if (v instanceof FloatVector) {
      float[] a = new float[cap];
      Arrays.fill(a, ((Number) value).floatValue());
      return new FloatVector(type, a, null, n);
    }
    if (v instanceof ShortVector) {
      short[] a = new short[cap];
      Arrays.fill(a, ((Number) value).shortValue());
      return new ShortVector(type, a, null, n);
    }
    if (v instanceof ByteVector) {
      byte[] a = new byte[cap];
      Arrays.fill(a, ((Number) value).byteValue());
      return new ByteVector(type, a, null, n);
    }
    if (v instanceof BytesVector) {
      byte[] one = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) value;
      byte[] data = new byte[Math.max(one.length * n, 1)];
      int[] offsets = new int[n + 1];
      for (int i = 0; i < n; i++) {
        System.arraycopy(one, 0, data, i * one.length, one.length);
        offsets[i + 1] = (i + 1) * one.length;
      }
      return new BytesVector(type, data, offsets, null, n);
    }
    if (v instanceof DecimalVector d) {
      BigDecimal b = (BigDecimal) value;
      for (int i = 0; i < n; i++) d.setDecimal(i, b);
      d.setSize(n);
      return d;
    }
    for (int i = 0; i < n; i++) v.append(value);
    return v;
  }
}
