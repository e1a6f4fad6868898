package io.sluice.plan.expr;

import java.util.List;

/** {@code *}, {@code t.*} or {@code struct_col.*}; expanded by the analyzer. */
public record UnresolvedStar(List<String> target) implements UnresolvedNamed, LeafExpression {
  public UnresolvedStar {
    target = List.copyOf(target);
  }

  @Override
  public String name() {
    return sql();
  }

  @Override
  public String sql() {
    return target.isEmpty() ? "*" : String.join(".", target) + ".*";
  }

  @Override
  public String toString() {
    return sql();
  }
}
