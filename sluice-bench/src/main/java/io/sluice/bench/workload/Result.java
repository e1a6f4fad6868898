package io.sluice.bench.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run and the {@code RESULT} line every workload ends with: {@code RESULT
 * workload=W0 events=<n> seconds=<s> events_per_sec=<r> batches=<b> p50_batch_ms=<x>
 * p99_batch_ms=<y> peak_heap_mb=<m>}; nothing follows it on the line.
 */
record Result(
    String workload, long events, double seconds, List<Long> batchMs, long peakHeapBytes) {

  String line() {
    return String.format(
        Locale.ROOT,
        "RESULT workload=%s events=%d seconds=%.3f events_per_sec=%.0f batches=%d"
            + " p50_batch_ms=%d p99_batch_ms=%d peak_heap_mb=%d",
        workload,
        events,
        seconds,
        seconds > 0 ? events / seconds : 0.0,
        batchMs.size(),
        percentile(batchMs, 50),
        percentile(batchMs, 99),
        Math.round(peakHeapBytes / (1024.0 * 1024.0)));
  }

  /** The nearest-rank percentile: the smallest value with at least p% of values at or below it. */
  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) return 0;
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
