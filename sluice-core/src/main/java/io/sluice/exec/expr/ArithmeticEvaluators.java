package io.sluice.exec.expr;

import static io.sluice.exec.expr.ArithmeticKernels.OVERFLOW;
import static io.sluice.exec.expr.ArithmeticKernels.ZERO_DIVISOR;

import io.sluice.exec.vector.ByteVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.FloatVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.exec.vector.ShortVector;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BinaryArithmetic.Op;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.ShortType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;

/**
 * Evaluators of {@link BinaryArithmetic} and {@link UnaryMinus} over primitive vectors; decimals
 * are in {@link DecimalArithmetic}. Nulls propagate (null op x is null); division by zero and
 * overflow follow the node's {@link EvalMode}: ANSI raises Spark's error, TRY yields null, LEGACY
 * yields null for a zero divisor and Java's wrapped value on overflow. Interval and timestamp
 * arithmetic raises on overflow in LEGACY too, as Spark does.
 */
final class ArithmeticEvaluators {
  private ArithmeticEvaluators() {}

  /** How one evaluation resolves a flagged row. */
  private record Policy(boolean throwOnZero, boolean throwOnOverflow, boolean nullOnOverflow) {
    static Policy of(EvalMode mode, boolean strictOverflow) {
      boolean ansi = mode == EvalMode.ANSI;
      boolean tryMode = mode == EvalMode.TRY;
      return new Policy(ansi, !tryMode && (ansi || strictOverflow), tryMode);
    }
  }

  @FunctionalInterface
  private interface RowProblem {
    int at(int row);
  }

  @FunctionalInterface
  private interface RowError {
    RuntimeException at(int row);
  }

  /** True when the evaluator of {@code e} reads its children's results without keeping them. */
  static boolean consumesChildren(BinaryArithmetic e) {
    return !(e.left().dataType() instanceof DecimalType);
  }

  /**
   * The evaluator of {@code e}; {@code buf} supplies its result arrays (ignored for decimals, whose
   * children must then be compiled as durable as the result).
   */
  static VectorEvaluator compile(
      BinaryArithmetic e,
      VectorEvaluator left,
      VectorEvaluator right,
      EvalContext ctx,
      ResultBuffer buf) {
    DataType l = e.left().dataType();
    DataType r = e.right().dataType();
    Op op = e.op();
    EvalMode mode = e.evalMode();
    if (l instanceof DecimalType && r instanceof DecimalType) {
      return DecimalArithmetic.compile(e, left, right, ctx);
    }
    Operands in = new Operands(left, right, constant(e), buf);
    if (op == Op.INTEGRAL_DIVIDE && isIntegral(l) && isIntegral(r)) {
      return longs(op, mode, false, DataTypes.LongType, "long overflow", in);
    }
    if (op == Op.DIVIDE && isIntegral(l)) {
      throw EvalErrors.unsupported(
          e.sql()
              + ": '/' needs double or decimal operands, got "
              + l.sql()
              + " (the analyzer must cast them)");
    }
    if (!sameType(l, r) && !(l instanceof TimestampType && r instanceof DayTimeIntervalType)) {
      throw EvalErrors.unsupported(e.sql() + " over " + l.sql() + " and " + r.sql());
    }
    boolean addOrSub = op == Op.ADD || op == Op.SUBTRACT;
    if (l instanceof LongType) {
      return longs(op, mode, false, l, "long overflow", in);
    }
    if (l instanceof IntegerType || l instanceof ShortType || l instanceof ByteType) {
      return ints(op, mode, l, in);
    }
    if (l instanceof DoubleType || l instanceof FloatType) {
      if (op == Op.INTEGRAL_DIVIDE) {
        throw EvalErrors.unsupported(e.sql() + ": div needs integral or decimal operands");
      }
      return l instanceof DoubleType ? doubles(op, mode, in) : floats(op, mode, in);
    }
    if (addOrSub && (l instanceof DayTimeIntervalType || l instanceof TimestampType)) {
      return longs(op, mode, true, l, "long overflow", in);
    }
    if (addOrSub && l instanceof YearMonthIntervalType) {
      return ints(op, mode, l, in);
    }
    throw EvalErrors.unsupported(e.sql() + " over " + l.sql() + " and " + r.sql());
  }

  /** The children's evaluators, the right operand's value when it is a non-null literal. */
  private record Operands(
      VectorEvaluator left, VectorEvaluator right, Long constant, ResultBuffer buf) {}

