package io.sluice.optimizer;

import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code distinct()} into an aggregate grouping by every column, so the physical planner
 * needs only the hash aggregate. ({@code dropDuplicates}, a {@code Deduplicate}, keeps the first
 * row per key and is left to the physical planner.)
 *
 * <pre>{@code
 * Distinct                        Aggregate [a#1, b#2], [a#1, b#2]
 * +- LocalRelation [a#1, b#2]  => +- LocalRelation [a#1, b#2]
 * }</pre>
 */
public final class ReplaceDistinctWithAggregate implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (!(p instanceof Distinct d)) return p;
          List<Expression> keys = new ArrayList<>(d.child().output());
          List<NamedExpression> out = new ArrayList<>(d.child().output());
          return new Aggregate(keys, out, d.child());
        });
  }
}
