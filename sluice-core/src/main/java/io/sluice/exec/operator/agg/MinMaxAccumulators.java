package io.sluice.exec.operator.agg;

import io.sluice.exec.operator.hash.LongCodec;
import io.sluice.exec.operator.sort.ValueOrdering;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.StringType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code min} and {@code max} for every orderable type: primitive codes for fixed-width types,
 * doubles with NaN as the greatest value, unsigned bytes for strings and binary (which orders UTF-8
 * text by code point), and the generic value ordering for the rest. The buffer is the running value
 * itself, so merging is updating.
 */
final class MinMaxAccumulators {
  private MinMaxAccumulators() {}

  static Accumulator create(DataType type, boolean max) {
    LongCodec codec = LongCodec.forType(type);
    if (type instanceof FloatType || type instanceof DoubleType) return new Doubles(type, max);
    if (codec != null) return new Codes(type, codec, max);
    if (type instanceof StringType || type instanceof BinaryType) return new Bytes(type, max);
    return new Objects(type, max);
  }

  private abstract static class Base extends Accumulator {
    final DataType type;
    final boolean max;
    boolean[] has = new boolean[16];

    Base(DataType type, boolean max) {
      this.type = type;
      this.max = max;
    }

    @Override
    public List<DataType> bufferTypes() {
      return List.of(type);
    }

    @Override
    public DataType resultType() {
      return type;
    }

    @Override
    public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
      update(buffers, groupIds, n);
    }

    @Override
    public ColumnVector[] buffers(int from, int to) {
      return new ColumnVector[] {result(from, to)};
    }
  }

  private static final class Codes extends Base {
    private final LongCodec codec;
    private long[] best = new long[16];
    private long[] scratch;

    Codes(DataType type, LongCodec codec, boolean max) {
      super(type, max);
      this.codec = codec;
    }

    @Override
    public void grow(int groups) {
      if (groups > best.length) {
        int len = grownLength(best.length, groups);
        best = Arrays.copyOf(best, len);
        has = Arrays.copyOf(has, len);
      }
    }

    @Override
    public void copyGroup(int from, int to) {
      best[to] = best[from];
      has[to] = has[from];
    }

    @Override
    public void update(ColumnVector[] args, int[] groupIds, int n) {
      ColumnVector v = args[0];
      long[] x = codec.toLongs(v, n, scratch);
      if (codec != LongCodec.LONG && codec != LongCodec.DECIMAL) scratch = x;
      boolean[] nulls = v.nulls();
      long[] b = best;
      boolean[] h = has;
      if (max) {
        for (int i = 0; i < n; i++) {
          if (nulls != null && nulls[i]) continue;
          int g = groupIds[i];
          if (!h[g] || x[i] > b[g]) {
            b[g] = x[i];
            h[g] = true;
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          if (nulls != null && nulls[i]) continue;
          int g = groupIds[i];
          if (!h[g] || x[i] < b[g]) {
            b[g] = x[i];
            h[g] = true;
          }
        }
      }
    }

    @Override
    public ColumnVector result(int from, int to) {
      boolean[] missing = missing(has, from, to);
      boolean[] isNull = null;
      if (missing != null) {
        isNull = new boolean[to];
        System.arraycopy(missing, 0, isNull, from, to - from);
      }
      return codec.fromLongs(type, best, isNull, from, to);
    }
  }

  private static final class Doubles extends Base {
    private double[] best = new double[16];
    private double[] scratch;

    Doubles(DataType type, boolean max) {
      super(type, max);
    }

    @Override
    public void grow(int groups) {
      if (groups > best.length) {
        int len = grownLength(best.length, groups);
        best = Arrays.copyOf(best, len);
        has = Arrays.copyOf(has, len);
      }
    }

    @Override
    public void copyGroup(int from, int to) {
      best[to] = best[from];
      has[to] = has[from];
    }

    @Override
    public void update(ColumnVector[] args, int[] groupIds, int n) {
      ColumnVector v = args[0];
      double[] x = Numbers.toDoubles(v, n, scratch);
      if (!(v instanceof DoubleVector)) scratch = x;
      boolean[] nulls = v.nulls();
      int sign = max ? 1 : -1;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        int g = groupIds[i];
        // Double.compare puts NaN above every other value, as Spark orders it
        if (!has[g] || sign * Double.compare(x[i], best[g]) > 0) {
          best[g] = x[i];
          has[g] = true;
        }
      }
    }

    @Override
    public ColumnVector result(int from, int to) {
      int n = to - from;
      boolean[] nulls = missing(has, from, to);
      if (type instanceof FloatType) {
        float[] out = new float[Math.max(n, 1)];
        for (int i = 0; i < n; i++) out[i] = (float) best[from + i];
        return new FloatVector(type, out, nulls, n);
      }
      return new DoubleVector(
          type, Arrays.copyOfRange(best, from, from + Math.max(n, 1)), nulls, n);
    }
  }

  private static final class Bytes extends Base {
    private byte[][] best = new byte[16][];

    Bytes(DataType type, boolean max) {
      super(type, max);
    }

    @Override
    public void grow(int groups) {
      if (groups > best.length) best = Arrays.copyOf(best, grownLength(best.length, groups));
    }

    @Override
    public void copyGroup(int from, int to) {
      best[to] = best[from];
      has[to] = has[from];
    }

    @Override
    public void update(ColumnVector[] args, int[] groupIds, int n) {
      BytesVector v = (BytesVector) args[0];
      byte[] data = v.data();
      int[] off = v.offsets();
      boolean[] nulls = v.nulls();
      int sign = max ? 1 : -1;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        int g = groupIds[i];
        byte[] b = best[g];
        if (b == null
            || sign * Arrays.compareUnsigned(data, off[i], off[i + 1], b, 0, b.length) > 0) {
          best[g] = Arrays.copyOfRange(data, off[i], off[i + 1]);
        }
      }
    }

    @Override
    public ColumnVector result(int from, int to) {
      BytesVector out = new BytesVector(type, to - from);
      for (int g = from; g < to; g++) {
        if (best[g] == null) {
          out.appendNull();
        } else {
          out.appendBytes(best[g]);
        }
      }
      return out;
    }
  }

  private static final class Objects extends Base {
    private Object[] best = new Object[16];

    Objects(DataType type, boolean max) {
      super(type, max);
    }

    @Override
    public void grow(int groups) {
      if (groups > best.length) best = Arrays.copyOf(best, grownLength(best.length, groups));
    }

    @Override
    public void copyGroup(int from, int to) {
      best[to] = best[from];
      has[to] = has[from];
    }

    @Override
    public void update(ColumnVector[] args, int[] groupIds, int n) {
      ColumnVector v = args[0];
      int sign = max ? 1 : -1;
      for (int i = 0; i < n; i++) {
        if (v.isNullAt(i)) continue;
        int g = groupIds[i];
        Object x = v.getObject(i);
        if (best[g] == null || sign * ValueOrdering.compare(x, best[g]) > 0) best[g] = x;
      }
    }

    @Override
    public ColumnVector result(int from, int to) {
      ColumnVector out = ColumnVector.allocate(type, to - from);
      for (int g = from; g < to; g++) out.append(best[g]);
      return out;
    }
  }
}
