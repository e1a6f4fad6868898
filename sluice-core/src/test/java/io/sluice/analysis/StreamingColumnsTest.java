package io.sluice.analysis;

import static io.sluice.analysis.UnsupportedOperationCheckerTest.attribute;
import static io.sluice.streaming.OutputMode.APPEND;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.UnaryNode;
import io.sluice.types.DataTypes;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event-time columns of window plans, built as the event-time window analysis builds them: a {@code
 * window_bounds(ts, ...)} column (or one of several candidate windows, for sliding windows), {@code
 * window_time(w)} as {@code w.end - 1 microsecond}.
 */
class StreamingColumnsTest extends StreamingCheckSupport {
  private static final StructType WINDOW =
      new StructType(
          new StructField[] {
            new StructField("start", DataTypes.TimestampType, true),
            new StructField("end", DataTypes.TimestampType, true)
          });

  private static Expression windowOf(Expression time) {
    return ScalarFunction.of(
        "window_bounds",
        List.of(time, Literal.of(60_000_000L), Literal.of(60_000_000L), Literal.of(0L)),
        WINDOW,
        true);
  }

  /** {@code Project [window(time) AS window, *]} over {@code input}. */
  private static Project withWindow(LogicalPlan input, Expression time) {
    List<NamedExpression> list = new ArrayList<>();
    list.add(Alias.of(windowOf(time), "window"));
    list.addAll(input.output());
    return new Project(list, input);
  }

  private static Aggregate countBy(LogicalPlan input, String column) {
    AttributeReference key = attribute(input, column);
    Expression count =
        ((Alias)
                ((Aggregate) analyzed(session.sql("SELECT count(*) AS c FROM events")))
                    .aggregateExpressions()
                    .get(0))
            .child();
    return new Aggregate(List.of(key), List.of(key, Alias.of(count, "cnt")), input);
  }

  @Test
  void aWindowOfTheWatermarkedColumnIsAnEventTimeColumn() {
    LogicalPlan wm = analyzed(session.table("events_wm"));
    Project windowed = withWindow(wm, attribute(wm, "ts"));
    StreamingColumns columns = new StreamingColumns();
    assertThat(columns.isEventTime(windowed, attribute(windowed, "window"))).isTrue();
    UnsupportedOperationChecker.checkForStreaming(countBy(windowed, "window"), APPEND);

    LogicalPlan plain = analyzed(session.table("events"));
    Project unwatermarked = withWindow(plain, attribute(plain, "ts"));
    assertRefused(
        countBy(unwatermarked, "window"), APPEND, "STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION");
  }

  @Test
  void windowTimeOfAnEventTimeWindowIsAnEventTimeColumn() {
    LogicalPlan wm = analyzed(session.table("events_wm"));
    Aggregate perMinute = countBy(withWindow(wm, attribute(wm, "ts")), "window");
    AttributeReference w = attribute(perMinute, "window");
    Expression windowTime =
        new BinaryArithmetic(
            BinaryArithmetic.Op.SUBTRACT,
            new GetStructField(w, 1, "end"),
            new Literal(
                1L,
                new DayTimeIntervalType(DayTimeIntervalType.SECOND, DayTimeIntervalType.SECOND)),
            EvalMode.ANSI);
    List<NamedExpression> list = new ArrayList<>();
    list.add(Alias.of(windowTime, "window_time(window)"));
    list.addAll(perMinute.output());
    Project times = new Project(list, perMinute);
    StreamingColumns columns = new StreamingColumns();
    assertThat(columns.isEventTime(times, attribute(times, "window_time(window)"))).isTrue();
    // window(window_time(w), ...) over it: chained windowed aggregations in append mode.
    Project outer = withWindow(times, attribute(times, "window_time(window)"));
    UnsupportedOperationChecker.checkForStreaming(countBy(outer, "window"), APPEND);
    // The start of a window is no event time.
    List<NamedExpression> starts = new ArrayList<>();
    starts.add(Alias.of(new GetStructField(w, 0, "start"), "s"));
    starts.addAll(perMinute.output());
    Project byStart = new Project(starts, perMinute);
    assertThat(columns.isEventTime(byStart, attribute(byStart, "s"))).isFalse();
  }

  @Test
  void aWindowComputedByAnotherOperatorIsAnEventTimeColumn() {
    LogicalPlan wm = analyzed(session.table("events_wm"));
    SlidingWindows sliding = new SlidingWindows(attribute(wm, "ts"), wm);
    StreamingColumns columns = new StreamingColumns();
    assertThat(columns.isEventTime(sliding, attribute(sliding, "window"))).isTrue();
    assertThat(columns.isEventTime(sliding, attribute(sliding, "ts"))).isTrue();
    assertThat(columns.isEventTime(sliding, attribute(sliding, "user_id"))).isFalse();
    UnsupportedOperationChecker.checkForStreaming(countBy(sliding, "window"), APPEND);
  }

  /**
   * Stands for an operator the checker does not know that adds a window column, as an {@code
   * Expand} into the candidate windows of each row.
   */
  record SlidingWindows(AttributeReference window, AttributeReference time, LogicalPlan child)
      implements UnaryNode {
    SlidingWindows(AttributeReference time, LogicalPlan child) {
      this(AttributeReference.create("window", WINDOW, true), time, child);
    }

    @Override
    public SlidingWindows withChild(LogicalPlan c) {
      return new SlidingWindows(window, time, c);
    }

    @Override
    public List<AttributeReference> output() {
      List<AttributeReference> out = new ArrayList<>(List.of(window));
      out.addAll(child.output());
      return out;
    }

    @Override
    public List<Expression> expressions() {
      return List.of(windowOf(time), windowOf(time));
    }

    @Override
    public String argString() {
      return window.toString();
    }
  }
}
