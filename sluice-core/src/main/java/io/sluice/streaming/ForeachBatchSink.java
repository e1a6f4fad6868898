package io.sluice.streaming;

import io.sluice.Session;
import io.sluice.SessionInternals;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.StreamSink;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the user's {@link ForeachBatchFunction} with each micro-batch's output as a batch DataFrame.
 * The output is computed once and held in memory for the call, so the function may use the
 * DataFrame several times without recomputing the batch. An exception thrown by the function stops
 * the query with {@code FOREACH_BATCH_USER_FUNCTION_ERROR}, whose cause is that exception.
 */
final class ForeachBatchSink implements StreamSink {
  private final Session session;
  private final ForeachBatchFunction function;

  ForeachBatchSink(Session session, ForeachBatchFunction function) {
    this.session = session;
    this.function = function;
  }

  @Override
  public String description() {
    return "ForeachBatchSink";
  }

  @Override
  public void addBatch(long batchId, MicroBatchOutput data) {
    List<ColumnBatch> batches = data.collect();
    List<AttributeReference> attrs = new ArrayList<>();
    for (StructField f : data.schema().fields()) {
      attrs.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
    }
    try {
      function.call(
          SessionInternals.dataFrame(session, new LocalRelation(attrs, batches)), batchId);
    } catch (SluiceException e) {
      throw e; // an engine error raised through the function keeps its own class
    } catch (VirtualMachineError | LinkageError e) {
      throw e;
    } catch (Exception | Error e) {
      throw new SluiceRuntimeException(
          ErrorClass.FOREACH_BATCH_USER_FUNCTION_ERROR,
          SluiceException.params("reason", e.getMessage() == null ? "" : e.getMessage()),
          e);
    }
  }
}
