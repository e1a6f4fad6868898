package io.sluice.plan.expr;

import java.util.List;

/**
 * {@code child[extraction]} or {@code child.field} before the child's type is known: becomes a
 * struct field access, an array index or a map lookup.
 */
public record UnresolvedExtractValue(Expression child, Expression extraction)
    implements Unresolved {
  @Override
  public List<Expression> children() {
    return List.of(child, extraction);
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new UnresolvedExtractValue(c.get(0), c.get(1));
  }

  @Override
  public String sql() {
    return child.sql() + "[" + extraction.sql() + "]";
  }

  /** Spark's form in plans: {@code 's[x]}. */
  @Override
  public String toString() {
    return child + "[" + extraction + "]";
  }
}
