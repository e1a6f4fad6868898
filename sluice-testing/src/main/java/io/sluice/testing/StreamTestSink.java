package io.sluice.testing;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.streaming.OutputMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The sink of a {@link StreamTest}: owned by the test, so its rows outlive a stop and restart of
 * the query. It keeps each micro-batch's rows by batch id and ignores a batch id it already holds
 * (a batch re-run after a restart), as an exactly-once sink must. It counts every delivery, so a
 * test can see that a batch was re-run, and can fail a delivery on purpose.
 */
public final class StreamTestSink {
  private enum Failure {
    BEFORE_WRITE,
    AFTER_WRITE
  }

  private final OutputMode mode;
  private final TreeMap<Long, List<Row>> batches = new TreeMap<>();
  private final Map<Long, Integer> deliveries = new TreeMap<>();
  private Failure pendingFailure;

  StreamTestSink(OutputMode mode) {
    this.mode = mode;
  }

  /** The foreachBatch function of the query. */
  void write(DataFrame batch, long batchId) {
    Failure failure;
    synchronized (this) {
      deliveries.merge(batchId, 1, Integer::sum);
      failure = pendingFailure;
      pendingFailure = null;
      if (failure == Failure.BEFORE_WRITE) throw injected(batchId, "before writing");
      if (batches.containsKey(batchId)) return;
    }
    List<Row> rows = batch.collectAsList();
    synchronized (this) {
      batches.put(batchId, List.copyOf(rows));
    }
    if (failure == Failure.AFTER_WRITE) throw injected(batchId, "after writing");
  }

  private static IllegalStateException injected(long batchId, String when) {
    return new IllegalStateException(
        "StreamTest: injected sink failure " + when + " batch " + batchId);
  }

  /** The next delivery throws before its rows are kept. */
  synchronized void failNextBatch(boolean afterWrite) {
    pendingFailure = afterWrite ? Failure.AFTER_WRITE : Failure.BEFORE_WRITE;
  }

  /**
   * The sink's contents, as Spark's memory sink holds them: every batch's rows in append and update
   * mode, the last batch's rows in complete mode.
   */
  public synchronized List<Row> allRows() {
    if (mode == OutputMode.Complete()) {
      return batches.isEmpty() ? List.of() : batches.lastEntry().getValue();
    }
    return rowsSince(-1);
  }

  /** The rows of the batches after {@code batchId}, in batch order. */
  public synchronized List<Row> rowsSince(long batchId) {
    List<Row> out = new ArrayList<>();
    for (List<Row> rows : batches.tailMap(batchId, false).values()) out.addAll(rows);
    return out;
  }

  /** The rows of batch {@code batchId}; empty when the sink has not received it. */
  public synchronized List<Row> rowsOfBatch(long batchId) {
    return batches.getOrDefault(batchId, List.of());
  }

  /** The ids of the batches kept, ascending. */
  public synchronized List<Long> batchIds() {
    return List.copyOf(batches.keySet());
  }

  /** The id of the last batch kept. */
  public synchronized OptionalLong latestBatchId() {
    return batches.isEmpty() ? OptionalLong.empty() : OptionalLong.of(batches.lastKey());
  }

  /** How many times batch {@code batchId} was delivered (more than once when re-run). */
  public synchronized int deliveries(long batchId) {
    return deliveries.getOrDefault(batchId, 0);
  }

  @Override
  public synchronized String toString() {
    if (batches.isEmpty()) return "(no batches)\n";
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Long, List<Row>> e : batches.entrySet()) {
      sb.append("batch ").append(e.getKey()).append(": ");
      List<Row> rows = e.getValue();
      int shown = Math.min(rows.size(), 50);
      for (int i = 0; i < shown; i++) sb.append(i == 0 ? "" : ", ").append(rows.get(i));
      if (rows.size() > shown) sb.append(", ... (").append(rows.size()).append(" rows)");
      if (rows.isEmpty()) sb.append("(no rows)");
      sb.append('\n');
    }
    return sb.toString();
  }
}
