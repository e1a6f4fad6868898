/**
 * Physical operators over column batches: scans ({@code LocalTableScan}, {@code Range}, {@code
 * BatchScan}), {@code Project}, {@code Filter}, {@code HashAggregate} (partial, final, complete),
 * {@code Exchange} (hash, single, round-robin; adaptive coalescing), {@code Coalesce}, hash and
 * nested loop joins, {@code Sort}, limits, {@code Union} and {@code Deduplicate}. Each operator is
 * immutable; a partition runs as one task and pulls batches from its children through {@link
 * io.sluice.exec.vector.BatchIterator}s. Expressions are bound once per operator and compiled once
 * per task. A consumer that finishes each batch before pulling the next uses {@code
 * executeTransient}, which lets range, filter, project and joins refill reused buffers ({@code
 * ReusableGather}).
 *
 * <p>Sub-packages hold the vectorized machinery: {@code hash} (key tables and hashing), {@code agg}
 * (aggregate function state), {@code sort} (row ordering).
 *
 * <p>Depends on plans, vectors, expression evaluation, the connector SPI, config and errors; never
 * on analysis, the optimizer, the parser or the API.
 */
package io.sluice.exec.operator;
