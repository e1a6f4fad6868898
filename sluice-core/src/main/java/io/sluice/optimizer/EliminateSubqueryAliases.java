package io.sluice.optimizer;

import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.SubqueryAlias;

/**
 * Removes {@link SubqueryAlias} nodes: after analysis every reference is bound by expression id, so
 * the qualifiers they add are no longer needed.
 *
 * <pre>{@code
 * Project [t.a#1]                 Project [t.a#1]
 * +- SubqueryAlias t        =>    +- LocalRelation [a#1, b#2]
 *    +- LocalRelation [a#1, b#2]
 * }</pre>
 */
public final class EliminateSubqueryAliases implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> p instanceof SubqueryAlias s ? s.child() : p);
  }
}
