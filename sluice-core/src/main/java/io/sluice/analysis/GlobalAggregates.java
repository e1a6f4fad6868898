package io.sluice.analysis;

import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import java.util.List;

/**
 * A projection that calls aggregate functions without a grouping ({@code df.select(sum("x"))})
 * becomes a global aggregate, as in Spark.
 */
final class GlobalAggregates implements AnalyzerRule {
  private final AnalysisContext ctx;

  GlobalAggregates(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p ->
            p instanceof Project pr
                    && ctx.readiness().childrenReady(pr)
                    && Aggregates.containsAggregate(pr.projectList())
                ? new Aggregate(List.of(), pr.projectList(), pr.child())
                : p);
  }
}
