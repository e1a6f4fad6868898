/**
 * Aggregate function state for hash aggregation: one {@link
 * io.sluice.exec.operator.agg.Accumulator} per aggregate call and task, with primitive arrays
 * indexed by group id, updated a batch at a time (count, sum, avg, min, max with Spark's result
 * types and ANSI overflow rules).
 */
package io.sluice.exec.operator.agg;
