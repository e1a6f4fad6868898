package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.util.List;

/**
 * {@code left op right} for numbers (after coercion both sides have one type, except decimals,
 * whose result precision and scale follow Spark's rules).
 */
public record BinaryArithmetic(Op op, Expression left, Expression right, EvalMode evalMode)
    implements Expression {

  /** The arithmetic operators and their SQL symbols. */
  public enum Op {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    INTEGRAL_DIVIDE("div"),
    REMAINDER("%"),
    PMOD("pmod");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new BinaryArithmetic(op, c.get(0), c.get(1), evalMode);
  }

  @Override
  public DataType dataType() {
    DataType l = left.dataType();
    DataType r = right.dataType();
    if (op == Op.INTEGRAL_DIVIDE) {
      return DataTypes.LongType;
    }
    if (l instanceof DecimalType a && r instanceof DecimalType b) {
      return decimalResult(op, a, b);
    }
    return l;
  }

  /** Spark's result type of a decimal operation (precision loss allowed). */
  public static DecimalType decimalResult(Op op, DecimalType a, DecimalType b) {
    int p1 = a.precision();
    int s1 = a.scale();
    int p2 = b.precision();
    int s2 = b.scale();
    switch (op) {
      case ADD, SUBTRACT:
        {
          int scale = Math.max(s1, s2);
          int range = Math.max(p1 - s1, p2 - s2);
          return DecimalType.adjustPrecisionScale(range + scale + 1, scale);
        }
      case MULTIPLY:
        return DecimalType.adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
      case DIVIDE:
        {
          int scale = Math.max(6, s1 + p2 + 1);
          int precision = p1 - s1 + s2 + scale;
          return DecimalType.adjustPrecisionScale(precision, scale);
        }
      case REMAINDER, PMOD:
        {
          int scale = Math.max(s1, s2);
          return DecimalType.adjustPrecisionScale(Math.min(p1 - s1, p2 - s2) + scale, scale);
        }
      case INTEGRAL_DIVIDE:
        return new DecimalType(20, 0);
    }
    throw new IllegalStateException(op.toString());
  }

  @Override
  public boolean nullable() {
    return left.nullable()
        || right.nullable()
        || evalMode != EvalMode.ANSI
        || op == Op.DIVIDE
        || op == Op.INTEGRAL_DIVIDE
        || op == Op.REMAINDER
        || op == Op.PMOD;
  }

  @Override
  public boolean foldable() {
    return left.foldable() && right.foldable();
  }

  @Override
  public String sql() {
    if (op == Op.PMOD) {
      return "pmod(" + left.sql() + ", " + right.sql() + ")";
    }
    String sym = evalMode == EvalMode.TRY ? null : op.symbol();
    if (sym == null) {
      String fn =
          switch (op) {
            case ADD -> "try_add";
            case SUBTRACT -> "try_subtract";
            case MULTIPLY -> "try_multiply";
            case DIVIDE -> "try_divide";
            default -> op.name().toLowerCase(java.util.Locale.ROOT);
          };
      return fn + "(" + left.sql() + ", " + right.sql() + ")";
    }
    return "(" + left.sql() + " " + sym + " " + right.sql() + ")";
  }

  @Override
  public String toString() {
    return sql();
  }
}
