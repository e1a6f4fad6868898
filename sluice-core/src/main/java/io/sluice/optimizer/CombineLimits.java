package io.sluice.optimizer;

import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LogicalPlan;

/**
 * Merges adjacent limits into the smaller one.
 *
 * <pre>{@code
 * Limit 10
 * +- Limit 5                   => Limit 5
 *    +- LocalRelation [a#1]       +- LocalRelation [a#1]
 * }</pre>
 */
public final class CombineLimits implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p ->
            p instanceof Limit upper && upper.child() instanceof Limit lower
                ? new Limit(Math.min(upper.limit(), lower.limit()), lower.child())
                : p);
  }
}
