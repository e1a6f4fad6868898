/**
 * Aggregate function state for hash aggregation: one {@link
 * io.sluice.exec.operator.agg.Accumulator} per aggregate call and task, with primitive arrays
 * indexed by group id, updated a batch at a time (count, sum, avg, min, max with Spark's result
 * types and ANSI overflow rules). The function library's aggregates keep mergeable partial state
 * the same way: moments and co-moments in double arrays, first/last/min_by/max_by values in typed
 * per-group stores, collected values in one shared vector chained per group, one byte per
 * HyperLogLog++ register, and one Greenwald-Khanna quantile summary per group.
 */
package io.sluice.exec.operator.agg;
