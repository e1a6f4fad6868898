package io.sluice.bench.workload;

import io.sluice.streaming.StreamingQueryListener;
import io.sluice.streaming.StreamingQueryProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the progress events of the batches that ran (not those of idle triggers) and lets a
 * thread wait until a number of batches has been reported.
 */
final class ProgressCollector extends StreamingQueryListener {
  private final List<StreamingQueryProgress> batches = new ArrayList<>();
  private final List<Long> arrivalNanos = new ArrayList<>();

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public synchronized void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress p = event.progress();
    if (!p.durationMs().containsKey("addBatch")) return; // an idle trigger's progress
    batches.add(p);
    arrivalNanos.add(System.nanoTime());
    notifyAll();
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}

  /**
   * Waits until {@code n} batches have been reported; false when {@code timeoutMs} passed first.
   */
  synchronized boolean awaitBatches(int n, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (batches.size() < n) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) return false;
      wait(left);
    }
    return true;
  }

  synchronized List<StreamingQueryProgress> batches() {
    return List.copyOf(batches);
  }

  /** When the progress of batch {@code index} (0-based, in arrival order) arrived. */
  synchronized long arrivalNanos(int index) {
    return arrivalNanos.get(index);
  }

  static List<Long> durations(List<StreamingQueryProgress> ps) {
    List<Long> out = new ArrayList<>(ps.size());
    for (StreamingQueryProgress p : ps) out.add(p.batchDuration());
    return out;
  }

  static long inputRows(List<StreamingQueryProgress> ps) {
    long n = 0;
    for (StreamingQueryProgress p : ps) n += p.numInputRows();
    return n;
  }

  static long outputRows(List<StreamingQueryProgress> ps) {
    long n = 0;
    for (StreamingQueryProgress p : ps) n += p.sink().numOutputRows();
    return n;
  }

  /** The slowest {@code n} batches: their ids and {@code durationMs}, slowest first. */
  static String slowest(List<StreamingQueryProgress> ps, int n) {
    List<StreamingQueryProgress> sorted = new ArrayList<>(ps);
    sorted.sort((a, b) -> Long.compare(b.batchDuration(), a.batchDuration()));
    StringBuilder sb = new StringBuilder();
    for (StreamingQueryProgress p : sorted.subList(0, Math.min(n, sorted.size()))) {
      sb.append(sb.length() == 0 ? "" : "; ").append("batch ").append(p.batchId()).append(' ');
      sb.append(p.durationMs());
    }
    return sb.toString();
  }

  /** How many batches took each whole number of milliseconds, e.g. {@code 0ms:12 1ms:180}. */
  static String histogram(List<StreamingQueryProgress> ps) {
    java.util.TreeMap<Long, Integer> h = new java.util.TreeMap<>();
    for (StreamingQueryProgress p : ps) h.merge(p.batchDuration(), 1, Integer::sum);
    StringBuilder sb = new StringBuilder();
    h.forEach((ms, c) -> sb.append(sb.length() == 0 ? "" : " ").append(ms).append("ms:").append(c));
    return sb.toString();
  }

  /** The mean of each {@code durationMs} phase over the batches, e.g. {@code addBatch=12.3}. */
  static String meanPhases(List<StreamingQueryProgress> ps) {
    java.util.Map<String, Double> sum = new java.util.LinkedHashMap<>();
    for (StreamingQueryProgress p : ps) {
      p.durationMs().forEach((k, v) -> sum.merge(k, v.doubleValue(), Double::sum));
    }
    StringBuilder sb = new StringBuilder();
    sum.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? "" : " ")
                .append(k)
                .append('=')
                .append(String.format(java.util.Locale.ROOT, "%.2f", v / ps.size())));
    return sb.toString();
  }
}
