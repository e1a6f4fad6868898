package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.ExprId;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.IntervalStrings;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.expr.SessionWindow;
import io.sluice.plan.expr.TimeWindow;
import io.sluice.plan.expr.WindowTime;
import io.sluice.plan.logical.Expand;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.UnaryNode;
import io.sluice.types.CalendarInterval;
import io.sluice.types.DataType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.Metadata;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's {@code TimeWindowing}, {@code SessionWindowing} and {@code ResolveWindowTime}: a
 * single-input operator whose expressions hold a {@code window(...)} or {@code session_window(...)}
 * gets the window column computed below it and refers to it instead.
 *
 * <ul>
 *   <li>Tumbling window (slide = window): {@code Project [window_bounds(ts, ...) AS window, *]}
 *       over {@code Filter (ts IS NOT NULL)}.
 *   <li>Sliding window: an {@link Expand} into the {@code ceil(window / slide)} latest windows that
 *       may contain each row, then {@code Filter (ts IS NOT NULL)} when the slide divides the
 *       window (every candidate contains the row), else {@code Filter (ts >= window.start AND ts <
 *       window.end)}.
 *   <li>Session window: {@code Filter (ts IS NOT NULL [AND session_window.end >
 *       session_window.start])} over {@code Project [session_window_bounds(ts, gap) AS
 *       session_window, *]}; the second condition drops rows whose gap is not positive, and is left
 *       out when the gap is a positive constant.
 *   <li>{@code window_time(w)} of a window column {@code w}: a column {@code w.end - 1 microsecond}
 *       named {@code window_time(w)} computed below.
 * </ul>
 *
 * The new {@code window}/{@code session_window} column carries the time column's metadata plus
 * {@link TimeWindow#MARKER} or {@link SessionWindow#MARKER}, so later operators recognise it (the
 * aggregation merges sessions, a streaming query finds its event-time window). One operator may use
 * only one window expression ({@code MULTIPLE_TIME_WINDOW_EXPRESSIONS}); a window over a window
 * column uses its {@code window_time}.
 */
final class ResolveTimeWindows implements AnalyzerRule {
  private final AnalysisContext ctx;

  ResolveTimeWindows(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(
        p -> {
          if (!(p instanceof UnaryNode u) || !ctx.readiness().childrenReady(p)) return p;
          List<Expression> windows = windowExpressions(p);
          if (windows.size() > 1)
            throw QueryErrors.error(ErrorClass.MULTIPLE_TIME_WINDOW_EXPRESSIONS);
          if (windows.size() == 1) {
            Expression w = windows.get(0);
            Expression time = w.children().get(0);
            if (!time.resolved()) return p;
            if (time.dataType() instanceof StructType) {
              return p.mapExpressions(e -> replace(e, w, w.withChildren(withTime(w))));
            }
            if (w instanceof SessionWindow s && !s.gapDuration().resolved()) return p;
            return w instanceof TimeWindow t
                ? timeWindow(u, t)
                : sessionWindow(u, (SessionWindow) w);
          }
          return windowTimes(u);
        });
  }

  /** The distinct window and session window expressions of the node. */
  private static List<Expression> windowExpressions(LogicalPlan p) {
    List<Expression> found = new ArrayList<>();
    for (Expression e : p.expressions()) {
      for (Expression x : collectWindows(e)) {
        if (!found.contains(x)) found.add(x);
      }
    }
    return found;
  }

  private static List<Expression> collectWindows(Expression e) {
    List<Expression> out = new ArrayList<>(e.collect(TimeWindow.class));
    out.addAll(e.collect(SessionWindow.class));
    return out;
  }

  private static List<Expression> withTime(Expression w) {
    List<Expression> kids = new ArrayList<>(w.children());
    kids.set(0, new WindowTime(kids.get(0)));
    return kids;
  }

  private static Expression replace(Expression e, Expression target, Expression by) {
    return e.transformDown(x -> x.equals(target) ? by : x);
  }

  private static Metadata markedMetadata(Expression time, String marker) {
    Metadata m = time instanceof AttributeReference a ? a.metadata() : Metadata.EMPTY;
    return m.with(marker, Boolean.TRUE);
  }

  private static Expression bounds(TimeWindow w, int i, DataType type) {
    List<Expression> args =
        List.of(
            w.timeColumn(),
            Literal.of(w.windowDuration()),
            Literal.of(w.slideDuration()),
            Literal.of(w.startTime()),
            Literal.of((long) i));
    return ScalarFunction.of("window_bounds", args, type, false);
  }

