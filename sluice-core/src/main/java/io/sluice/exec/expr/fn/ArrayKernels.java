package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import java.util.List;
import java.util.Map;

/**
 * Kernels that reshape arrays: {@code array_join}, {@code slice}, {@code flatten} and {@code
 * map_from_arrays}, and the array forms of {@code concat} and {@code reverse}. Each computes the
 * positions of the result's elements for the whole batch, then gathers them once.
 */
final class ArrayKernels {
  private ArrayKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put(
        "array_join",
        (call, args, ctx) ->
            arrayJoin(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null));
    m.put("slice", (call, args, ctx) -> slice(args.get(0), args.get(1), args.get(2)));
    m.put("flatten", (call, args, ctx) -> flatten(args.get(0), (ArrayType) call.dataType()));
    m.put(
        "map_from_arrays",
        (call, args, ctx) ->
            mapFromArrays(args.get(0), args.get(1), (MapType) call.dataType(), false));
    m.put(
        "map_from_arrays" + MapKeyDedup.LAST_WIN_SUFFIX,
        (call, args, ctx) ->
            mapFromArrays(args.get(0), args.get(1), (MapType) call.dataType(), true));
  }

  /**
   * {@code array_join(array, delimiter[, nullReplacement])}: null elements are skipped, or replaced
   * when a replacement is given; a null argument gives null.
   */
  private static VectorEvaluator arrayJoin(
      VectorEvaluator array, VectorEvaluator delimiter, VectorEvaluator replacement) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      BytesVector d = (BytesVector) delimiter.evaluate(batch);
      BytesVector r = replacement == null ? null : (BytesVector) replacement.evaluate(batch);
      ColumnVector elements = a.elements();
      BytesVector el = elements instanceof BytesVector b ? b : null;
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      for (int i = 0; i < n; i++) {
        if (a.isNullAt(i) || d.isNullAt(i) || (r != null && r.isNullAt(i))) {
          out.appendNull();
          continue;
        }
        int total = 0;
        int parts = 0;
        for (int p = a.start(i), end = p + a.length(i); p < end; p++) {
          boolean isNull = el == null || el.isNullAt(p);
          if (isNull && r == null) continue;
          total += isNull ? r.length(i) : el.length(p);
          parts++;
        }
        total += Math.max(parts - 1, 0) * d.length(i);
        byte[] dst = out.reserveData(total);
        int at = out.offsets()[out.size()];
        boolean first = true;
        for (int p = a.start(i), end = p + a.length(i); p < end; p++) {
          boolean isNull = el == null || el.isNullAt(p);
          if (isNull && r == null) continue;
          if (!first) at = copy(d, i, dst, at);
          first = false;
          at = isNull ? copy(r, i, dst, at) : copy(el, p, dst, at);
        }
        out.commitRow(total);
      }
      return out;
    };
  }

  private static int copy(BytesVector from, int row, byte[] dst, int at) {
    int len = from.length(row);
    System.arraycopy(from.data(), from.start(row), dst, at, len);
    return at + len;
  }

  /**
   * {@code slice(array, start, length)}: {@code start} is 1-based (negative from the end; 0 is an
   * error), {@code length} must not be negative; a start outside the array gives an empty array.
   */
  private static VectorEvaluator slice(
      VectorEvaluator array, VectorEvaluator start, VectorEvaluator length) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      IntVector s = (IntVector) start.evaluate(batch);
      IntVector l = (IntVector) length.evaluate(batch);
      boolean[] nulls = null;
      int[] offsets = new int[n + 1];
      int total = 0;
      int[] from = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        int taken = 0;
        if (a.isNullAt(i) || s.isNullAt(i) || l.isNullAt(i)) {
          if (nulls == null) nulls = new boolean[Math.max(n, 1)];
          nulls[i] = true;
        } else {
          int len = a.length(i);
          int st = s.get(i);
          if (st == 0) throw CollectionErrors.sliceStartZero();
          int startIndex = st < 0 ? st + len : st - 1;
          int count = l.get(i);
          if (count < 0) throw CollectionErrors.sliceNegativeLength(count);
          if (startIndex >= 0 && startIndex < len) {
            taken = Math.min(count, len - startIndex);
            from[i] = a.start(i) + startIndex;
          }
        }
        total += taken;
        offsets[i + 1] = total;
      }
      int[] positions = new int[Math.max(total, 1)];
      for (int i = 0, k = 0; i < n; i++) {
        for (int p = from[i], c = offsets[i + 1] - offsets[i]; c > 0; c--) positions[k++] = p++;
      }
      return new ArrayVector(
          (ArrayType) a.type(), offsets, a.elements().gather(positions, total), nulls, n);
    };
  }

  /** {@code flatten}: the inner arrays' elements in order; null if any inner array is null. */
  private static VectorEvaluator flatten(VectorEvaluator array, ArrayType type) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      ArrayVector inner = (ArrayVector) a.elements();
      boolean[] nulls = null;
      int[] offsets = new int[n + 1];
      int total = 0;
      for (int i = 0; i < n; i++) {
        boolean isNull = a.isNullAt(i);
        int rowTotal = 0;
        for (int p = a.start(i), end = p + a.length(i); p < end && !isNull; p++) {
          isNull = inner.isNullAt(p);
          if (!isNull) rowTotal += inner.length(p);
        }
        if (isNull) {
          if (nulls == null) nulls = new boolean[Math.max(n, 1)];
          nulls[i] = true;
          rowTotal = 0;
        }
        total += rowTotal;
        offsets[i + 1] = total;
      }
      int[] positions = new int[Math.max(total, 1)];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        for (int p = a.start(i), end = p + a.length(i); p < end; p++) {
          for (int q = inner.start(p), e = q + inner.length(p); q < e; q++) positions[k++] = q;
        }
      }
      return new ArrayVector(type, offsets, inner.elements().gather(positions, total), nulls, n);
    };
  }

  /**
   * {@code map_from_arrays(keys, values)}: arrays of different lengths, a null key or a repeated
   * key are errors, as in Spark.
   */
  private static VectorEvaluator mapFromArrays(
      VectorEvaluator keys, VectorEvaluator values, MapType type, boolean lastWin) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector k = (ArrayVector) keys.evaluate(batch);
      ArrayVector v = (ArrayVector) values.evaluate(batch);
      boolean[] nulls = null;
      int[] offsets = new int[n + 1];
      int total = 0;
      for (int i = 0; i < n; i++) {
        if (k.isNullAt(i) || v.isNullAt(i)) {
          if (nulls == null) nulls = new boolean[Math.max(n, 1)];
          nulls[i] = true;
        } else {
          if (k.length(i) != v.length(i)) throw CollectionErrors.keyValueSizesDiffer();
          total += k.length(i);
        }
        offsets[i + 1] = total;
      }
      int[] keyPositions = new int[Math.max(total, 1)];
      int[] valuePositions = new int[Math.max(total, 1)];
      ColumnVector keyElements = k.elements();
      for (int i = 0, j = 0; i < n; i++) {
        if (nulls != null && nulls[i]) continue;
        for (int c = 0; c < k.length(i); c++, j++) {
          keyPositions[j] = k.start(i) + c;
          valuePositions[j] = v.start(i) + c;
          if (keyElements.isNullAt(keyPositions[j])) throw CollectionErrors.nullMapKey();
        }
      }
      ColumnVector keyVector = keyElements.gather(keyPositions, total);
      ColumnVector valueVector = v.elements().gather(valuePositions, total);
      return MapKeyDedup.build(type, offsets, keyVector, valueVector, nulls, n, lastWin);
    };
  }

  /** concat of arrays: the elements of every argument in order; null when any is null. */
  static VectorEvaluator concat(ScalarFunction call, List<VectorEvaluator> args) {
    ArrayType type = (ArrayType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      ArrayVector[] in = new ArrayVector[args.size()];
      for (int a = 0; a < in.length; a++) in[a] = (ArrayVector) args.get(a).evaluate(batch);
      boolean[] nulls = Args.nulls(n, in);
      ArrayVector out = new ArrayVector(type, n);
      ColumnVector el = out.elements();
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        for (ArrayVector v : in) {
          ColumnVector src = v.elements();
          for (int e = v.start(i), end = e + v.length(i); e < end; e++) el.appendFrom(src, e);
        }
        out.commitRow();
      }
      return out;
    };
  }

  /** reverse of an array: its elements in reverse order. */
  static VectorEvaluator reverse(VectorEvaluator arg) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector in = (ArrayVector) arg.evaluate(batch);
      ArrayVector out = new ArrayVector((ArrayType) in.type(), n);
      ColumnVector el = out.elements();
      ColumnVector src = in.elements();
      for (int i = 0; i < n; i++) {
        if (in.isNullAt(i)) {
          out.appendNull();
          continue;
        }
        for (int e = in.start(i) + in.length(i) - 1; e >= in.start(i); e--) el.appendFrom(src, e);
        out.commitRow();
      }
      return out;
    };
  }
}
