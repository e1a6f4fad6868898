package io.sluice.exec.operator.agg;

import io.sluice.exec.expr.RowComparators;
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

/**
 * One value (possibly null) per group of any type, for aggregates that keep a value rather than
 * fold numbers ({@code first}, {@code last}, {@code min_by}, {@code max_by}). Fixed-width values
 * live in a {@code long[]} (their codes), floating point in a {@code double[]}, strings and binary
 * as one byte array per group, other types as objects. Values compare in Spark's order.
 */
abstract class GroupValues {
  final DataType type;
  boolean[] nulls = new boolean[16];

  GroupValues(DataType type) {
    this.type = type;
  }

  static GroupValues create(DataType type) {
    if (type instanceof FloatType || type instanceof DoubleType) return new Doubles(type);
    LongCodec codec = LongCodec.forType(type);
    if (codec != null) return new Codes(type, codec);
    if (type instanceof StringType || type instanceof BinaryType) return new Bytes(type);
    return new Objects(type);
  }

  void grow(int groups) {
    if (groups > nulls.length) {
      int len = Accumulator.grownLength(nulls.length, groups);
      nulls = Arrays.copyOf(nulls, len);
      growValues(len);
    }
  }

  abstract void growValues(int length);

  /** Makes group {@code to}'s value that of group {@code from}. */
  final void copy(int from, int to) {
    nulls[to] = nulls[from];
    copyValue(from, to);
  }

  abstract void copyValue(int from, int to);

  /** Stores row {@code row} of {@code v} (may be null) as the value of group {@code g}. */
  final void set(int g, ColumnVector v, int row) {
    if (v.isNullAt(row)) {
      nulls[g] = true;
      clear(g);
    } else {
      nulls[g] = false;
      store(g, v, row);
    }
  }

  abstract void store(int g, ColumnVector v, int row);

  void clear(int g) {}

  /** Compares the (non-null) value of group {@code g} with the non-null row {@code row}. */
  abstract int compare(int g, ColumnVector v, int row);

  /** Values of groups {@code [from, to)}; null where stored null or {@code missing[g]}. */
  final ColumnVector toVector(int from, int to, boolean[] missing) {
    int n = to - from;
    boolean[] outNulls = null;
    for (int g = from; g < to; g++) {
      if (nulls[g] || (missing != null && missing[g])) {
        if (outNulls == null) outNulls = new boolean[Math.max(n, 1)];
        outNulls[g - from] = true;
      }
    }
    return values(from, to, outNulls);
  }

  abstract ColumnVector values(int from, int to, boolean[] outNulls);

  private static final class Codes extends GroupValues {
    private final LongCodec codec;
    private long[] values = new long[16];

    Codes(DataType type, LongCodec codec) {
      super(type);
      this.codec = codec;
    }

    @Override
    void growValues(int length) {
      values = Arrays.copyOf(values, length);
    }

    @Override
    void copyValue(int from, int to) {
      values[to] = values[from];
    }

    @Override
    void store(int g, ColumnVector v, int row) {
      values[g] = codec.code(v, row);
    }

    @Override
    int compare(int g, ColumnVector v, int row) {
      return Long.compare(values[g], codec.code(v, row));
    }

    @Override
    ColumnVector values(int from, int to, boolean[] outNulls) {
      boolean[] shifted = null;
      if (outNulls != null) {
        shifted = new boolean[to];
        System.arraycopy(outNulls, 0, shifted, from, to - from);
      }
      return codec.fromLongs(type, values, shifted, from, to);
    }
  }

  /** Floats and doubles keep their exact bits ({@code -0.0}, NaN payloads) unlike codes. */
  private static final class Doubles extends GroupValues {
    private double[] values = new double[16];

    Doubles(DataType type) {
      super(type);
    }

    @Override
    void growValues(int length) {
      values = Arrays.copyOf(values, length);
    }

    @Override
    void copyValue(int from, int to) {
      values[to] = values[from];
    }

    private static double read(ColumnVector v, int row) {
      return v instanceof DoubleVector d ? d.get(row) : ((FloatVector) v).get(row);
    }

    @Override
    void store(int g, ColumnVector v, int row) {
      values[g] = read(v, row);
    }

    @Override
    int compare(int g, ColumnVector v, int row) {
      return RowComparators.compareDoubles(values[g], read(v, row));
    }

    @Override
    ColumnVector values(int from, int to, boolean[] outNulls) {
      int n = to - from;
      if (type instanceof FloatType) {
        float[] out = new float[Math.max(n, 1)];
        for (int i = 0; i < n; i++) out[i] = (float) values[from + i];
        return new FloatVector(type, out, outNulls, n);
      }
      return new DoubleVector(
          type, Arrays.copyOfRange(values, from, from + Math.max(n, 1)), outNulls, n);
    }
  }

  private static final class Bytes extends GroupValues {
    private byte[][] values = new byte[16][];

    Bytes(DataType type) {
      super(type);
    }

    @Override
    void growValues(int length) {
      values = Arrays.copyOf(values, length);
    }

    @Override
    void copyValue(int from, int to) {
      values[to] = values[from];
    }

    @Override
    void store(int g, ColumnVector v, int row) {
      BytesVector b = (BytesVector) v;
      int start = b.start(row);
      values[g] = Arrays.copyOfRange(b.data(), start, start + b.length(row));
    }

    @Override
    void clear(int g) {
      values[g] = null;
    }

    @Override
    int compare(int g, ColumnVector v, int row) {
      BytesVector b = (BytesVector) v;
      int start = b.start(row);
      return Arrays.compareUnsigned(
          values[g], 0, values[g].length, b.data(), start, start + b.length(row));
    }

    @Override
    ColumnVector values(int from, int to, boolean[] outNulls) {
      BytesVector out = new BytesVector(type, to - from);
      for (int g = from; g < to; g++) {
        if ((outNulls != null && outNulls[g - from]) || values[g] == null) {
          out.appendNull();
        } else {
          out.appendBytes(values[g]);
        }
      }
      return out;
    }
  }

  private static final class Objects extends GroupValues {
    private Object[] values = new Object[16];

    Objects(DataType type) {
      super(type);
    }

    @Override
    void growValues(int length) {
      values = Arrays.copyOf(values, length);
    }

    @Override
    void copyValue(int from, int to) {
      values[to] = values[from];
    }

    @Override
    void store(int g, ColumnVector v, int row) {
      values[g] = v.getObject(row);
    }

    @Override
    void clear(int g) {
      values[g] = null;
    }

    @Override
    int compare(int g, ColumnVector v, int row) {
      return ValueOrdering.compare(values[g], v.getObject(row));
    }

    @Override
    ColumnVector values(int from, int to, boolean[] outNulls) {
      ColumnVector out = ColumnVector.allocate(type, to - from);
      for (int g = from; g < to; g++) {
        out.append(outNulls != null && outNulls[g - from] ? null : values[g]);
      }
      return out;
    }
  }
}
