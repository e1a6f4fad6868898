package io.sluice.plan.logical;

import io.sluice.plan.expr.LeafExpression;
import io.sluice.types.DataType;

/**
 * {@code (SELECT max(x) FROM t)}: the single value of a one-column subquery, null when it has no
 * row; more than one row is an error ({@code SCALAR_SUBQUERY_TOO_MANY_ROWS}). A correlated scalar
 * subquery must aggregate, so it has one row per value of the enclosing row.
 */
public record ScalarSubquery(LogicalPlan plan) implements SubqueryExpression, LeafExpression {
  @Override
  public ScalarSubquery withPlan(LogicalPlan p) {
    return new ScalarSubquery(p);
  }

  @Override
  public boolean resolved() {
    return plan.resolved();
  }

  @Override
  public DataType dataType() {
    return plan.output().get(0).dataType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public String sql() {
    return "scalarsubquery(" + outerSql() + ")";
  }

  @Override
  public String toString() {
    return "scalar-subquery [" + outerSql() + "]";
  }
}
