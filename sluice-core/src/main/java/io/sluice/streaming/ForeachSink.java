package io.sluice.streaming;

import io.sluice.Row;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.StreamSink;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.internal.RowConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands each row to a {@link ForeachWriter}. Partitions are computed in parallel but written one at
 * a time, since the writer is one object: open, process each row, close — close also after a
 * failure, which then stops the query.
 */
final class ForeachSink implements StreamSink {
  private final ForeachWriter writer;
  private final boolean javaTime;

  ForeachSink(ForeachWriter writer, boolean javaTime) {
    this.writer = writer;
    this.javaTime = javaTime;
  }

  @Override
  public String description() {
    return "ForeachSink";
  }

  @Override
  public void addBatch(long batchId, MicroBatchOutput data) {
    RowConverter converter = RowConverter.toExternal(data.schema(), javaTime);
    data.writePartitions(
        (partition, batches) -> {
          synchronized (writer) {
            write(batchId, partition, batches, converter);
          }
          return null;
        });
  }

  private void write(long batchId, int partition, BatchIterator batches, RowConverter converter) {
    try (batches) {
      if (!writer.open(partition, batchId)) return;
      Throwable failure = null;
      try {
        List<Row> rows = new ArrayList<>();
        for (ColumnBatch b = batches.next(); b != null; b = batches.next()) {
          rows.clear();
          converter.appendRows(b, rows);
          for (Row r : rows) writer.process(r);
        }
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        writer.close(failure);
      }
    }
  }
}
