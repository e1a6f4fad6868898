package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.CollectionVectors;
import io.sluice.exec.expr.CollectionVectors.Flattened;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.LambdaBody;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import java.util.List;
import java.util.Map;

/**
 * Kernels of the higher-order functions. The lambda is evaluated once per batch over all elements
 * of all arrays of the batch ({@link Flattened}), with the columns of the input rows it reads
 * repeated per element ({@link LambdaBody}); only {@code aggregate}, whose steps depend on each
 * other, evaluates its merge lambda once per element position, over all arrays that are that long.
 */
final class HigherOrderKernels {
  private HigherOrderKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put("transform", HigherOrderKernels::transform);
    m.put("filter", HigherOrderKernels::filter);
    m.put("exists", (call, args, ctx) -> predicate(call, args, ctx, true));
    m.put("forall", (call, args, ctx) -> predicate(call, args, ctx, false));
    m.put("aggregate", AggregateKernel::create);
    m.put("zip_with", HigherOrderKernels::zipWith);
    MapHigherOrderKernels.register(m);
  }

  /** The lambda's value for every element of every array of the batch. */
  private static ColumnVector apply(
      LambdaBody body, LambdaFunction f, ColumnBatch batch, Flattened flat, ColumnVector elements) {
    if (flat.count() == 0) return ColumnVector.allocate(f.dataType(), 0);
    ColumnVector x = flat.gather(elements);
    return f.arguments().size() == 2
        ? body.evaluate(batch, flat.parentRows(), flat.count(), x, flat.indexes())
        : body.evaluate(batch, flat.parentRows(), flat.count(), x);
  }

  /** {@code transform(array, x -> ...)} or with the index: {@code (x, i) -> ...}. */
  private static VectorEvaluator transform(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    LambdaFunction f = (LambdaFunction) call.arg(1);
    LambdaBody body = LambdaBody.compile(f, ctx);
    ArrayType type = (ArrayType) call.dataType();
    VectorEvaluator array = args.get(0);
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      Flattened flat = Flattened.of(a, n);
      ColumnVector r = apply(body, f, batch, flat, a.elements());
      return new ArrayVector(type, flat.offsets(), r, CollectionVectors.nulls(a, n), n);
    };
  }

  /** {@code filter(array, x -> ...)}: the elements for which the lambda is true. */
  private static VectorEvaluator filter(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    LambdaFunction f = (LambdaFunction) call.arg(1);
    LambdaBody body = LambdaBody.compile(f, ctx);
    VectorEvaluator array = args.get(0);
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      Flattened flat = Flattened.of(a, n);
      ColumnVector r = apply(body, f, batch, flat, a.elements());
      int[] kept = new int[Math.max(flat.count(), 1)];
      int[] offsets = new int[n + 1];
      int[] from = flat.offsets();
      int k = 0;
      for (int i = 0; i < n; i++) {
        for (int e = from[i]; e < from[i + 1]; e++) {
          if (isTrue(r, e)) kept[k++] = flat.positions()[e];
        }
        offsets[i + 1] = k;
      }
      return new ArrayVector(
          (ArrayType) a.type(),
          offsets,
          a.elements().gather(kept, k),
          CollectionVectors.nulls(a, n),
          n);
    };
  }

  private static boolean isTrue(ColumnVector r, int row) {
    return r instanceof BooleanVector b && !b.isNullAt(row) && b.values()[row];
  }

  /**
   * {@code exists} (some element true; else null if some is null; else false) and {@code forall}
   * (no element false; else null if some is null; else true).
   */
  private static VectorEvaluator predicate(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx, boolean exists) {
    LambdaFunction f = (LambdaFunction) call.arg(1);
    LambdaBody body = LambdaBody.compile(f, ctx);
    VectorEvaluator array = args.get(0);
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      Flattened flat = Flattened.of(a, n);
      ColumnVector r = apply(body, f, batch, flat, a.elements());
      boolean[] values = r instanceof BooleanVector b ? b.values() : null;
      boolean[] out = new boolean[Math.max(n, 1)];
      boolean[] nulls = null;
      int[] from = flat.offsets();
      for (int i = 0; i < n; i++) {
        boolean decided = false;
        boolean sawNull = a.isNullAt(i);
        for (int e = from[i]; e < from[i + 1] && !decided; e++) {
          if (values == null || r.isNullAt(e)) {
            sawNull = true;
          } else {
            decided = values[e] == exists;
          }
        }
        out[i] = decided ? exists : !exists;
        if (!decided && sawNull) {
          if (nulls == null) nulls = new boolean[Math.max(n, 1)];
          nulls[i] = true;
        }
      }
      return new BooleanVector(DataTypes.BooleanType, out, nulls, n);
    };
  }

  /**
   * {@code zip_with(a, b, (x, y) -> ...)}: the shorter array is padded with nulls; null if either
   * array is null.
   */
  private static VectorEvaluator zipWith(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    LambdaFunction f = (LambdaFunction) call.arg(2);
    LambdaBody body = LambdaBody.compile(f, ctx);
    ArrayType type = (ArrayType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) args.get(0).evaluate(batch);
      ArrayVector b = (ArrayVector) args.get(1).evaluate(batch);
      boolean[] nulls = null;
      int[] offsets = new int[n + 1];
      for (int i = 0; i < n; i++) {
        int len = 0;
        if (a.isNullAt(i) || b.isNullAt(i)) {
          if (nulls == null) nulls = new boolean[Math.max(n, 1)];
          nulls[i] = true;
        } else {
          len = Math.max(a.length(i), b.length(i));
        }
        offsets[i + 1] = offsets[i] + len;
      }
      int total = offsets[n];
      if (total == 0) {
        return new ArrayVector(
            type, offsets, ColumnVector.allocate(type.elementType(), 0), nulls, n);
      }
      int[] pa = new int[total];
      int[] pb = new int[total];
      int[] parents = new int[total];
      for (int i = 0; i < n; i++) {
        for (int e = offsets[i], c = 0; e < offsets[i + 1]; e++, c++) {
          pa[e] = c < a.length(i) ? a.start(i) + c : -1;
          pb[e] = c < b.length(i) ? b.start(i) + c : -1;
          parents[e] = i;
        }
      }
      ColumnVector x = CollectionVectors.gatherOrNull(a.elements(), pa, total);
      ColumnVector y = CollectionVectors.gatherOrNull(b.elements(), pb, total);
      return new ArrayVector(type, offsets, body.evaluate(batch, parents, total, x, y), nulls, n);
    };
  }
}
