package io.sluice.exec.expr;

import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.Literal;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.StringType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SQL's three-valued logic: {@code AND}, {@code OR} (false AND null is false, true OR null is true;
 * the right side is only evaluated where the left does not decide), {@code NOT}, {@code IS [NOT]
 * NULL} and {@code IN}.
 */
final class LogicEvaluators {
  private static final DataType BOOL = DataTypes.BooleanType;

  private LogicEvaluators() {}

  static VectorEvaluator and(VectorEvaluator left, SelectiveEvaluator right, ResultBuffer buf) {
    return connective(true, left, right, buf);
  }

  static VectorEvaluator or(VectorEvaluator left, SelectiveEvaluator right, ResultBuffer buf) {
    return connective(false, left, right, buf);
  }

  /**
   * AND ({@code isAnd}) or OR: the right side is evaluated for the rows the left side leaves
   * undecided (true or null for AND, false or null for OR).
   */
  private static VectorEvaluator connective(
      boolean isAnd, VectorEvaluator left, SelectiveEvaluator right, ResultBuffer buf) {
    ResultBuffer scratch = new ResultBuffer(true);
    return batch -> {
      int n = batch.numRows();
      BooleanVector l = (BooleanVector) left.evaluate(batch);
      boolean[] lv = l.values();
      boolean[] ln = Vectors.nulls(l, n);
      if (ln == null) {
        // common case: no selection to build unless the right side turns out to need one
        int first = 0;
        while (first < n && lv[first] != isAnd) first++;
        if (first == n) return decided(isAnd, n, buf);
        BooleanVector r = (BooleanVector) right.tryAll(batch);
        if (r != null) return combine(isAnd, lv, null, r.values(), Vectors.nulls(r, n), n, buf);
      }
      boolean[] undecided = scratch.booleans(n);
      int count = 0;
      if (ln == null) {
        for (int i = 0; i < n; i++) {
          boolean u = lv[i] == isAnd;
          undecided[i] = u;
          count += u ? 1 : 0;
        }
      } else {
        for (int i = 0; i < n; i++) {
          boolean u = lv[i] == isAnd | ln[i];
          undecided[i] = u;
          count += u ? 1 : 0;
        }
      }
      if (count == 0 && ln == null) return decided(isAnd, n, buf);
      BooleanVector r = (BooleanVector) right.evaluate(batch, undecided, count);
      return combine(isAnd, lv, ln, r.values(), Vectors.nulls(r, n), n, buf);
    };
  }

  /** The answer when the left side alone decided every row: false for AND, true for OR. */
  private static BooleanVector decided(boolean isAnd, int n, ResultBuffer buf) {
    boolean[] out = buf.booleans(n);
    java.util.Arrays.fill(out, 0, n, !isAnd);
    return new BooleanVector(BOOL, out, null, n);
  }

  /** AND ({@code isAnd}) or OR of two boolean columns with Kleene nulls. */
  private static BooleanVector combine(
      boolean isAnd,
      boolean[] lv,
      boolean[] ln,
      boolean[] rv,
      boolean[] rn,
      int n,
      ResultBuffer buf) {
    boolean[] out = buf.booleans(n);
    if (ln == null && rn == null) {
      if (isAnd) {
        for (int i = 0; i < n; i++) out[i] = lv[i] & rv[i];
      } else {
        for (int i = 0; i < n; i++) out[i] = lv[i] | rv[i];
      }
      return new BooleanVector(BOOL, out, null, n);
    }
    boolean[] nulls = buf.mask(n);
    boolean any = false;
    for (int i = 0; i < n; i++) {
      boolean a = ln != null && ln[i];
      boolean b = rn != null && rn[i];
      // The value that decides alone: false for AND, true for OR.
      boolean decides = isAnd ? (!a && !lv[i]) || (!b && !rv[i]) : (!a && lv[i]) || (!b && rv[i]);
      boolean isNull = !decides && (a || b);
      out[i] = decides != isAnd && !isNull;
      nulls[i] = isNull;
      any |= isNull;
    }
    return new BooleanVector(BOOL, out, any ? nulls : null, n);
  }

  static VectorEvaluator not(VectorEvaluator child, ResultBuffer buf) {
    return batch -> {
      int n = batch.numRows();
      BooleanVector v = (BooleanVector) child.evaluate(batch);
      boolean[] a = v.values();
      boolean[] out = buf.booleans(n);
      for (int i = 0; i < n; i++) out[i] = !a[i];
      return new BooleanVector(BOOL, out, buf.nulls(Vectors.nulls(v, n), n), n);
    };
  }

