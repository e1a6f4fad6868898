package io.sluice.plan.expr;

import io.sluice.types.DataType;

/**
 * A column of the enclosing query read inside a correlated subquery ({@code t.k} in {@code EXISTS
 * (SELECT 1 FROM u WHERE u.k = t.k)}). It is a leaf: the subquery's own operators do not read it
 * from their input, so it is not among their {@link Expression#references()}; the optimizer turns
 * the predicates holding it into join conditions.
 */
public record OuterReference(AttributeReference attribute) implements LeafExpression {
  @Override
  public DataType dataType() {
    return attribute.dataType();
  }

  @Override
  public boolean nullable() {
    return attribute.nullable();
  }

  @Override
  public String sql() {
    return attribute.sql();
  }

  @Override
  public String toString() {
    return "outer(" + attribute + ")";
  }
}
