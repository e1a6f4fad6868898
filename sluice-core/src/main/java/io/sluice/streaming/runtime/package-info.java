/**
 * The micro-batch engine: a streaming query's thread, its triggers, the incremental plan built once
 * per start, the per-batch loop (latest offsets → offset log → run → sink → commit log → progress),
 * watermarks, and the listener bus.
 *
 * <p>Depends on plans, the optimizer, execution, connectors, checkpoint and state; never on the API
 * classes of {@code io.sluice}, the parser or analysis.
 */
package io.sluice.streaming.runtime;
