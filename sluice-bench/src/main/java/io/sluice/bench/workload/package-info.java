/**
 * The streaming workloads and latency probes of {@code ../shared/bench/WORKLOADS.md}, run by {@code
 * bin/bench W0 ...} through {@link io.sluice.bench.workload.WorkloadMain}; every run ends with one
 * {@code RESULT workload=... events=... seconds=... events_per_sec=... batches=... p50_batch_ms=...
 * p99_batch_ms=... peak_heap_mb=...} line.
 *
 * <p>A throughput workload (W0..W6) is one class implementing {@code Workload} (its query over
 * {@code EventInput}: the events with or without watermark, the enrichment stream, the customers
 * dimension), listed in {@code Workloads}; {@code WorkloadRunner} runs it with {@code
 * Trigger.AvailableNow()} into the noop sink, timing {@code start()} to termination. A latency
 * probe (LAT0, LAT1) is one class implementing {@code LatencyProbe}, run by {@code ProbeRunner}
 * over the rate source with {@code Trigger.ProcessingTime(0)}. Batch durations come from the
 * query's progress events, the peak heap from the memory pools ({@code HeapWatch}).
 */
package io.sluice.bench.workload;
