package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark's {@code NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING}: window functions ({@code OVER}) need
 * the whole input of a partition, which a stream never has. Only time windows ({@code window},
 * {@code session_window}) aggregate streams.
 *
 * <p>A node reading a stream is rejected when it computes a {@link WindowExpression}, or when it is
 * a window operator (a node named {@code Window}, matched by name so this check does not depend on
 * how window functions are planned).
 */
final class StreamingWindowFunctions {
  private static final String WINDOW_NODE = "Window";

  private StreamingWindowFunctions() {}

  static void check(LogicalPlan p) {
    if (!readsStream(p)) return;
    List<String> functions = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    List<String> specs = new ArrayList<>();
    for (Expression e : p.expressions()) {
      for (WindowExpression w : e.collect(WindowExpression.class)) {
        functions.add(w.function().sql().toUpperCase(Locale.ROOT));
        columns.add(QueryErrors.toSQLId(e instanceof NamedExpression n ? n.name() : e.sql()));
        specs.add(spec(w).toUpperCase(Locale.ROOT));
      }
    }
    if (functions.isEmpty() && p.getClass().getSimpleName().equals(WINDOW_NODE)) {
      for (Expression e : p.expressions()) {
        if (e instanceof NamedExpression n && !p.children().get(0).output().contains(e)) {
          functions.add(e.sql().toUpperCase(Locale.ROOT));
          columns.add(QueryErrors.toSQLId(n.name()));
        }
      }
    }
    if (functions.isEmpty()) return;
    throw new AnalysisException(
        ErrorClass.NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING,
        SluiceException.params(
            "windowFunc",
            String.join(",", functions),
            "columnName",
            String.join(",", columns),
            "windowSpec",
            String.join(",", specs)));
  }

  private static boolean readsStream(LogicalPlan p) {
    for (LogicalPlan c : p.children()) {
      if (c.isStreaming()) return true;
    }
    return false;
  }

  /** {@code (PARTITION BY ... ORDER BY ...)}. */
  private static String spec(WindowExpression w) {
    StringBuilder sb = new StringBuilder("(");
    String sep = "";
    if (!w.partitionSpec().isEmpty()) {
      sb.append("PARTITION BY ");
      List<String> parts = new ArrayList<>();
      for (Expression e : w.partitionSpec()) parts.add(e.sql());
      sb.append(String.join(", ", parts));
      sep = " ";
    }
    if (!w.orderSpec().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (SortOrder o : w.orderSpec()) parts.add(o.sql());
      sb.append(sep).append("ORDER BY ").append(String.join(", ", parts));
    }
    return sb.append(')').toString();
  }
}
