package io.sluice.analysis;

import io.sluice.plan.logical.LogicalPlan;

/**
 * One resolution step of the analyzer. A rule returns the same instance when it has nothing to do;
 * the analyzer repeats all rules until none changes the plan.
 */
interface AnalyzerRule {
  LogicalPlan apply(LogicalPlan plan);
}
