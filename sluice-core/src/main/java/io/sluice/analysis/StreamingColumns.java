package io.sluice.analysis;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.EventTimeWatermark;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which output columns of each node of a streaming plan are event-time columns (they carry a
 * watermark) and which are session windows, as Spark tells them by column metadata.
 *
 * <p>The marks flow the way Spark's metadata flows: {@code withWatermark(c)} marks {@code c} (and
 * unmarks every other column of its input, as a second watermark replaces the first); a column
 * passed through, or renamed by an alias, keeps its marks; the window column of {@code window(t,
 * ...)} or {@code session_window(t, ...)} inherits the marks of {@code t}, and {@code
 * window_time(w)} the event-time mark of the window {@code w}; any other expression computes an
 * unmarked column, so {@code date_trunc('MINUTE', ts)} is no event-time column. Marks are kept as
 * expression ids: a column keeps its id as it passes up the plan.
 *
 * <p>Window columns are recognised by the functions that compute them ({@code window_bounds},
 * {@code session_window_bounds}) and {@code window_time(w)} by its form {@code w.end - constant},
 * also below operators this class does not know (a window column of such an operator's output is
 * marked when one of its expressions computes a window from a marked column).
 */
final class StreamingColumns {
  /** The functions that compute a window column from a time column (their first argument). */
  private static final Set<String> TIME_WINDOW_FUNCTIONS =
      Set.of("window_bounds", "session_window_bounds");

  private static final String SESSION_WINDOW_FUNCTION = "session_window_bounds";

  private final Map<LogicalPlan, Set<Long>> eventTime = new IdentityHashMap<>();
  private final Map<LogicalPlan, Set<Long>> sessionWindows = new IdentityHashMap<>();

  /** True when {@code a}, a column of {@code node}'s output, carries an event-time watermark. */
  boolean isEventTime(LogicalPlan node, AttributeReference a) {
    return eventTimeIds(node).contains(a.exprId());
  }

  /** True when some output column of {@code node} carries an event-time watermark. */
  boolean hasEventTime(LogicalPlan node) {
    return !eventTimeIds(node).isEmpty();
  }

  /** True when {@code e} is a column of {@code node}'s output that carries a watermark. */
  boolean isEventTimeColumn(LogicalPlan node, Expression e) {
    return e instanceof AttributeReference a && isEventTime(node, a);
  }

  /** True when {@code a}, a column of {@code node}'s output, is a session window. */
  boolean isSessionWindow(LogicalPlan node, AttributeReference a) {
    return sessionWindowIds(node).contains(a.exprId());
  }

  /** The ids of {@code node}'s output columns that carry a watermark. */
  Set<Long> eventTimeIds(LogicalPlan node) {
    Set<Long> known = eventTime.get(node);
    if (known != null) return known;
    Set<Long> inherited = new HashSet<>();
    for (LogicalPlan c : node.children()) inherited.addAll(eventTimeIds(c));
    Set<Long> out;
    if (node instanceof EventTimeWatermark w) {
      out = new HashSet<>();
      if (w.eventTime() instanceof AttributeReference a) out.add(a.exprId());
    } else {
      out = derive(node, inherited, false);
    }
    eventTime.put(node, out);
    return out;
  }

  private Set<Long> sessionWindowIds(LogicalPlan node) {
    Set<Long> known = sessionWindows.get(node);
    if (known != null) return known;
    Set<Long> inherited = new HashSet<>();
    for (LogicalPlan c : node.children()) inherited.addAll(sessionWindowIds(c));
    Set<Long> out = derive(node, inherited, true);
    sessionWindows.put(node, out);
    return out;
  }

  /** The marked columns of {@code node}'s output given the marked columns of its children. */
  private static Set<Long> derive(LogicalPlan node, Set<Long> inherited, boolean sessionOnly) {
    List<? extends NamedExpression> named = namedOutputs(node);
    Set<Long> out = new HashSet<>();
    if (named == null) {
      boolean computesWindow = false;
      for (Expression e : node.expressions()) {
        computesWindow |= e.exists(x -> isWindowFunction(x) && marked(x, inherited, sessionOnly));
      }
      for (AttributeReference a : node.output()) {
        boolean newWindow = computesWindow && isWindowType(a.dataType());
        if (inherited.contains(a.exprId()) || newWindow) out.add(a.exprId());
      }
      return out;
    }
    for (NamedExpression e : named) {
      Expression value = e instanceof Alias alias ? alias.child() : e;
      if (marked(value, inherited, sessionOnly)) out.add(e.exprId());
    }
    return out;
  }

  /** The expressions that define the output of a projecting node; null for pass-through nodes. */
  private static List<? extends NamedExpression> namedOutputs(LogicalPlan node) {
    if (node instanceof Project p) return p.projectList();
    if (node instanceof Aggregate a) return a.aggregateExpressions();
    return null;
  }

  /** Whether the column computed by {@code e} carries the mark of the columns in {@code marks}. */
  private static boolean marked(Expression e, Set<Long> marks, boolean sessionOnly) {
    if (e instanceof AttributeReference a) return marks.contains(a.exprId());
    if (isWindowFunction(e)) {
      ScalarFunction f = (ScalarFunction) e;
      if (sessionOnly) return f.name().equals(SESSION_WINDOW_FUNCTION);
      return marked(f.arg(0), marks, false);
    }
    // window_time(w), computed as w.end - 1 microsecond, keeps the event time of the window w.
    if (sessionOnly) return false;
    Expression end = DateArithmetic.minusConstant(e);
    return end instanceof GetStructField g
        && g.ordinal() == 1
        && g.child() instanceof AttributeReference w
        && isWindowType(w.dataType())
        && marks.contains(w.exprId());
  }

  private static boolean isWindowFunction(Expression e) {
    return e instanceof ScalarFunction f
        && !f.arguments().isEmpty()
        && TIME_WINDOW_FUNCTIONS.contains(f.name());
  }

  /** {@code struct<start: timestamp, end: timestamp>}, the type of window columns. */
  private static boolean isWindowType(DataType t) {
    return t instanceof StructType s
        && s.length() == 2
        && s.fields()[0].name().equals("start")
        && s.fields()[1].name().equals("end")
        && s.fields()[1].dataType() instanceof TimestampType;
  }
}