  private static Long constant(BinaryArithmetic e) {
    return e.right() instanceof Literal lit
            && lit.value() instanceof Number v
            && !(v instanceof Double || v instanceof Float)
        ? v.longValue()
        : null;
  }

  private static boolean sameType(DataType a, DataType b) {
    return a.getClass() == b.getClass();
  }

  static boolean isIntegral(DataType t) {
    return t instanceof ByteType
        || t instanceof ShortType
        || t instanceof IntegerType
        || t instanceof LongType;
  }

  static String tryFunction(Op op) {
    return switch (op) {
      case ADD -> "try_add";
      case SUBTRACT -> "try_subtract";
      case MULTIPLY -> "try_multiply";
      case DIVIDE, INTEGRAL_DIVIDE -> "try_divide";
      case REMAINDER, PMOD -> "try_mod";
    };
  }

  // --- long-backed: bigint, timestamps, day-time intervals, and div over any integral type ---

  private static VectorEvaluator longs(
      Op op,
      EvalMode mode,
      boolean strict,
      DataType resultType,
      String overflowMessage,
      Operands in) {
    Policy policy = Policy.of(mode, strict);
    String message = op == Op.INTEGRAL_DIVIDE ? "Overflow in integral divide" : overflowMessage;
    String hint = tryFunction(op);
    RowError error = i -> EvalErrors.arithmeticOverflow(message, hint);
    VectorEvaluator left = in.left();
    ResultBuffer buf = in.buf();
    ConstantKernels.LongKernel kernel =
        in.constant() == null ? null : ConstantKernels.longs(op, in.constant());
    if (kernel != null) {
      long c = in.constant();
      return batch -> {
        int n = batch.numRows();
        ColumnVector lv = left.evaluate(batch);
        long[] a = asLongs(lv, n);
        long[] out = buf.longs(n);
        boolean[] nulls = buf.nulls(Vectors.nulls(lv, n), n);
        if (kernel.apply(a, out, n) != 0) {
          nulls = resolve(n, nulls, policy, i -> ArithmeticKernels.longProblem(op, a[i], c), error);
        }
        return new LongVector(resultType, out, nulls, n);
      };
    }
    VectorEvaluator right = in.right();
    return batch -> {
      int n = batch.numRows();
      ColumnVector lv = left.evaluate(batch);
      ColumnVector rv = right.evaluate(batch);
      long[] a = asLongs(lv, n);
      long[] b = asLongs(rv, n);
      long[] out = buf.longs(n);
      boolean[] nulls = buf.union(Vectors.nulls(lv, n), Vectors.nulls(rv, n), n);
      int flags = ArithmeticKernels.longs(op, a, b, out, n);
      if (flags != 0) {
        nulls =
            resolve(n, nulls, policy, i -> ArithmeticKernels.longProblem(op, a[i], b[i]), error);
      }
      return new LongVector(resultType, out, nulls, n);
    };
  }

  // --- int-backed: int, short, byte, year-month intervals ---

  private static VectorEvaluator ints(Op op, EvalMode mode, DataType type, Operands in) {
    boolean strict = type instanceof YearMonthIntervalType;
    Policy policy = Policy.of(mode, strict);
    long lo =
        type instanceof ByteType
            ? Byte.MIN_VALUE
            : type instanceof ShortType ? Short.MIN_VALUE : Integer.MIN_VALUE;
    long hi =
        type instanceof ByteType
            ? Byte.MAX_VALUE
            : type instanceof ShortType ? Short.MAX_VALUE : Integer.MAX_VALUE;
    boolean narrow = type instanceof ByteType || type instanceof ShortType;
    String hint = tryFunction(op);
    VectorEvaluator left = in.left();
    ResultBuffer buf = in.buf();
    ConstantKernels.IntKernel kernel =
        in.constant() == null ? null : ConstantKernels.ints(op, in.constant(), lo, hi);
    if (kernel != null) {
      int c = (int) (long) in.constant();
      return batch -> {
        int n = batch.numRows();
        ColumnVector lv = left.evaluate(batch);
        int[] a = asInts(lv, n);
        int[] out = buf.ints(n);
        boolean[] nulls = buf.nulls(Vectors.nulls(lv, n), n);
        if (kernel.apply(a, out, n) != 0) {
          nulls =
              resolve(
                  n,
                  nulls,
                  policy,
                  i -> ArithmeticKernels.intProblem(op, a[i], c, lo, hi),
                  i -> intOverflow(op, type, narrow, a[i], c, hint));
        }
        return fromInts(type, out, nulls, n);
      };
    }
    VectorEvaluator right = in.right();
    return batch -> {
      int n = batch.numRows();
      ColumnVector lv = left.evaluate(batch);
      ColumnVector rv = right.evaluate(batch);
      int[] a = asInts(lv, n);
      int[] b = asInts(rv, n);
      int[] out = buf.ints(n);
      boolean[] nulls = buf.union(Vectors.nulls(lv, n), Vectors.nulls(rv, n), n);
      int flags = ArithmeticKernels.ints(op, a, b, out, n, lo, hi);
      if (flags != 0) {
        nulls =
            resolve(
                n,
                nulls,
                policy,
                i -> ArithmeticKernels.intProblem(op, a[i], b[i], lo, hi),
                i -> intOverflow(op, type, narrow, a[i], b[i], hint));
      }
      return fromInts(type, out, nulls, n);
    };
  }

