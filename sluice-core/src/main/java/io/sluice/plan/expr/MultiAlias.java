package io.sluice.plan.expr;

import java.util.List;

/**
 * Names the several columns of a generator: {@code posexplode(a) AS (p, v)}, or (with no names) the
 * generator's default column names. The analyzer replaces it when it extracts the generator; it is
 * never resolved itself.
 */
public record MultiAlias(Expression child, List<String> names) implements UnresolvedNamed {
  public MultiAlias {
    names = List.copyOf(names);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new MultiAlias(children.get(0), names);
  }

  @Override
  public String name() {
    return String.join(", ", names);
  }

  @Override
  public String sql() {
    return child.sql() + " AS (" + String.join(", ", names) + ")";
  }

  @Override
  public String toString() {
    return child + " AS " + names;
  }
}
