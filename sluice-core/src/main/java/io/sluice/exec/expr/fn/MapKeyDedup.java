package io.sluice.exec.expr.fn;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.types.MapType;

/**
 * Makes map vectors from candidate entries under Spark's {@code spark.sql.mapKeyDedupPolicy}:
 * {@code EXCEPTION} raises {@code DUPLICATED_MAP_KEY} for a key a row already holds; {@code
 * LAST_WIN} keeps such a key where it first appeared, with the value given last (Spark's {@code
 * ArrayBasedMapBuilder}). The analyzer picks the policy when it builds the call: a kernel
 * registered under {@code name + }{@link #LAST_WIN_SUFFIX} deduplicates.
 */
final class MapKeyDedup {
  private MapKeyDedup() {}

  /** The suffix of the kernels that build maps under {@code LAST_WIN}. */
  static final String LAST_WIN_SUFFIX = "_last_win";

  /**
   * The map of {@code n} rows whose row {@code i} has the entries {@code [offsets[i],
   * offsets[i+1])} of {@code keys} and {@code values} (positions from 0; no null keys), null where
   * {@code rowNulls} says.
   */
  static MapVector build(
      MapType type,
      int[] offsets,
      ColumnVector keys,
      ColumnVector values,
      boolean[] rowNulls,
      int n,
      boolean lastWin) {
    if (!lastWin) {
      CollectionKernels.checkDistinctKeys(keys, offsets, rowNulls, n);
      return new MapVector(type, offsets, keys, values, rowNulls, n);
    }
    int total = offsets[n];
    PositionSet seen = new PositionSet(keys, total);
    int[] keyPositions = new int[Math.max(total, 1)];
    int[] valuePositions = new int[Math.max(total, 1)];
    // the output slot of each kept position, to redirect a later duplicate's value there
    int[] slotOf = new int[Math.max(total, 1)];
    int[] out = new int[n + 1];
    int k = 0;
    boolean duplicates = false;
    for (int i = 0; i < n; i++) {
      if (rowNulls == null || !rowNulls[i]) {
        seen.reset(offsets[i + 1] - offsets[i]);
        for (int p = offsets[i]; p < offsets[i + 1]; p++) {
          int earlier = seen.add(p);
          if (earlier >= 0) {
            valuePositions[slotOf[earlier]] = p;
            duplicates = true;
          } else {
            slotOf[p] = k;
            keyPositions[k] = p;
            valuePositions[k++] = p;
          }
        }
      }
      out[i + 1] = k;
    }
    if (!duplicates && k == total) return new MapVector(type, offsets, keys, values, rowNulls, n);
    return new MapVector(
        type, out, keys.gather(keyPositions, k), values.gather(valuePositions, k), rowNulls, n);
  }
}
