/**
 * Physical operators that exist only in streaming queries: the scan of a micro-batch's input
 * ({@link io.sluice.streaming.operator.StreamScanOperator}), event-time tracking for watermarks
 * ({@link io.sluice.streaming.operator.EventTimeWatermarkOperator}), and the stateful operators.
 *
 * <p>Depends on plans, execution, connectors and state; never on the API, parser or analysis.
 */
package io.sluice.streaming.operator;
