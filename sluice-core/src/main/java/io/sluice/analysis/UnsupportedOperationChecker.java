package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Intersect;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.streaming.OutputMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rejects streaming queries Spark rejects, before they start, with Spark's reasons: which
 * operations a stream supports, and in which output mode.
 */
public final class UnsupportedOperationChecker {
  private UnsupportedOperationChecker() {}

  /** Throws {@link AnalysisException} when {@code plan} cannot run as a stream in {@code mode}. */
  public static void checkForStreaming(LogicalPlan plan, OutputMode mode) {
    if (!plan.isStreaming()) return;
    checkSetOperations(plan);
    List<Aggregate> aggregates = new ArrayList<>();
    collectStreamingAggregates(plan, aggregates);
    if (mode == OutputMode.COMPLETE && aggregates.isEmpty()) {
      throw unsupported(
          "Complete output mode not supported when there are no streaming aggregations on"
              + " streaming DataFrames/Datasets");
    }
  }

  /** Spark's limits on {@code EXCEPT} and {@code INTERSECT} over streams. */
  private static void checkSetOperations(LogicalPlan p) {
    if (p instanceof Except e && e.right().isStreaming()) {
      throw unsupported("Except on a streaming DataFrame/Dataset on the right is not supported");
    }
    if (p instanceof Intersect i && i.left().isStreaming() && i.right().isStreaming()) {
      throw unsupported("Intersect between two streaming DataFrames/Datasets is not supported");
    }
    for (LogicalPlan c : p.children()) checkSetOperations(c);
  }

  private static void collectStreamingAggregates(LogicalPlan p, List<Aggregate> out) {
    if (p instanceof Aggregate a && a.isStreaming()) out.add(a);
    for (LogicalPlan c : p.children()) collectStreamingAggregates(c, out);
  }

  static AnalysisException unsupported(String message) {
    return new AnalysisException(
        ErrorClass.STREAMING_UNSUPPORTED_OPERATION, SluiceException.params("message", message));
  }
}
