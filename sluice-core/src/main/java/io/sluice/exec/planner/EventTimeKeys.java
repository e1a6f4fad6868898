package io.sluice.exec.planner;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.EventTimeWatermark;
import io.sluice.plan.logical.Expand;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which columns of a plan carry event time with a watermark: the column of each {@code
 * withWatermark} and, above it, projections that pass it on unchanged (a timestamp) or compute a
 * window from it (a {@code struct<start, end>}, whose end is the event time).
 */
final class EventTimeKeys {
  /** How a column carries event time. */
  enum Kind {
    TIMESTAMP,
    WINDOW
  }

  private EventTimeKeys() {}

  /** Event-time columns of {@code plan}'s output, by expression id. */
  static Map<Long, Kind> of(LogicalPlan plan) {
    Map<Long, Kind> out = new HashMap<>();
    collect(plan, out);
    return out;
  }

  /** The delay of the nearest {@code withWatermark} below {@code plan}, or 0. */
  static long delayMs(LogicalPlan plan) {
    if (plan instanceof EventTimeWatermark w) return w.delayMs();
    for (LogicalPlan c : plan.children()) {
      long d = delayMs(c);
      if (d > 0) return d;
    }
    return 0;
  }

  private static void collect(LogicalPlan p, Map<Long, Kind> out) {
    for (LogicalPlan c : p.children()) collect(c, out);
    if (p instanceof EventTimeWatermark w && w.eventTime() instanceof AttributeReference a) {
      out.put(a.exprId(), isWindow(a.dataType()) ? Kind.WINDOW : Kind.TIMESTAMP);
    }
    if (p instanceof Expand e) {
      // sliding windows: one projection per window a row may fall into
      for (int i = 0; i < e.output().size(); i++) {
        AttributeReference o = e.output().get(i);
        if (!isWindow(o.dataType())) continue;
        for (List<Expression> row : e.projections()) {
          if (references(row.get(i), out)) {
            out.put(o.exprId(), Kind.WINDOW);
            break;
          }
        }
      }
    }
    List<NamedExpression> items =
        p instanceof Project proj
            ? proj.projectList()
            : p instanceof Aggregate agg ? agg.aggregateExpressions() : List.of();
    if (!items.isEmpty()) {
      for (NamedExpression e : items) {
        if (!(e instanceof Alias al)) continue;
        Expression child = al.child();
        if (child instanceof AttributeReference r && out.containsKey(r.exprId())) {
          out.put(al.exprId(), out.get(r.exprId()));
        } else if (isWindow(al.dataType()) && references(child, out)) {
          out.put(al.exprId(), Kind.WINDOW);
        } else if (isWindowTime(child, out)) {
          out.put(al.exprId(), Kind.TIMESTAMP);
        }
      }
    }
  }

  /** {@code window_time(w)} as the analyzer computes it: {@code w.end - 1 microsecond}. */
  private static boolean isWindowTime(Expression e, Map<Long, Kind> keys) {
    return e instanceof BinaryArithmetic b
        && b.op() == BinaryArithmetic.Op.SUBTRACT
        && b.left() instanceof GetStructField g
        && g.ordinal() == 1
        && g.child() instanceof AttributeReference w
        && keys.get(w.exprId()) == Kind.WINDOW;
  }

  private static boolean references(Expression e, Map<Long, Kind> keys) {
    for (AttributeReference r : e.references()) {
      if (keys.containsKey(r.exprId())) return true;
    }
    return false;
  }

  static boolean isWindow(DataType t) {
    if (!(t instanceof StructType s) || s.length() != 2) return false;
    List<String> names = List.of(s.fields()[0].name(), s.fields()[1].name());
    return names.equals(List.of("start", "end"))
        && s.fields()[1].dataType() instanceof TimestampType;
  }
}
