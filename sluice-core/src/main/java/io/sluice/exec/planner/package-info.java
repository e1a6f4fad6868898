/**
 * Physical planning: {@link io.sluice.exec.planner.PhysicalPlanner} turns an optimized, resolved
 * logical plan into a tree of {@link io.sluice.exec.operator.PhysicalOperator}s and inserts the
 * exchanges operators need (hash partitioning for aggregation, deduplication and shuffled joins, a
 * single partition for global sort and limit).
 */
package io.sluice.exec.planner;
