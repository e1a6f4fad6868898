package io.sluice.optimizer;

import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.LogicalPlan;

/**
 * A rule that rewrites the expressions of every plan node (bottom-up over the plan), leaving the
 * plan's shape alone. Nodes whose expressions do not change are kept as they are.
 */
public abstract class ExpressionRule implements Rule {

  /**
   * Rewrites one top-level expression of {@code node} (a projection item, a condition, a sort
   * key...). Must return {@code e} itself when nothing changes, and keep named expressions named
   * (an {@code Alias} stays an {@code Alias} with its name and id).
   */
  protected abstract Expression rewrite(Expression e, LogicalPlan node);

  @Override
  public final LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(this::rewriteNode);
  }

  private LogicalPlan rewriteNode(LogicalPlan node) {
    if (node.expressions().isEmpty()) return node;
    boolean[] changed = {false};
    LogicalPlan next =
        node.mapExpressions(
            e -> {
              Expression r = rewrite(e, node);
              if (r != e) changed[0] = true;
              return r;
            });
    return changed[0] ? next : node;
  }
}
