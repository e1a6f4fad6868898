/**
 * Sources the benchmarks register through {@code META-INF/services}: {@code bench-blocks} (one
 * prebuilt block per micro-batch, for the engine's fixed cost per batch), and stand-ins used only
 * while Sluice has no source of its own of that kind: {@code bench-rate} and {@code
 * bench-rate-micro-batch} for {@code rate} and {@code rate-micro-batch}, {@code bench-files} for
 * the streaming file source. The workloads pick Sluice's own source whenever one is registered.
 */
package io.sluice.bench.source;
