package io.sluice.plan.expr;

import java.util.List;

/**
 * {@code function OVER w}: a window function over a window named in the query's {@code WINDOW}
 * clause, as the SQL parser builds it before it substitutes the definition.
 */
public record UnresolvedWindowExpression(Expression function, String windowName)
    implements Unresolved {

  @Override
  public List<Expression> children() {
    return List.of(function);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new UnresolvedWindowExpression(c.get(0), windowName);
  }

  @Override
  public String sql() {
    return function.sql() + " OVER " + windowName;
  }
}
