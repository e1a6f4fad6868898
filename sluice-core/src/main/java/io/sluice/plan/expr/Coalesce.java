package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.List;

/** The first non-null of the arguments (all of one coerced type). */
public record Coalesce(List<Expression> arguments) implements Expression {
  public Coalesce {
    arguments = List.copyOf(arguments);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new Coalesce(c);
  }

  @Override
  public DataType dataType() {
    return arguments.get(0).dataType();
  }

  @Override
  public boolean nullable() {
    return arguments.stream().allMatch(Expression::nullable);
  }

  @Override
  public boolean foldable() {
    return arguments.stream().allMatch(Expression::foldable);
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("coalesce(");
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(arguments.get(i).sql());
    }
    return sb.append(')').toString();
  }
}
