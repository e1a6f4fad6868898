package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code first(x[, ignoreNulls])} and {@code last(x[, ignoreNulls])} (also {@code any_value}): the
 * value of the first (last) row of a group in arrival order, or of its first (last) non-null row
 * when nulls are ignored. Buffers: the value and whether one was set, so a final aggregation keeps
 * the left (first) or right (last) partial that has a value.
 */
final class FirstLastAccumulator extends Accumulator {
  private final DataType type;
  private final boolean last;
  private final boolean ignoreNulls;
  private final GroupValues values;
  private boolean[] set = new boolean[16];

  FirstLastAccumulator(DataType type, boolean last, boolean ignoreNulls) {
    this.type = type;
    this.last = last;
    this.ignoreNulls = ignoreNulls;
    this.values = GroupValues.create(type);
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(type, DataTypes.BooleanType);
  }

  @Override
  public DataType resultType() {
    return type;
  }

  @Override
  public void grow(int groups) {
    values.grow(groups);
    if (groups > set.length) set = Arrays.copyOf(set, grownLength(set.length, groups));
  }

  @Override
  public void copyGroup(int from, int to) {
    values.copy(from, to);
    set[to] = set[from];
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    ColumnVector v = args[0];
    boolean[] nulls = v.nulls();
    boolean[] s = set;
    for (int i = 0; i < n; i++) {
      if (ignoreNulls && nulls != null && nulls[i]) continue;
      int g = groupIds[i];
      if (last || !s[g]) {
        values.set(g, v, i);
        s[g] = true;
      }
    }
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    ColumnVector v = buffers[0];
    boolean[] valueSet = ((BooleanVector) buffers[1]).values();
    boolean[] s = set;
    for (int i = 0; i < n; i++) {
      if (!valueSet[i]) continue;
      int g = groupIds[i];
      if (last || !s[g]) {
        values.set(g, v, i);
        s[g] = true;
      }
    }
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    int n = to - from;
    return new ColumnVector[] {
      values.toVector(from, to, null),
      new BooleanVector(
          DataTypes.BooleanType, Arrays.copyOfRange(set, from, from + Math.max(n, 1)), null, n)
    };
  }

  @Override
  public ColumnVector result(int from, int to) {
    boolean[] missing = new boolean[to];
    for (int g = from; g < to; g++) missing[g] = !set[g];
    return values.toVector(from, to, missing);
  }
}
