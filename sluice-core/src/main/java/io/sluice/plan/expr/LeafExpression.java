package io.sluice.plan.expr;

import java.util.List;

/** An expression without children. */
public interface LeafExpression extends Expression {
  @Override
  default List<Expression> children() {
    return List.of();
  }

  @Override
  default Expression withChildren(List<Expression> children) {
    if (!children.isEmpty()) throw new IllegalArgumentException("leaf has no children");
    return this;
  }
}
