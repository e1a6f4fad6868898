package io.sluice.optimizer;

import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;

/**
 * Moves a limit below a deterministic projection, which then computes only the rows kept (a
 * projection neither drops nor reorders rows). Under a sort it lets the planner use a top-k.
 *
 * <pre>{@code
 * Limit 5                         Project [(a#1 + 1) AS x#2]
 * +- Project [(a#1 + 1) AS x#2] => +- Limit 5
 *    +- LocalRelation [a#1]          +- LocalRelation [a#1]
 * }</pre>
 */
public final class LimitPushDown implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(
        p -> {
          if (p instanceof Limit limit
              && limit.child() instanceof Project project
              && project.projectList().stream().allMatch(NamedExpression::deterministic)) {
            return project.withChild(limit.withChild(project.child()));
          }
          return p;
        });
  }
}
