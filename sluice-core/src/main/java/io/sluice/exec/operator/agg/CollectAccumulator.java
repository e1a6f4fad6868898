package io.sluice.exec.operator.agg;

import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code collect_list(x)} and {@code collect_set(x)}: the non-null values of a group as an array
 * (empty, not null, for a group without values), in arrival order. All groups' values are appended
 * to one column vector; each group chains its values through an {@code int} list (head, tail,
 * next), so no object is created per group or per value. {@code collect_set} first looks each
 * (group, value) pair up in a hash table and keeps only pairs not seen before.
 *
 * <p>Buffer: the array itself; merging appends (and deduplicates) its elements.
 */
final class CollectAccumulator extends Accumulator {
  private final DataType elementType;
  private final ArrayType resultType;
  private final KeyTable seen;
  private final ColumnVector store;
  private int[] next = new int[16];
  private int[] head = new int[16];
  private int[] tail = new int[16];
  private int[] sizes = new int[16];

  CollectAccumulator(DataType elementType, boolean set) {
    this.elementType = elementType;
    this.resultType = new ArrayType(elementType, false);
    this.seen = set ? KeyTable.create(List.of(DataTypes.IntegerType, elementType)) : null;
    this.store = ColumnVector.allocate(elementType, 16);
    Arrays.fill(head, -1);
  }

  @Override
  public List<DataType> bufferTypes() {
    return List.of(resultType);
  }

  @Override
  public DataType resultType() {
    return resultType;
  }

  @Override
  public void grow(int groups) {
    if (groups > head.length) {
      int len = grownLength(head.length, groups);
      int old = head.length;
      head = Arrays.copyOf(head, len);
      Arrays.fill(head, old, len, -1);
      tail = Arrays.copyOf(tail, len);
      sizes = Arrays.copyOf(sizes, len);
    }
  }

  @Override
  public void update(ColumnVector[] args, int[] groupIds, int n) {
    add(args[0], groupIds, n);
  }

  /** Adds the non-null rows {@code [0, n)} of {@code v} to groups {@code groupIds[i]}. */
  private void add(ColumnVector v, int[] groupIds, int n) {
    int[] sel = null;
    int kept = n;
    boolean[] nulls = v.nulls();
    if (nulls != null) {
      sel = new int[Math.max(n, 1)];
      kept = 0;
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) sel[kept++] = i;
      }
    }
    if (seen != null && kept > 0) {
      ColumnVector values = sel == null ? v : v.gather(sel, kept);
      int[] g = new int[kept];
      for (int i = 0; i < kept; i++) g[i] = groupIds[sel == null ? i : sel[i]];
      int[] ids = new int[kept];
      int before = seen.size();
      seen.findOrInsert(
          new ColumnVector[] {new IntVector(DataTypes.IntegerType, g, null, kept), values},
          kept,
          ids);
      int fresh = 0;
      int[] keep = new int[kept];
      int expected = before;
      for (int i = 0; i < kept; i++) {
        if (ids[i] == expected) {
          keep[fresh++] = sel == null ? i : sel[i];
          expected++;
        }
      }
      sel = keep;
      kept = fresh;
    }
    for (int k = 0; k < kept; k++) {
      int row = sel == null ? k : sel[k];
      append(groupIds[row], v, row);
    }
  }

  private void append(int g, ColumnVector v, int row) {
    int at = store.size();
    store.appendFrom(v, row);
    if (at >= next.length) next = Arrays.copyOf(next, grownLength(next.length, at + 1));
    next[at] = -1;
    if (head[g] < 0) {
      head[g] = at;
    } else {
      next[tail[g]] = at;
    }
    tail[g] = at;
    sizes[g]++;
  }

  @Override
  public void merge(ColumnVector[] buffers, int[] groupIds, int n) {
    ArrayVector arrays = (ArrayVector) buffers[0];
    int total = 0;
    for (int i = 0; i < n; i++) total += arrays.isNullAt(i) ? 0 : arrays.length(i);
    if (total == 0) return;
    int[] sel = new int[total];
    int[] elementGroups = new int[total];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (arrays.isNullAt(i)) continue;
      for (int p = arrays.start(i); p < arrays.start(i) + arrays.length(i); p++) {
        sel[k] = p;
        elementGroups[k++] = groupIds[i];
      }
    }
    add(arrays.elements().gather(sel, total), elementGroups, total);
  }

  @Override
  public ColumnVector[] buffers(int from, int to) {
    return new ColumnVector[] {result(from, to)};
  }

  @Override
  public ColumnVector result(int from, int to) {
    int n = to - from;
    int total = 0;
    for (int g = from; g < to; g++) total += sizes[g];
    int[] sel = new int[Math.max(total, 1)];
    int[] offsets = new int[n + 1];
    int k = 0;
    for (int g = from; g < to; g++) {
      for (int at = head[g]; at >= 0; at = next[at]) sel[k++] = at;
      offsets[g - from + 1] = k;
    }
    ColumnVector elements =
        total == 0 ? ColumnVector.allocate(elementType, 1) : store.gather(sel, total);
    return new ArrayVector(resultType, offsets, elements, null, n);
  }
}
