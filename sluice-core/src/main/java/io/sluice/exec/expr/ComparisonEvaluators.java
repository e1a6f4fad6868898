package io.sluice.exec.expr;

import io.sluice.exec.expr.RowComparators.RowComparator;
import io.sluice.exec.vector.BooleanVector;
import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Comparison.Op;
import io.sluice.plan.expr.Literal;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.NullType;

/**
 * Evaluators of {@link Comparison}: a null operand gives null, except for {@code <=>}, which is
 * true for two nulls and false for one. Longs, ints and doubles run in tight loops; other types go
 * through {@link RowComparators}.
 */
final class ComparisonEvaluators {
  private ComparisonEvaluators() {}

  static VectorEvaluator compile(
      Comparison e, VectorEvaluator left, VectorEvaluator right, ResultBuffer buf) {
    if (e.left().dataType() instanceof MapType) {
      throw EvalErrors.unsupported(e.sql() + ": map values cannot be compared");
    }
    Op op = e.op();
    boolean leftVoid = e.left().dataType() instanceof NullType;
    if (leftVoid || e.right().dataType() instanceof NullType) {
      // Comparing with an untyped NULL: null, or for <=> whether the other side is null too.
      if (op != Op.NULL_SAFE_EQ)
        return batch -> Vectors.allNulls(DataTypes.BooleanType, batch.numRows());
      VectorEvaluator other = leftVoid ? right : left;
      return LogicEvaluators.isNull(other, false, buf);
    }
    VectorEvaluator constant = withConstant(e, left, buf);
    if (constant != null) return constant;
    return batch -> {
      int n = batch.numRows();
      ColumnVector lv = left.evaluate(batch);
      ColumnVector rv = right.evaluate(batch);
      boolean[] out = buf.booleans(n);
      compare(op, lv, rv, out, n);
      boolean[] ln = Vectors.nulls(lv, n);
      boolean[] rn = Vectors.nulls(rv, n);
      boolean[] nulls;
      if (op == Op.NULL_SAFE_EQ) {
        nulls = null;
        if (ln != null || rn != null) {
          for (int i = 0; i < n; i++) {
            boolean a = ln != null && ln[i];
            boolean b = rn != null && rn[i];
            if (a || b) out[i] = a && b;
          }
        }
      } else {
        nulls = buf.union(ln, rn, n);
      }
      return new BooleanVector(DataTypes.BooleanType, out, nulls, n);
    };
  }

  /**
   * {@code column op constant} for a non-null integral constant of the column's own long- or
   * int-backed type: one array read per row. Null otherwise. {@code <=>} with a non-null constant
   * is {@code =} with null rows false.
   */
  private static VectorEvaluator withConstant(
      Comparison e, VectorEvaluator left, ResultBuffer buf) {
    if (!(e.right() instanceof Literal lit)
        || !(lit.value() instanceof Number num)
        || lit.value() instanceof Double
        || lit.value() instanceof Float
        || lit.value() instanceof java.math.BigDecimal
        || !e.left().dataType().equals(lit.dataType())) {
      return null;
    }
    Op op = e.op();
    boolean nullSafe = op == Op.NULL_SAFE_EQ;
    long c = num.longValue();
    ColumnVector probe = ColumnVector.allocate(lit.dataType(), 1);
    if (!(probe instanceof LongVector) && !(probe instanceof IntVector)) return null;
    return batch -> {
      int n = batch.numRows();
      ColumnVector lv = left.evaluate(batch);
      boolean[] out = buf.booleans(n);
      if (lv instanceof LongVector a) {
        longs(op, a.values(), c, out, n);
      } else {
        ints(op, ((IntVector) lv).values(), (int) c, out, n);
      }
      boolean[] ln = Vectors.nulls(lv, n);
      if (!nullSafe) return new BooleanVector(DataTypes.BooleanType, out, buf.nulls(ln, n), n);
      if (ln != null) {
        for (int i = 0; i < n; i++) out[i] &= !ln[i];
      }
      return new BooleanVector(DataTypes.BooleanType, out, null, n);
    };
  }

