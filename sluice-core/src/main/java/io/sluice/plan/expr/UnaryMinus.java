package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.List;

/** {@code -child}; overflows (e.g. of Long.MIN_VALUE) raise errors in ANSI mode. */
public record UnaryMinus(Expression child, EvalMode evalMode) implements Expression {
  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new UnaryMinus(c.get(0), evalMode);
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public String sql() {
    return "(- " + child.sql() + ")";
  }
}
