package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.MapType;
import java.util.List;

/** {@code map[key]}: the value for a key, or null when absent. */
public record GetMapValue(Expression child, Expression key) implements Expression {
  @Override
  public List<Expression> children() {
    return List.of(child, key);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new GetMapValue(c.get(0), c.get(1));
  }

  @Override
  public DataType dataType() {
    return ((MapType) child.dataType()).valueType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    return child.foldable() && key.foldable();
  }

  @Override
  public String sql() {
    return child.sql() + "[" + key.sql() + "]";
  }
}