  private LogicalPlan timeWindow(UnaryNode p, TimeWindow w) {
    DataType type = w.dataType();
    Metadata meta = markedMetadata(w.timeColumn(), TimeWindow.MARKER);
    LogicalPlan child = p.child();
    if (w.windowDuration() == w.slideDuration()) {
      Alias window = new Alias(bounds(w, 0, type), "window", ExprId.next(), List.of(), meta);
      List<NamedExpression> list = new ArrayList<>();
      list.add(window);
      list.addAll(child.output());
      LogicalPlan below = new Project(list, new Filter(new IsNotNull(w.timeColumn()), child));
      return replaceAndRebase(p, w, window.toAttribute(), below);
    }
    AttributeReference window = AttributeReference.create("window", type, true, meta);
    int count = (int) Math.ceil(w.windowDuration() * 1.0 / w.slideDuration());
    List<List<Expression>> projections = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Expression> row = new ArrayList<>();
      row.add(bounds(w, i, type));
      row.addAll(child.output());
      projections.add(row);
    }
    List<AttributeReference> output = new ArrayList<>();
    output.add(window);
    output.addAll(child.output());
    Expression condition =
        w.windowDuration() % w.slideDuration() == 0
            ? new IsNotNull(w.timeColumn())
            : new And(
                new Comparison(
                    Comparison.Op.GE, w.timeColumn(), new GetStructField(window, 0, "start")),
                new Comparison(
                    Comparison.Op.LT, w.timeColumn(), new GetStructField(window, 1, "end")));
    LogicalPlan below = new Filter(condition, new Expand(projections, output, child));
    return replaceAndRebase(p, w, window, below);
  }

  private LogicalPlan sessionWindow(UnaryNode p, SessionWindow s) {
    DataType type = s.dataType();
    Metadata meta = markedMetadata(s.timeColumn(), SessionWindow.MARKER);
    LogicalPlan child = p.child();
    Expression bounds =
        ScalarFunction.of(
            "session_window_bounds", List.of(s.timeColumn(), s.gapDuration()), type, false);
    Alias session = new Alias(bounds, "session_window", ExprId.next(), List.of(), meta);
    AttributeReference attr = session.toAttribute();
    List<NamedExpression> list = new ArrayList<>();
    list.add(session);
    list.addAll(child.output());
    Expression condition = new IsNotNull(s.timeColumn());
    if (filterByTimeRange(s.gapDuration())) {
      condition =
          new And(
              condition,
              new Comparison(
                  Comparison.Op.GT,
                  new GetStructField(attr, 1, "end"),
                  new GetStructField(attr, 0, "start")));
    }
    LogicalPlan below = new Filter(condition, new Project(list, child));
    return replaceAndRebase(p, s, attr, below);
  }

  /** False only for a constant gap that is a positive interval. */
  private static boolean filterByTimeRange(Expression gap) {
    if (!(gap instanceof Literal l)) return true;
    CalendarInterval ci =
        l.value() instanceof CalendarInterval c
            ? c
            : l.value() instanceof String text ? IntervalStrings.parseOrNull(text) : null;
    return ci == null || (long) ci.months() + ci.days() + ci.microseconds() <= 0;
  }

  private static LogicalPlan replaceAndRebase(
      UnaryNode p, Expression window, AttributeReference attr, LogicalPlan newChild) {
    LogicalPlan replaced = p.mapExpressions(e -> replace(e, window, attr));
    return ((UnaryNode) replaced).withChild(newChild);
  }

  /** {@code window_time(w)}: a column {@code w.end - 1 microsecond} computed below. */
  private LogicalPlan windowTimes(UnaryNode p) {
    List<WindowTime> found = new ArrayList<>();
    for (Expression e : p.expressions()) {
      for (WindowTime w : e.collect(WindowTime.class)) {
        if (!found.contains(w)) found.add(w);
      }
    }
    if (found.isEmpty()) return p;
    for (WindowTime w : found) {
      if (!w.resolved()) return p;
    }
    Map<WindowTime, AttributeReference> attrs = new LinkedHashMap<>();
    List<NamedExpression> list = new ArrayList<>();
    for (WindowTime w : found) {
      Metadata meta = windowMetadata(w);
      Expression end = new GetStructField(w.windowColumn(), 1, "end");
      Expression minusOne =
          new BinaryArithmetic(
              BinaryArithmetic.Op.SUBTRACT,
              end,
              new Literal(
                  1L,
                  new DayTimeIntervalType(DayTimeIntervalType.SECOND, DayTimeIntervalType.SECOND)),
              EvalMode.ANSI);
      Alias a = Alias.withMetadata(minusOne, w.sql(), ExprId.next(), List.of(), meta);
      list.add(a);
      attrs.put(w, a.toAttribute());
    }
    list.addAll(p.child().output());
    LogicalPlan replaced =
        p.mapExpressions(
            e ->
                e.transformDown(
                    x -> x instanceof WindowTime w && attrs.containsKey(w) ? attrs.get(w) : x));
    return ((UnaryNode) replaced).withChild(new Project(list, p.child()));
  }

  /** The window column's metadata without the window marks; an error if it is no window. */
  private static Metadata windowMetadata(WindowTime w) {
    Metadata m = w.windowColumn() instanceof AttributeReference a ? a.metadata() : Metadata.EMPTY;
    if (!m.contains(TimeWindow.MARKER) && !m.contains(SessionWindow.MARKER)) {
      throw QueryErrors.error(
          ErrorClass.WINDOW_TIME_WITHOUT_WINDOW_COLUMN,
          "windowTime",
          QueryErrors.toSQLExpr(w),
          "windowColumn",
          QueryErrors.toSQLExpr(w.windowColumn()));
    }
    return m.without(TimeWindow.MARKER).without(SessionWindow.MARKER);
  }
}
