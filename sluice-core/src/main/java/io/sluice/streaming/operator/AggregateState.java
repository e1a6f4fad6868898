package io.sluice.streaming.operator;

import io.sluice.exec.operator.agg.Accumulator;
import io.sluice.exec.operator.agg.AggregateFunctions;
import io.sluice.exec.operator.hash.KeyTable;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.state.StateCursor;
import io.sluice.state.StateStore;
import io.sluice.types.DataType;
import java.util.List;

/**
 * The in-memory form of one partition's aggregation state, kept between micro-batches: group keys
 * mapped to dense ids by a {@link KeyTable} and each function's running buffers in its {@link
 * Accumulator}, exactly as a batch hash aggregation holds them; {@code version} is the state
 * version it reflects. The state store holds the same groups as encoded rows for recovery.
 */
final class AggregateState {
  long version = -1;
  KeyTable table;
  Accumulator[] accs;
  int numGroups;

  /** Empty structures for the given keys and functions. */
  void reset(List<DataType> keyTypes, List<AggregateCall> calls, boolean ansi) {
    table = keyTypes.isEmpty() ? null : KeyTable.create(keyTypes);
    accs = new Accumulator[calls.size()];
    for (int i = 0; i < accs.length; i++) accs[i] = AggregateFunctions.create(calls.get(i), ansi);
    numGroups = 0;
    if (table == null) {
      numGroups = 1;
      for (Accumulator a : accs) a.grow(1);
    }
  }

  /** Maps rows {@code [0, n)} of {@code keys} to group ids, adding new groups. */
  void findOrInsert(ColumnVector[] keys, int n, int[] ids) {
    if (table == null) {
      java.util.Arrays.fill(ids, 0, n, 0);
      return;
    }
    table.findOrInsert(keys, n, ids);
    if (table.size() > numGroups) {
      numGroups = table.size();
      for (Accumulator a : accs) a.grow(numGroups);
    }
  }

  /** Merges buffer columns (laid out function after function) of rows {@code [0, n)}. */
  void merge(ColumnVector[] buffers, int[] ids, int n) {
    int offset = 0;
    for (Accumulator a : accs) {
      int width = a.bufferTypes().size();
      ColumnVector[] buf = new ColumnVector[width];
      System.arraycopy(buffers, offset, buf, 0, width);
      a.merge(buf, ids, n);
      offset += width;
    }
  }

  /** The key columns of groups {@code [from, to)}; none without keys. */
  ColumnVector[] keys(int from, int to) {
    return table == null ? new ColumnVector[0] : table.keyColumns(from, to);
  }

  /** The buffer columns of groups {@code [from, to)}, function after function. */
  ColumnVector[] buffers(int from, int to) {
    int width = 0;
    for (Accumulator a : accs) width += a.bufferTypes().size();
    ColumnVector[] out = new ColumnVector[width];
    int offset = 0;
    for (Accumulator a : accs) {
      ColumnVector[] b = a.buffers(from, to);
      System.arraycopy(b, 0, out, offset, b.length);
      offset += b.length;
    }
    return out;
  }

  /**
   * Drops the groups whose ids are in {@code removed} (ascending): the surviving groups are
   * re-inserted into fresh structures, in their old order, so their ids shift down. {@code allKeys}
   * are the key columns of every group ({@link #keys}).
   */
  void remove(
      int[] removed,
      int count,
      ColumnVector[] allKeys,
      List<DataType> keyTypes,
      List<AggregateCall> calls,
      boolean ansi) {
    if (count == 0 || table == null) return;
    int n = numGroups;
    int[] keep = new int[n - count];
    int k = 0;
    int r = 0;
    for (int g = 0; g < n; g++) {
      if (r < count && removed[r] == g) {
        r++;
      } else {
        keep[k++] = g;
      }
    }
    ColumnVector[] bufCols = buffers(0, n);
    for (int i = 0; i < bufCols.length; i++) bufCols[i] = bufCols[i].gather(keep, k);
    int[] ids = new int[k];
    if (table.retain(keep, k)) {
      // the key table kept the survivors as ids 0..k-1; the buffers start over from theirs
      for (int i = 0; i < accs.length; i++) accs[i] = AggregateFunctions.create(calls.get(i), ansi);
      numGroups = k;
      if (k == 0) return;
      for (Accumulator a : accs) a.grow(k);
      for (int i = 0; i < k; i++) ids[i] = i;
      merge(bufCols, ids, k);
      return;
    }
    ColumnVector[] keyCols = allKeys.clone();
    for (int i = 0; i < keyCols.length; i++) keyCols[i] = keyCols[i].gather(keep, k);
    long v = version;
    reset(keyTypes, calls, ansi);
    version = v;
    if (k == 0) return;
    findOrInsert(keyCols, k, ids);
    merge(bufCols, ids, k);
  }

  /** Rebuilds the structures from every entry of {@code store}. */
  void restore(
      StateStore store,
      StateRowCodec keyCodec,
      StateRowCodec valueCodec,
      List<DataType> keyTypes,
      List<AggregateCall> calls,
      boolean ansi,
      int batchSize) {
    reset(keyTypes, calls, ansi);
    StateCursor c = store.iterator();
    ColumnVector[] keys = keyCodec.newColumns(batchSize);
    ColumnVector[] buffers = valueCodec.newColumns(batchSize);
    int n = 0;
    int[] ids = new int[batchSize];
    while (true) {
      boolean more = c.next();
      if (more) {
        keyCodec.decodeInto(c.key(), keys);
        valueCodec.decodeInto(c.value(), buffers);
        n++;
      }
      if (n == batchSize || (!more && n > 0)) {
        findOrInsert(keys, n, ids);
        merge(buffers, ids, n);
        keys = keyCodec.newColumns(batchSize);
        buffers = valueCodec.newColumns(batchSize);
        n = 0;
      }
      if (!more) break;
    }
    version = store.version();
  }
}
