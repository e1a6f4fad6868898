package io.sluice.plan.expr;

import java.util.List;

/**
 * An output column without a user-given name; the analyzer names it after the resolved expression's
 * {@link Expression#sql()}, as Spark does ({@code (a + 1)}, {@code count(1)}).
 */
public record UnresolvedAlias(Expression child) implements UnresolvedNamed {
  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new UnresolvedAlias(children.get(0));
  }

  @Override
  public String name() {
    return child.sql();
  }

  @Override
  public String sql() {
    return child.sql();
  }

  /** Spark's form in plans: {@code unresolvedalias((a + 1))}. */
  @Override
  public String toString() {
    return "unresolvedalias(" + child + ")";
  }
}
