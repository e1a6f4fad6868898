package io.sluice.plan.logical;

import io.sluice.plan.expr.LeafExpression;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;

/** {@code EXISTS (SELECT ...)}: true when the subquery has a row (never null). */
public record Exists(LogicalPlan plan) implements SubqueryExpression, LeafExpression {
  @Override
  public Exists withPlan(LogicalPlan p) {
    return new Exists(p);
  }

  @Override
  public boolean resolved() {
    return plan.resolved();
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return "exists(" + outerSql() + ")";
  }

  @Override
  public String toString() {
    return "exists [" + outerSql() + "]";
  }
}
