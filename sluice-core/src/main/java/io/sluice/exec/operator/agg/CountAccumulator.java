package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/** {@code count(...)}: rows whose arguments are all non-null; {@code count(1)} counts rows. */
final class CountAccumulator extends Accumulator {
  private final boolean countRows;
  private long[] counts = new long[16];

  /**
   * @param countRows true when no argument can be null (count(1), count(*))
   */
  CountAccumulator(boolean countRows) {
    this.countRows = countRows;
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(DataTypes.LongType);
  }

  @Override
  public DataType resultType() {
    return DataTypes.LongType;
  }

  @Override
  public void grow(int groups) {
    if (groups > counts.length) counts = Arrays.copyOf(counts, grownLength(counts.length, groups));
  }

  @Override
  public void copyGroup(int from, int to) {
    counts[to] = counts[from];
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    long[] c = counts;
    boolean[] nulls = countRows ? null : combinedNulls(args, n);
    if (nulls == null) {
      for (int i = 0; i < n; i++) c[groupIds[i]]++;
    } else {
      for (int i = 0; i < n; i++) c[groupIds[i]] += nulls[i] ? 0 : 1;
    }
  }

  @Override
  public void updateSingleGroup(ColumnVector[] args, int n) {
    boolean[] nulls = countRows ? null : combinedNulls(args, n);
    long c = n;
    if (nulls != null) {
      for (int i = 0; i < n; i++) c -= nulls[i] ? 1 : 0;
    }
    counts[0] += c;
  }

  /** Rows where some argument is null, or null when there is none. */
  private static boolean[] combinedNulls(ColumnVector[] args, int n) {
    boolean[] out = null;
    for (ColumnVector a : args) {
      boolean[] nulls = a.nulls();
      if (nulls == null) continue;
      if (out == null) {
        out = Arrays.copyOf(nulls, n);
      } else {
        for (int i = 0; i < n; i++) out[i] |= nulls[i];
      }
    }
    return out;
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    long[] c = counts;
    long[] in = ((LongVector) buffers[0]).values();
    for (int i = 0; i < n; i++) c[groupIds[i]] += in[i];
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    return new ColumnVector[] {result(from, to)};
  }

  @Override
  public ColumnVector result(int from, int to) {
    return new LongVector(
        DataTypes.LongType,
        Arrays.copyOfRange(counts, from, Math.max(to, from + 1)),
        null,
        to - from);
  }
}
