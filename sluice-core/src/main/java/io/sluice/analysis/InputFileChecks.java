package io.sluice.analysis;

import io.sluice.connector.file.FileBatchScan;
import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.plan.logical.Union;
import java.util.Set;

/**
 * Spark's check that {@code input_file_name()}, {@code input_file_block_start()} and {@code
 * input_file_block_length()} read one file source: an operator using them may not have two scans of
 * files below it (a join of two file sources, say), since a task would not know which file to
 * report; the children of a union count as one, as their rows never mix in a task.
 */
final class InputFileChecks {
  private InputFileChecks() {}

  private static final Set<String> FUNCTIONS =
      Set.of("input_file_name", "input_file_block_start", "input_file_block_length");

  /** Raises {@code MULTI_SOURCES_UNSUPPORTED_FOR_EXPRESSION} when {@code op} breaks the rule. */
  static void check(LogicalPlan op) {
    for (Expression e : op.expressions()) {
      for (ScalarFunction f : e.collect(ScalarFunction.class)) {
        if (FUNCTIONS.contains(f.name())) {
          fileSources(op, f);
          return;
        }
      }
    }
  }

  private static int fileSources(LogicalPlan p, ScalarFunction f) {
    if (p instanceof ScanRelation s) return s.scan() instanceof FileBatchScan ? 1 : 0;
    int n = 0;
    for (LogicalPlan c : p.children()) n += fileSources(c, f);
    if (p instanceof Union) return Math.min(n, 1);
    if (n > 1) {
      throw QueryErrors.error(
          ErrorClass.MULTI_SOURCES_UNSUPPORTED_FOR_EXPRESSION, "expr", QueryErrors.toSQLExpr(f));
    }
    return n;
  }
}
