package io.sluice.plan.expr;

import java.util.List;

/** An expression that produces a named output column: an attribute or an alias. */
public interface NamedExpression extends Expression {
  String name();

  /** The unique id that identifies this column across the plan. */
  long exprId();

  /** Table or alias qualifiers, e.g. {@code [t]} for {@code t.x}; empty when none. */
  List<String> qualifier();

  /** The attribute that refers to this column in parent plans. */
  AttributeReference toAttribute();
}
