package io.sluice.plan.expr;

import java.util.List;

/** Base behaviour of unresolved named nodes. */
interface UnresolvedNamed extends NamedExpression, Unresolved {
  @Override
  default long exprId() {
    throw new IllegalStateException("Invalid call to exprId on unresolved object " + sql());
  }

  @Override
  default List<String> qualifier() {
    return List.of();
  }

  @Override
  default AttributeReference toAttribute() {
    throw new IllegalStateException("Invalid call to toAttribute on unresolved object " + sql());
  }
}
