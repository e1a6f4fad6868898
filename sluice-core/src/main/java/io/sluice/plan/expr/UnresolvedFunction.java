package io.sluice.plan.expr;

import java.util.List;

/** A call by name, looked up in the function registry by the analyzer. */
public record UnresolvedFunction(String name, List<Expression> arguments, boolean distinct)
    implements Unresolved {

  public UnresolvedFunction {
    arguments = List.copyOf(arguments);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new UnresolvedFunction(name, children, distinct);
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder(name).append('(');
    if (distinct) sb.append("DISTINCT ");
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(arguments.get(i).sql());
    }
    return sb.append(')').toString();
  }

  /** Spark's form in plans: {@code 'count(1)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("'").append(name).append('(');
    if (distinct) sb.append("distinct ");
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(arguments.get(i));
    }
    return sb.append(')').toString();
  }
}