  private static void longs(Op op, long[] a, long c, boolean[] out, int n) {
    switch (op) {
      case EQ, NULL_SAFE_EQ -> {
        for (int i = 0; i < n; i++) out[i] = a[i] == c;
      }
      case LT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] < c;
      }
      case LE -> {
        for (int i = 0; i < n; i++) out[i] = a[i] <= c;
      }
      case GT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] > c;
      }
      case GE -> {
        for (int i = 0; i < n; i++) out[i] = a[i] >= c;
      }
    }
  }

  private static void ints(Op op, int[] a, int c, boolean[] out, int n) {
    switch (op) {
      case EQ, NULL_SAFE_EQ -> {
        for (int i = 0; i < n; i++) out[i] = a[i] == c;
      }
      case LT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] < c;
      }
      case LE -> {
        for (int i = 0; i < n; i++) out[i] = a[i] <= c;
      }
      case GT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] > c;
      }
      case GE -> {
        for (int i = 0; i < n; i++) out[i] = a[i] >= c;
      }
    }
  }

  /** Fills {@code out} with {@code l[i] op r[i]} for every row (null rows hold garbage). */
  static void compare(Op op, ColumnVector lv, ColumnVector rv, boolean[] out, int n) {
    if (lv instanceof LongVector a) {
      longs(op, a.values(), ((LongVector) rv).values(), out, n);
    } else if (lv instanceof IntVector || lv instanceof ShortVector || lv instanceof ByteVector) {
      ints(op, ArithmeticEvaluators.asInts(lv, n), ArithmeticEvaluators.asInts(rv, n), out, n);
    } else if (lv instanceof DoubleVector a) {
      doubles(op, a.values(), ((DoubleVector) rv).values(), out, n);
    } else {
      generic(op, lv, rv, out, n);
    }
  }

  private static void generic(Op op, ColumnVector lv, ColumnVector rv, boolean[] out, int n) {
    RowComparator c = RowComparators.of(lv, rv);
    for (int i = 0; i < n; i++) {
      if (lv.isNullAt(i) || rv.isNullAt(i)) {
        out[i] = false;
        continue;
      }
      int r = c.compare(i, i);
      out[i] =
          switch (op) {
            case EQ, NULL_SAFE_EQ -> r == 0;
            case LT -> r < 0;
            case LE -> r <= 0;
            case GT -> r > 0;
            case GE -> r >= 0;
          };
    }
  }

  private static void longs(Op op, long[] a, long[] b, boolean[] out, int n) {
    switch (op) {
      case EQ, NULL_SAFE_EQ -> {
        for (int i = 0; i < n; i++) out[i] = a[i] == b[i];
      }
      case LT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] < b[i];
      }
      case LE -> {
        for (int i = 0; i < n; i++) out[i] = a[i] <= b[i];
      }
      case GT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] > b[i];
      }
      case GE -> {
        for (int i = 0; i < n; i++) out[i] = a[i] >= b[i];
      }
    }
  }

  private static void ints(Op op, int[] a, int[] b, boolean[] out, int n) {
    switch (op) {
      case EQ, NULL_SAFE_EQ -> {
        for (int i = 0; i < n; i++) out[i] = a[i] == b[i];
      }
      case LT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] < b[i];
      }
      case LE -> {
        for (int i = 0; i < n; i++) out[i] = a[i] <= b[i];
      }
      case GT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] > b[i];
      }
      case GE -> {
        for (int i = 0; i < n; i++) out[i] = a[i] >= b[i];
      }
    }
  }

  /** Doubles under Spark's order: NaN equals NaN and is greater than any other value. */
  private static void doubles(Op op, double[] a, double[] b, boolean[] out, int n) {
    switch (op) {
      case EQ, NULL_SAFE_EQ -> {
        for (int i = 0; i < n; i++) {
          double x = a[i];
          double y = b[i];
          out[i] = x == y || (x != x && y != y);
        }
      }
      case LT -> {
        for (int i = 0; i < n; i++) {
          double x = a[i];
          double y = b[i];
          out[i] = x < y || (x == x && y != y);
        }
      }
      case LE -> {
        for (int i = 0; i < n; i++) {
          double x = a[i];
          double y = b[i];
          out[i] = x <= y || y != y;
        }
      }
      case GT -> {
        for (int i = 0; i < n; i++) {
          double x = a[i];
          double y = b[i];
          out[i] = x > y || (x != x && y == y);
        }
      }
      case GE -> {
        for (int i = 0; i < n; i++) {
          double x = a[i];
          double y = b[i];
          out[i] = x >= y || x != x;
        }
      }
    }
  }
}
