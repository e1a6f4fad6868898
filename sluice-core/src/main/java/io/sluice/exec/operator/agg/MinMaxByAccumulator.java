package io.sluice.exec.operator.agg;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.types.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code max_by(x, ord)} and {@code min_by(x, ord)}: the value of {@code x} on the row whose {@code
 * ord} is greatest (least) in Spark's order; rows with a null {@code ord} are skipped and the first
 * row wins ties. Buffers: the value and its ordering value, null when the group has none, so
 * merging partial buffers is updating with them.
 */
final class MinMaxByAccumulator extends Accumulator {
  private final DataType valueType;
  private final DataType orderType;
  private final int sign;
  private final GroupValues values;
  private final GroupValues orders;
  private boolean[] has = new boolean[16];

  MinMaxByAccumulator(DataType valueType, DataType orderType, boolean max) {
    this.valueType = valueType;
    this.orderType = orderType;
    this.sign = max ? 1 : -1;
    this.values = GroupValues.create(valueType);
    this.orders = GroupValues.create(orderType);
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(valueType, orderType);
  }

  @Override
  public DataType resultType() {
    return valueType;
  }

  @Override
  public void grow(int groups) {
    values.grow(groups);
    orders.grow(groups);
    if (groups > has.length) has = Arrays.copyOf(has, grownLength(has.length, groups));
  }

  @Override
  public void copyGroup(int from, int to) {
    values.copy(from, to);
    orders.copy(from, to);
    has[to] = has[from];
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    ColumnVector v = args[0];
    ColumnVector ord = args[1];
    boolean[] ordNulls = ord.nulls();
    boolean[] h = has;
    for (int i = 0; i < n; i++) {
      if (ordNulls != null && ordNulls[i]) continue;
      int g = groupIds[i];
      // the stored ordering loses to the new one: (stored - new) has the sign opposite to ours
      if (!h[g] || sign * orders.compare(g, ord, i) < 0) {
        orders.set(g, ord, i);
        values.set(g, v, i);
        h[g] = true;
      }
    }
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    update(buffers, groupIds, n);
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    boolean[] missing = missing(has, from, to) == null ? null : absent(from, to);
    return new ColumnVector[] {
      values.toVector(from, to, missing), orders.toVector(from, to, missing)
    };
  }

  @Override
  public ColumnVector result(int from, int to) {
    return values.toVector(from, to, absent(from, to));
  }

  private boolean[] absent(int from, int to) {
    boolean[] out = new boolean[to];
    for (int g = from; g < to; g++) out[g] = !has[g];
    return out;
  }
}
