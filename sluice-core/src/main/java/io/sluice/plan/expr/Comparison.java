package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.List;

/** A comparison of two values of one (coerced) type. */
public record Comparison(Op op, Expression left, Expression right) implements Expression {

  /** Comparison operators; {@code NULL_SAFE_EQ} is {@code <=>} (never null). */
  public enum Op {
    EQ("="),
    NULL_SAFE_EQ("<=>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** The operator with sides swapped: {@code a < b} is {@code b > a}. */
    public Op flip() {
      return switch (this) {
        case EQ -> EQ;
        case NULL_SAFE_EQ -> NULL_SAFE_EQ;
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
      };
    }
  }

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new Comparison(op, c.get(0), c.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return op != Op.NULL_SAFE_EQ && (left.nullable() || right.nullable());
  }

  @Override
  public boolean foldable() {
    return left.foldable() && right.foldable();
  }

  @Override
  public String sql() {
    return "(" + left.sql() + " " + op.symbol() + " " + right.sql() + ")";
  }

  @Override
  public String toString() {
    return sql();
  }
}
