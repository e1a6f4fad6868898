package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.CollectionVectors;
import io.sluice.exec.expr.RowComparators;
import io.sluice.exec.expr.RowComparators.RowComparator;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import java.util.List;
import java.util.Map;

/**
 * Kernels of the collection functions: building arrays and maps, sizes, element access, membership
 * and distinct elements. Array results reuse the input's element vector where the elements do not
 * change (map keys and values) and otherwise gather the kept elements once per batch; nothing is
 * boxed per element.
 */
final class CollectionKernels {
  private CollectionKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("array", (call, args, ctx) -> createArray((ArrayType) call.dataType(), args));
    m.put("map", (call, args, ctx) -> createMap((MapType) call.dataType(), args, false));
    m.put(
        "map" + MapKeyDedup.LAST_WIN_SUFFIX,
        (call, args, ctx) -> createMap((MapType) call.dataType(), args, true));
    m.put("size", (call, args, ctx) -> size(args.get(0), false));
    m.put("size_legacy", (call, args, ctx) -> size(args.get(0), true));
    m.put(
        "element_at",
        (call, args, ctx) ->
            call.arg(0).dataType() instanceof MapType
                ? mapLookup(args.get(0), args.get(1))
                : elementAt(args.get(0), args.get(1), ctx.ansi()));
    m.put("array_contains", (call, args, ctx) -> arrayContains(args.get(0), args.get(1)));
    m.put("array_distinct", (call, args, ctx) -> arrayDistinct(args.get(0)));
    m.put("map_keys", (call, args, ctx) -> mapPart(args.get(0), (ArrayType) call.dataType(), true));
    m.put(
        "map_values",
        (call, args, ctx) -> mapPart(args.get(0), (ArrayType) call.dataType(), false));
    ArrayKernels.register(m);
    ArraySortKernels.register(m);
    HigherOrderKernels.register(m);
  }

  private static ColumnVector[] evaluateAll(
      List<VectorEvaluator> args, io.sluice.exec.vector.ColumnBatch batch) {
    ColumnVector[] out = new ColumnVector[args.size()];
    for (int i = 0; i < out.length; i++) out[i] = args.get(i).evaluate(batch);
    return out;
  }

  /** {@code array(a, b, ...)}: row {@code i}'s elements are the arguments' row {@code i}. */
  private static VectorEvaluator createArray(ArrayType type, List<VectorEvaluator> args) {
    return batch -> {
      int n = batch.numRows();
      int k = args.size();
      ColumnVector elements =
          k == 0
              ? ColumnVector.allocate(type.elementType(), 0)
              : CollectionVectors.interleave(type.elementType(), evaluateAll(args, batch), n);
      int[] offsets = new int[n + 1];
      for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + k;
      return new ArrayVector(type, offsets, elements, null, n);
    };
  }

  /**
   * {@code map(k1, v1, ...)}: a null key is a {@code NULL_MAP_KEY} error; a repeated key follows
   * the {@code mapKeyDedupPolicy} ({@link MapKeyDedup}).
   */
  private static VectorEvaluator createMap(
      MapType type, List<VectorEvaluator> args, boolean lastWin) {
    int k = args.size() / 2;
    List<VectorEvaluator> keyArgs = new java.util.ArrayList<>();
    List<VectorEvaluator> valueArgs = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i += 2) {
      keyArgs.add(args.get(i));
      valueArgs.add(args.get(i + 1));
    }
    return batch -> {
      int n = batch.numRows();
      int[] offsets = new int[n + 1];
      for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + k;
      if (k == 0) {
        return new MapVector(
            type,
            offsets,
            ColumnVector.allocate(type.keyType(), 0),
            ColumnVector.allocate(type.valueType(), 0),
            null,
            n);
      }
      ColumnVector keys =
          CollectionVectors.interleave(type.keyType(), evaluateAll(keyArgs, batch), n);
      ColumnVector values =
          CollectionVectors.interleave(type.valueType(), evaluateAll(valueArgs, batch), n);
      int total = n * k;
      boolean[] keyNulls = CollectionVectors.nulls(keys, total);
      if (keyNulls != null) {
        for (int p = 0; p < total; p++) {
          if (keyNulls[p]) throw CollectionErrors.nullMapKey();
        }
      }
      if (k == 1) return new MapVector(type, offsets, keys, values, null, n);
      return MapKeyDedup.build(type, offsets, keys, values, null, n, lastWin);
    };
  }

  /** Raises {@code DUPLICATED_MAP_KEY} for the first row holding a key twice. */
  static void checkDistinctKeys(ColumnVector keys, int[] offsets, boolean[] rowNulls, int n) {
    PositionSet seen = new PositionSet(keys, offsets[n]);
    for (int i = 0; i < n; i++) {
      if (rowNulls != null && rowNulls[i]) continue;
      seen.reset(offsets[i + 1] - offsets[i]);
      for (int p = offsets[i]; p < offsets[i + 1]; p++) {
        if (seen.add(p) >= 0) throw CollectionErrors.duplicatedMapKey(keys, p);
      }
    }
  }

  /** {@code size(x)}: null for null, or -1 under the legacy rule. */
  private static VectorEvaluator size(VectorEvaluator arg, boolean legacy) {
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = arg.evaluate(batch);
      int[] out = new int[Math.max(n, 1)];
      boolean[] nulls = CollectionVectors.nulls(v, n);
      int[] offsets = v instanceof ArrayVector a ? a.offsets() : ((MapVector) v).offsets();
      for (int i = 0; i < n; i++) out[i] = offsets[i + 1] - offsets[i];
      if (nulls != null) {
        for (int i = 0; i < n; i++) {
          if (nulls[i]) out[i] = -1;
        }
      }
      return new IntVector(DataTypes.IntegerType, out, legacy ? null : nulls, n);
    };
  }

  /**
   * {@code element_at(array, i)}: 1-based, negative counts from the end; 0 is an {@code
   * INVALID_INDEX_OF_ZERO} error; beyond the end is null, or an error in ANSI mode.
   */
  private static VectorEvaluator elementAt(
      VectorEvaluator array, VectorEvaluator index, boolean ansi) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      ColumnVector iv = index.evaluate(batch);
      int[] idx = ((IntVector) iv).values();
      int[] positions = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        positions[i] = -1;
        if (a.isNullAt(i) || iv.isNullAt(i)) continue;
        int len = a.length(i);
        int k = idx[i];
        if (Math.abs((long) k) > len) {
          if (ansi) throw CollectionErrors.elementAtOutOfBounds(k, len);
          continue;
        }
        if (k == 0) throw CollectionErrors.invalidIndexOfZero();
        positions[i] = a.start(i) + (k > 0 ? k - 1 : len + k);
      }
      return CollectionVectors.gatherOrNull(a.elements(), positions, n);
    };
  }

  /** {@code element_at(map, key)}: the value of the key, null when absent. */
  private static VectorEvaluator mapLookup(VectorEvaluator map, VectorEvaluator key) {
    return batch -> {
      int n = batch.numRows();
      MapVector m = (MapVector) map.evaluate(batch);
      ColumnVector k = key.evaluate(batch);
      RowComparator eq = RowComparators.of(m.keys(), k);
      int[] positions = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        positions[i] = -1;
        if (m.isNullAt(i) || k.isNullAt(i)) continue;
        for (int p = m.start(i), end = p + m.length(i); p < end; p++) {
          if (eq.compare(p, i) == 0) {
            positions[i] = p;
            break;
          }
        }
      }
      return CollectionVectors.gatherOrNull(m.values(), positions, n);
    };
  }

  /** {@code array_contains}: true if found, else null if the array has a null, else false. */
  private static VectorEvaluator arrayContains(VectorEvaluator array, VectorEvaluator value) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      ColumnVector v = value.evaluate(batch);
      ColumnVector el = a.elements();
      RowComparator eq = RowComparators.of(el, v);
      boolean[] out = new boolean[Math.max(n, 1)];
      boolean[] nulls = null;
      for (int i = 0; i < n; i++) {
        boolean isNull = a.isNullAt(i) || v.isNullAt(i);
        if (!isNull) {
          boolean sawNull = false;
          for (int p = a.start(i), end = p + a.length(i); p < end && !out[i]; p++) {
            if (el.isNullAt(p)) {
              sawNull = true;
            } else if (eq.compare(p, i) == 0) {
              out[i] = true;
            }
          }
          isNull = !out[i] && sawNull;
        }
        if (isNull) {
          if (nulls == null) nulls = new boolean[Math.max(n, 1)];
          nulls[i] = true;
        }
      }
      return new BooleanVector(DataTypes.BooleanType, out, nulls, n);
    };
  }

  /** {@code array_distinct}: the first occurrence of each value (one null at most), in order. */
  private static VectorEvaluator arrayDistinct(VectorEvaluator array) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      ColumnVector el = a.elements();
      int end = 0;
      for (int i = 0; i < n; i++) end = Math.max(end, a.start(i) + a.length(i));
      PositionSet seen = new PositionSet(el, end);
      int[] kept = new int[Math.max(end, 1)];
      int[] offsets = new int[n + 1];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (!a.isNullAt(i)) {
          seen.reset(a.length(i));
          for (int p = a.start(i), e = p + a.length(i); p < e; p++) {
            if (seen.add(p) < 0) kept[k++] = p;
          }
        }
        offsets[i + 1] = k;
      }
      return new ArrayVector(
          (ArrayType) a.type(), offsets, el.gather(kept, k), CollectionVectors.nulls(a, n), n);
    };
  }

  /** {@code map_keys} / {@code map_values}: the map's own key or value vector, shared. */
  private static VectorEvaluator mapPart(VectorEvaluator map, ArrayType type, boolean keys) {
    return batch -> {
      int n = batch.numRows();
      MapVector m = (MapVector) map.evaluate(batch);
      return new ArrayVector(
          type, m.offsets(), keys ? m.keys() : m.values(), CollectionVectors.nulls(m, n), n);
    };
  }
}
