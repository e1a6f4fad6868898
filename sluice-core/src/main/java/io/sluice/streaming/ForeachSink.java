package io.sluice.streaming;

import io.sluice.Row;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.StreamSink;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.internal.RowConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands each row to a {@link ForeachWriter}, as Spark's foreach sink. Partitions are computed in
 * parallel but written one at a time, since the writer is one object: open, then process each row
 * unless open returned false, then close — close also when open returned false, and after a failure
 * with the error that ended processing. An error thrown by {@code process} stops the query with
 * {@code FOREACH_USER_FUNCTION_ERROR}, whose cause is that error.
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
      boolean opened = writer.open(partition, batchId);
      Throwable failure = null;
      try {
        if (opened) process(batches, converter);
      } catch (UserError e) {
        failure = e.getCause();
        throw userFunctionError(e.getCause());
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        writer.close(failure);
      }
    }
  }

  private void process(BatchIterator batches, RowConverter converter) {
    List<Row> rows = new ArrayList<>();
    for (ColumnBatch b = batches.next(); b != null; b = batches.next()) {
      rows.clear();
      converter.appendRows(b, rows);
      for (Row r : rows) {
        try {
          writer.process(r);
        } catch (SluiceException e) {
          throw e; // an engine error raised through user code keeps its own class
        } catch (VirtualMachineError | LinkageError e) {
          throw e; // fatal, as Spark's NonFatal sees it: not the user's function failing
        } catch (RuntimeException | Error e) {
          throw new UserError(e);
        }
      }
    }
  }

  private static SluiceRuntimeException userFunctionError(Throwable cause) {
    return new SluiceRuntimeException(
        ErrorClass.FOREACH_USER_FUNCTION_ERROR,
        SluiceException.params("reason", cause.getMessage() == null ? "" : cause.getMessage()),
        cause);
  }

  /** Marks an error thrown by the writer's {@code process}, as opposed to reading the batch. */
  private static final class UserError extends RuntimeException {
    UserError(Throwable cause) {
      super(cause);
    }
  }
}
