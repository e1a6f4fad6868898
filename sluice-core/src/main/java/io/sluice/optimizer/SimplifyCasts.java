package io.sluice.optimizer;

import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.LogicalPlan;

/**
 * Removes casts to the type the value already has.
 *
 * <pre>{@code
 * Project [cast(a#1 as int) AS x#2]     Project [a#1 AS x#2]
 * +- LocalRelation [a#1]          =>    +- LocalRelation [a#1]
 * }</pre>
 */
public final class SimplifyCasts extends ExpressionRule {
  @Override
  protected Expression rewrite(Expression e, LogicalPlan node) {
    return e.transformUp(
        x -> x instanceof Cast c && c.child().dataType().equals(c.dataType()) ? c.child() : x);
  }
}
