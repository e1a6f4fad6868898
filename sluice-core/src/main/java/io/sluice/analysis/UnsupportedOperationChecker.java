package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.logical.Aggregate;
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
    List<Aggregate> aggregates = new ArrayList<>();
    collectStreamingAggregates(plan, aggregates);
    if (mode == OutputMode.COMPLETE && aggregates.isEmpty()) {
      throw unsupported(
          "Complete output mode not supported when there are no streaming aggregations on"
              + " streaming DataFrames/Datasets");
    }
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
