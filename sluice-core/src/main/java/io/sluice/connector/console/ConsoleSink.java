package io.sluice.connector.console;

import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.StreamSink;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.internal.ShowString;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints each micro-batch as Spark's console sink does. Only the first {@code numRows + 1} rows of
 * each partition are kept (one more than shown tells the table that rows were left out), and the
 * table shows the first rows in partition order, as Spark's does.
 */
public final class ConsoleSink implements StreamSink {
  private static final String RULE = "-------------------------------------------";

  private final int numRows;
  private final boolean truncate;
  private final ZoneId zone;
  private final PrintStream out;

  /** A sink printing to {@code out}, showing timestamps in {@code zone}. */
  public ConsoleSink(int numRows, boolean truncate, ZoneId zone, PrintStream out) {
    // as Spark's show(): a negative count shows no rows
    this.numRows = Math.max(0, numRows);
    this.truncate = truncate;
    this.zone = zone;
    this.out = out;
  }

  @Override
  public String description() {
    return "ConsoleSink[numRows=" + numRows + ", truncate=" + truncate + "]";
  }

  @Override
  public void addBatch(long batchId, MicroBatchOutput data) {
    int keep = numRows + 1;
    List<List<ColumnBatch>> parts = data.writePartitions((p, batches) -> head(batches, keep));
    List<ColumnBatch> rows = new ArrayList<>();
    for (List<ColumnBatch> part : parts) rows.addAll(part);
    String table = ShowString.render(data.schema(), rows, zone, numRows, truncate ? 20 : 0, false);
    // Spark's table text ends with a newline after the footer too, and show() prints a line
    // break after the text: the output ends with an empty line.
    if (!table.endsWith("\n")) table += "\n";
    String text = RULE + "\n" + "Batch: " + batchId + "\n" + RULE + "\n" + table + "\n";
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }

  /** Copies of the first {@code limit} rows of a partition; the rest is read but not kept. */
  private static List<ColumnBatch> head(BatchIterator batches, int limit) {
    List<ColumnBatch> kept = new ArrayList<>();
    int rows = 0;
    try (batches) {
      for (ColumnBatch b = batches.next(); b != null; b = batches.next()) {
        if (rows >= limit) continue; // keep computing: the batch must run to its end
        int n = Math.min(b.numRows(), limit - rows);
        kept.add(b.gather(firstRows(n), n)); // a copy: the iterator may refill b
        rows += n;
      }
    }
    return kept;
  }

  private static int[] firstRows(int n) {
    int[] sel = new int[n];
    for (int i = 0; i < n; i++) sel[i] = i;
    return sel;
  }
}
