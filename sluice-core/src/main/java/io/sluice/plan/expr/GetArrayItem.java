package io.sluice.plan.expr;

import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import java.util.List;

/**
 * {@code array[index]} (0-based). Out of range: null when {@code failOnError} is false, an {@code
 * INVALID_ARRAY_INDEX} error in ANSI mode.
 */
public record GetArrayItem(Expression child, Expression index, boolean failOnError)
    implements Expression {
  @Override
  public List<Expression> children() {
    return List.of(child, index);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new GetArrayItem(c.get(0), c.get(1), failOnError);
  }

  @Override
  public DataType dataType() {
    return ((ArrayType) child.dataType()).elementType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    return child.foldable() && index.foldable();
  }

  @Override
  public String sql() {
    return child.sql() + "[" + index.sql() + "]";
  }
}
