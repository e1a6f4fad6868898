package io.sluice.plan.logical;

import io.sluice.plan.expr.Expression;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.List;

/**
 * {@code value IN (SELECT c FROM ...)}: true when some row of the subquery equals the value; else
 * null when the value is null or the subquery has a null (and is not empty); else false. The values
 * are expression children; the subquery has as many columns as there are values.
 */
public record InSubquery(List<Expression> values, LogicalPlan plan) implements SubqueryExpression {
  public InSubquery {
    values = List.copyOf(values);
  }

  @Override
  public InSubquery withPlan(LogicalPlan p) {
    return new InSubquery(values, p);
  }

  @Override
  public List<Expression> children() {
    return values;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new InSubquery(c, plan);
  }

  @Override
  public boolean resolved() {
    return plan.resolved() && SubqueryExpression.super.resolved();
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  /** Null when a value or a subquery column may be null. */
  @Override
  public boolean nullable() {
    if (values.stream().anyMatch(Expression::nullable)) return true;
    return !plan.resolved() || plan.output().stream().anyMatch(a -> a.nullable());
  }

  @Override
  public String sql() {
    String v =
        values.size() == 1
            ? values.get(0).sql()
            : "named_struct("
                + String.join(", ", values.stream().map(Expression::sql).toList())
                + ")";
    return "(" + v + " IN (listquery(" + outerSql() + ")))";
  }

  @Override
  public String toString() {
    return values + " IN (list [" + outerSql() + "])";
  }
}
