package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.CollectionVectors;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.LambdaBody;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.MapType;
import java.util.List;
import java.util.Map;

/**
 * Kernels of the higher-order functions over maps ({@code map_filter}, {@code transform_values},
 * {@code transform_keys}, {@code map_zip_with}). As for arrays, the lambda runs once per batch over
 * the entries of all maps of the batch, with the input row's columns repeated per entry.
 */
final class MapHigherOrderKernels {
  private MapHigherOrderKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("map_filter", MapHigherOrderKernels::mapFilter);
    m.put("transform_values", MapHigherOrderKernels::transformValues);
    m.put("transform_keys", (call, args, ctx) -> transformKeys(call, args, ctx, false));
    m.put(
        "transform_keys" + MapKeyDedup.LAST_WIN_SUFFIX,
        (call, args, ctx) -> transformKeys(call, args, ctx, true));
    m.put("map_zip_with", MapHigherOrderKernels::mapZipWith);
  }

  /** The entries of the non-null maps of a batch, in order, with the row each belongs to. */
  private record Entries(int[] offsets, int[] parents, ColumnVector keys, ColumnVector values) {
    static Entries of(MapVector m, int n) {
      int[] offsets = new int[n + 1];
      for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + (m.isNullAt(i) ? 0 : m.length(i));
      int total = offsets[n];
      int[] positions = new int[Math.max(total, 1)];
      int[] parents = new int[Math.max(total, 1)];
      for (int i = 0; i < n; i++) {
        for (int e = offsets[i], p = m.start(i); e < offsets[i + 1]; e++, p++) {
          positions[e] = p;
          parents[e] = i;
        }
      }
      return new Entries(
          offsets, parents, m.keys().gather(positions, total), m.values().gather(positions, total));
    }

    int count() {
      return offsets[offsets.length - 1];
    }

    /** The lambda {@code (k, v) -> ...} over every entry. */
    ColumnVector apply(LambdaBody body, LambdaFunction f, ColumnBatch batch) {
      if (count() == 0) return ColumnVector.allocate(f.dataType(), 0);
      return body.evaluate(batch, parents, count(), keys, values);
    }
  }

  private static VectorEvaluator mapFilter(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    LambdaFunction f = (LambdaFunction) call.arg(1);
    LambdaBody body = LambdaBody.compile(f, ctx);
    MapType type = (MapType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      MapVector m = (MapVector) args.get(0).evaluate(batch);
      Entries in = Entries.of(m, n);
      ColumnVector r = in.apply(body, f, batch);
      boolean[] keep = r instanceof BooleanVector b ? b.values() : null;
      int[] kept = new int[Math.max(in.count(), 1)];
      int[] offsets = new int[n + 1];
      int k = 0;
      for (int i = 0; i < n; i++) {
        for (int e = in.offsets()[i]; e < in.offsets()[i + 1]; e++) {
          if (keep != null && !r.isNullAt(e) && keep[e]) kept[k++] = e;
        }
        offsets[i + 1] = k;
      }
      return new MapVector(
          type,
          offsets,
          in.keys().gather(kept, k),
          in.values().gather(kept, k),
          CollectionVectors.nulls(m, n),
          n);
    };
  }

  private static VectorEvaluator transformValues(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    LambdaFunction f = (LambdaFunction) call.arg(1);
    LambdaBody body = LambdaBody.compile(f, ctx);
    MapType type = (MapType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      MapVector m = (MapVector) args.get(0).evaluate(batch);
      Entries in = Entries.of(m, n);
      ColumnVector r = in.apply(body, f, batch);
      return new MapVector(type, in.offsets(), in.keys(), r, CollectionVectors.nulls(m, n), n);
    };
  }

  /** {@code transform_keys}: a null new key is {@code NULL_MAP_KEY}; repeated keys per policy. */
  private static VectorEvaluator transformKeys(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx, boolean lastWin) {
    LambdaFunction f = (LambdaFunction) call.arg(1);
    LambdaBody body = LambdaBody.compile(f, ctx);
    MapType type = (MapType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      MapVector m = (MapVector) args.get(0).evaluate(batch);
      Entries in = Entries.of(m, n);
      ColumnVector keys = in.apply(body, f, batch);
      if (keys.mayHaveNulls()) {
        for (int e = 0; e < in.count(); e++) {
          if (keys.isNullAt(e)) throw CollectionErrors.nullMapKey();
        }
      }
      return MapKeyDedup.build(
          type, in.offsets(), keys, in.values(), CollectionVectors.nulls(m, n), n, lastWin);
    };
  }

  /**
   * {@code map_zip_with(m1, m2, (k, v1, v2) -> ...)}: the keys of {@code m1} in order, then those
   * only {@code m2} has; the value of a key a map lacks is null.
   */
  private static VectorEvaluator mapZipWith(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    LambdaFunction f = (LambdaFunction) call.arg(2);
    LambdaBody body = LambdaBody.compile(f, ctx);
    MapType type = (MapType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      MapVector a = (MapVector) args.get(0).evaluate(batch);
      MapVector b = (MapVector) args.get(1).evaluate(batch);
      boolean[] nulls = null;
      int[] offsets = new int[n + 1];
      int capacity = 0;
      for (int i = 0; i < n; i++) {
        if (!a.isNullAt(i) && !b.isNullAt(i)) capacity += a.length(i) + b.length(i);
      }
      int[] inA = new int[Math.max(capacity, 1)];
      int[] inB = new int[Math.max(capacity, 1)];
      int[] parents = new int[Math.max(capacity, 1)];
      ColumnVector keys = ColumnVector.allocate(type.keyType(), Math.max(capacity, 1));
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (a.isNullAt(i) || b.isNullAt(i)) {
          if (nulls == null) nulls = new boolean[Math.max(n, 1)];
          nulls[i] = true;
          offsets[i + 1] = k;
          continue;
        }
        int bs = b.start(i);
        int be = bs + b.length(i);
        for (int p = a.start(i), ae = p + a.length(i); p < ae; p++) {
          keys.appendFrom(a.keys(), p);
          inA[k] = p;
          inB[k] = find(b.keys(), bs, be, a.keys(), p);
          parents[k++] = i;
        }
        for (int q = bs; q < be; q++) {
          if (find(a.keys(), a.start(i), a.start(i) + a.length(i), b.keys(), q) >= 0) continue;
          keys.appendFrom(b.keys(), q);
          inA[k] = -1;
          inB[k] = q;
          parents[k++] = i;
        }
        offsets[i + 1] = k;
      }
      ColumnVector values;
      if (k == 0) {
        values = ColumnVector.allocate(type.valueType(), 0);
      } else {
        ColumnVector v1 = CollectionVectors.gatherOrNull(a.values(), inA, k);
        ColumnVector v2 = CollectionVectors.gatherOrNull(b.values(), inB, k);
        values = body.evaluate(batch, parents, k, keys, v1, v2);
      }
      return new MapVector(type, offsets, keys, values, nulls, n);
    };
  }

  /** The position in {@code [from, to)} of {@code keys} equal to {@code other[row]}, or -1. */
  private static int find(ColumnVector keys, int from, int to, ColumnVector other, int row) {
    // maps are small: a scan beats building a hash table per row
    for (int p = from; p < to; p++) {
      if (keys.valueEquals(p, other, row)) return p;
    }
    return -1;
  }
}