  private static RuntimeException intOverflow(
      Op op, DataType type, boolean narrow, int a, int b, String hint) {
    return narrow
        ? EvalErrors.binaryOverflow(
            SqlValues.sql(a, type, null), op.symbol(), SqlValues.sql(b, type, null), hint)
        : EvalErrors.arithmeticOverflow("integer overflow", hint);
  }

  // --- floating point ---

  private static VectorEvaluator doubles(Op op, EvalMode mode, Operands in) {
    Policy policy = Policy.of(mode, false);
    VectorEvaluator left = in.left();
    VectorEvaluator right = in.right();
    ResultBuffer buf = in.buf();
    return batch -> {
      int n = batch.numRows();
      ColumnVector lv = left.evaluate(batch);
      ColumnVector rv = right.evaluate(batch);
      double[] a = ((DoubleVector) lv).values();
      double[] b = ((DoubleVector) rv).values();
      double[] out = buf.doubles(n);
      boolean[] nulls = buf.union(Vectors.nulls(lv, n), Vectors.nulls(rv, n), n);
      if (ArithmeticKernels.doubles(op, a, b, out, n) != 0) {
        nulls = resolve(n, nulls, policy, i -> b[i] == 0 ? ZERO_DIVISOR : 0, i -> null);
      }
      return new DoubleVector(DataTypes.DoubleType, out, nulls, n);
    };
  }

  private static VectorEvaluator floats(Op op, EvalMode mode, Operands in) {
    Policy policy = Policy.of(mode, false);
    VectorEvaluator left = in.left();
    VectorEvaluator right = in.right();
    ResultBuffer buf = in.buf();
    return batch -> {
      int n = batch.numRows();
      ColumnVector lv = left.evaluate(batch);
      ColumnVector rv = right.evaluate(batch);
      float[] a = ((FloatVector) lv).values();
      float[] b = ((FloatVector) rv).values();
      float[] out = buf.floats(n);
      boolean[] nulls = buf.union(Vectors.nulls(lv, n), Vectors.nulls(rv, n), n);
      if (ArithmeticKernels.floats(op, a, b, out, n) != 0) {
        nulls = resolve(n, nulls, policy, i -> b[i] == 0 ? ZERO_DIVISOR : 0, i -> null);
      }
      return new FloatVector(DataTypes.FloatType, out, nulls, n);
    };
  }

