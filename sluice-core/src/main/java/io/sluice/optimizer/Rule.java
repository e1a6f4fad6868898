package io.sluice.optimizer;

import io.sluice.plan.logical.LogicalPlan;

/**
 * One rewrite of a logical plan. A rule returns an equivalent plan (same rows, same output
 * attributes at the root), or the very same instance when nothing applies; it must not throw for
 * plans it does not recognise.
 */
@FunctionalInterface
public interface Rule {
  LogicalPlan apply(LogicalPlan plan);

  /** The name shown in logs and errors: the class's simple name. */
  default String ruleName() {
    return getClass().getSimpleName();
  }
}
