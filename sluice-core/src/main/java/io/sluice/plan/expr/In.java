package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/** {@code value IN (list...)} with SQL's null semantics. */
public record In(Expression value, List<Expression> list) implements Expression {
  public In {
    list = List.copyOf(list);
  }

  @Override
  public List<Expression> children() {
    List<Expression> c = new ArrayList<>(list.size() + 1);
    c.add(value);
    c.addAll(list);
    return c;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new In(c.get(0), c.subList(1, c.size()));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    if (value.nullable()) return true;
    for (Expression e : list) {
      if (e.nullable()) return true;
    }
    return false;
  }

  @Override
  public boolean foldable() {
    return children().stream().allMatch(Expression::foldable);
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("(").append(value.sql()).append(" IN (");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(list.get(i).sql());
    }
    return sb.append("))").toString();
  }
}