  /**
   * Revisits non-null rows: a zero divisor raises (ANSI) or nulls the row; an overflow raises,
   * nulls the row or keeps the wrapped value, as the policy says. Returns the final null mask.
   */
  private static boolean[] resolve(
      int n, boolean[] nulls, Policy policy, RowProblem problem, RowError overflowError) {
    boolean[] out = nulls;
    boolean copied = false;
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) continue;
      int p = problem.at(i);
      if (p == 0) continue;
      if (p == ZERO_DIVISOR) {
        if (policy.throwOnZero()) throw EvalErrors.divideByZero();
      } else if (p == OVERFLOW) {
        if (policy.throwOnOverflow()) throw overflowError.at(i);
        if (!policy.nullOnOverflow()) continue;
      }
      if (!copied) {
        out = Vectors.copyOrNew(nulls, n);
        copied = true;
      }
      out[i] = true;
    }
    return out;
  }

  // --- unary minus ---

  static boolean consumesChild(UnaryMinus e) {
    return !(e.dataType() instanceof DecimalType);
  }

  /** The evaluator of {@code e}; {@code buf} supplies its result arrays (not for decimals). */
  static VectorEvaluator unaryMinus(UnaryMinus e, VectorEvaluator child, ResultBuffer buf) {
    DataType t = e.dataType();
    EvalMode mode = e.evalMode();
    if (t instanceof DecimalType) return DecimalArithmetic.negate(child);
    if (t instanceof DoubleType) {
      return batch -> {
        int n = batch.numRows();
        ColumnVector v = child.evaluate(batch);
        double[] a = ((DoubleVector) v).values();
        double[] out = buf.doubles(n);
        for (int i = 0; i < n; i++) out[i] = -a[i];
        return new DoubleVector(t, out, buf.nulls(Vectors.nulls(v, n), n), n);
      };
    }
    if (t instanceof FloatType) {
      return batch -> {
        int n = batch.numRows();
        ColumnVector v = child.evaluate(batch);
        float[] a = ((FloatVector) v).values();
        float[] out = buf.floats(n);
        for (int i = 0; i < n; i++) out[i] = -a[i];
        return new FloatVector(t, out, buf.nulls(Vectors.nulls(v, n), n), n);
      };
    }
    boolean strict = t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType;
    Policy policy = Policy.of(mode, strict);
    if (t instanceof LongType || t instanceof DayTimeIntervalType) {
      return batch -> {
        int n = batch.numRows();
        ColumnVector v = child.evaluate(batch);
        long[] a = ((LongVector) v).values();
        long[] out = buf.longs(n);
        boolean over = false;
        for (int i = 0; i < n; i++) {
          over |= a[i] == Long.MIN_VALUE;
          out[i] = -a[i];
        }
        boolean[] nulls = buf.nulls(Vectors.nulls(v, n), n);
        if (over) {
          nulls =
              resolve(
                  n,
                  nulls,
                  policy,
                  i -> a[i] == Long.MIN_VALUE ? OVERFLOW : 0,
                  i -> EvalErrors.arithmeticOverflow("long overflow", ""));
        }
        return new LongVector(t, out, nulls, n);
      };
    }
    if (t instanceof IntegerType
        || t instanceof ShortType
        || t instanceof ByteType
        || t instanceof YearMonthIntervalType) {
      int min =
          t instanceof ByteType
              ? Byte.MIN_VALUE
              : t instanceof ShortType ? Short.MIN_VALUE : Integer.MIN_VALUE;
      boolean narrow = t instanceof ByteType || t instanceof ShortType;
      return batch -> {
        int n = batch.numRows();
        ColumnVector v = child.evaluate(batch);
        int[] a = asInts(v, n);
        int[] out = buf.ints(n);
        boolean over = false;
        for (int i = 0; i < n; i++) {
          over |= a[i] == min;
          out[i] = -a[i];
        }
        boolean[] nulls = buf.nulls(Vectors.nulls(v, n), n);
        if (over) {
          nulls =
              resolve(
                  n,
                  nulls,
                  policy,
                  i -> a[i] == min ? OVERFLOW : 0,
                  i ->
                      EvalErrors.arithmeticOverflow(
                          narrow
                              ? "- " + SqlValues.sql(a[i], t, null) + " caused overflow"
                              : "integer overflow",
                          ""));
        }
        return fromInts(t, out, nulls, n);
      };
    }
    throw EvalErrors.unsupported(e.sql() + " over " + t.sql());
  }

  // --- widening and narrowing of int-backed vectors ---

  /** The values of a byte, short or int-backed vector as ints (the vector's own array if int). */
  static int[] asInts(ColumnVector v, int n) {
    if (v instanceof IntVector iv) return iv.values();
    int[] out = new int[Math.max(n, 1)];
    if (v instanceof ShortVector sv) {
      short[] a = sv.values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    } else {
      byte[] a = ((ByteVector) v).values();
      for (int i = 0; i < n; i++) out[i] = a[i];
    }
    return out;
  }

  /** The values of any integral vector as longs (the vector's own array if long-backed). */
  static long[] asLongs(ColumnVector v, int n) {
    if (v instanceof LongVector lv) return lv.values();
    int[] a = asInts(v, n);
    long[] out = new long[Math.max(n, 1)];
    for (int i = 0; i < n; i++) out[i] = a[i];
    return out;
  }

  /** A vector of {@code type} (byte, short or int-backed) from int values, narrowing (wraps). */
  static ColumnVector fromInts(DataType type, int[] values, boolean[] nulls, int n) {
    if (type instanceof ByteType) {
      byte[] out = new byte[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = (byte) values[i];
      return new ByteVector(type, out, nulls, n);
    }
    if (type instanceof ShortType) {
      short[] out = new short[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = (short) values[i];
      return new ShortVector(type, out, nulls, n);
    }
    return new IntVector(type, values, nulls, n);
  }
}
