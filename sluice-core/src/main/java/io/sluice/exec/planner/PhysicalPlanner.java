package io.sluice.exec.planner;

import io.sluice.config.SQLConf;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.plan.logical.LogicalPlan;

/** Chooses a physical operator for each node of an optimized logical plan. */
public final class PhysicalPlanner {
  private final SQLConf conf;

  public PhysicalPlanner(SQLConf conf) {
    this.conf = conf;
  }

  public PhysicalOperator plan(LogicalPlan plan) {
    throw new UnsupportedOperationException("Planner skeleton: no operator for "
        + plan.nodeName() + " (" + conf.shufflePartitions() + " partitions)");
  }
}