  static VectorEvaluator isNull(VectorEvaluator child, boolean negate, ResultBuffer buf) {
    return batch -> {
      int n = batch.numRows();
      boolean[] m = Vectors.nulls(child.evaluate(batch), n);
      boolean[] out = buf.booleans(n);
      if (m != null) {
        for (int i = 0; i < n; i++) out[i] = m[i] != negate;
      } else {
        java.util.Arrays.fill(out, 0, n, negate);
      }
      return new BooleanVector(BOOL, out, null, n);
    };
  }

  // --- IN ---

  static VectorEvaluator in(In e, VectorEvaluator value, List<VectorEvaluator> list) {
    DataType t = e.value().dataType();
    boolean allLiterals = e.list().stream().allMatch(x -> x instanceof Literal);
    if (allLiterals) {
      List<Object> values = new ArrayList<>();
      boolean hasNull = false;
      for (Expression x : e.list()) {
        Object v = ((Literal) x).value();
        if (v == null) {
          hasNull = true;
        } else {
          values.add(v);
        }
      }
      VectorEvaluator set = literalSet(t, values, hasNull, value);
      if (set != null) return set;
    }
    return batch -> {
      int n = batch.numRows();
      ColumnVector v = value.evaluate(batch);
      boolean[] found = new boolean[Math.max(n, 1)];
      boolean[] sawNull = new boolean[Math.max(n, 1)];
      boolean[] eq = new boolean[Math.max(n, 1)];
      for (VectorEvaluator item : list) {
        ColumnVector w = item.evaluate(batch);
        ComparisonEvaluators.compare(Comparison.Op.EQ, v, w, eq, n);
        for (int i = 0; i < n; i++) {
          if (w.isNullAt(i)) {
            sawNull[i] = true;
          } else {
            found[i] |= eq[i];
          }
        }
      }
      return finishIn(v, found, sawNull, n);
    };
  }

  private static BooleanVector finishIn(ColumnVector v, boolean[] found, boolean[] sawNull, int n) {
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      if (v.isNullAt(i) || (!found[i] && sawNull[i])) {
        if (nulls == null) nulls = new boolean[n];
        nulls[i] = true;
        found[i] = false;
      }
    }
    return new BooleanVector(BOOL, found, nulls, n);
  }

  /** IN over constants: sorted arrays and binary search for longs, ints and strings. */
  private static VectorEvaluator literalSet(
      DataType t, List<Object> values, boolean hasNull, VectorEvaluator value) {
    ColumnVector probe = ColumnVector.allocate(t, 1);
    if (probe instanceof LongVector) {
      long[] keys = values.stream().mapToLong(o -> ((Number) o).longValue()).sorted().toArray();
      return batch -> {
        int n = batch.numRows();
        ColumnVector v = value.evaluate(batch);
        long[] a = ((LongVector) v).values();
        boolean[] found = new boolean[Math.max(n, 1)];
        for (int i = 0; i < n; i++) found[i] = Arrays.binarySearch(keys, a[i]) >= 0;
        return finishIn(v, found, constant(hasNull, n), n);
      };
    }
    if (probe instanceof IntVector) {
      int[] keys = values.stream().mapToInt(o -> ((Number) o).intValue()).sorted().toArray();
      return batch -> {
        int n = batch.numRows();
        ColumnVector v = value.evaluate(batch);
        int[] a = ((IntVector) v).values();
        boolean[] found = new boolean[Math.max(n, 1)];
        for (int i = 0; i < n; i++) found[i] = Arrays.binarySearch(keys, a[i]) >= 0;
        return finishIn(v, found, constant(hasNull, n), n);
      };
    }
    if (t instanceof StringType || t instanceof BinaryType) {
      byte[][] keys =
          values.stream()
              .map(o -> o instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) o)
              .sorted(Arrays::compareUnsigned)
              .toArray(byte[][]::new);
      return batch -> {
        int n = batch.numRows();
        ColumnVector v = value.evaluate(batch);
        BytesVector b = (BytesVector) v;
        boolean[] found = new boolean[Math.max(n, 1)];
        for (int i = 0; i < n; i++) found[i] = containsBytes(keys, b, i);
        return finishIn(v, found, constant(hasNull, n), n);
      };
    }
    return null;
  }

  private static boolean containsBytes(byte[][] keys, BytesVector b, int row) {
    byte[] data = b.data();
    int from = b.start(row);
    int to = from + b.length(row);
    int lo = 0;
    int hi = keys.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Arrays.compareUnsigned(keys[mid], 0, keys[mid].length, data, from, to);
      if (c == 0) return true;
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  private static boolean[] constant(boolean value, int n) {
    boolean[] out = new boolean[Math.max(n, 1)];
    if (value) Arrays.fill(out, true);
    return out;
  }
}
