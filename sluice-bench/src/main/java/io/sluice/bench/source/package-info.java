/**
 * Sources only the benchmarks use, registered through {@code META-INF/services}: {@code
 * bench-blocks}, one prebuilt block per micro-batch, for the engine's fixed cost per batch.
 */
package io.sluice.bench.source;
