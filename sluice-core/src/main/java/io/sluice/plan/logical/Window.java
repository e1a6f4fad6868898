package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.WindowExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates window expressions ({@code rank() OVER (...) AS r}) that share one partitioning and
 * ordering, as Spark's {@code Window}: every input row is passed on with the values of {@code
 * windowExpressions} appended. The analyzer builds it from projections and aggregates whose items
 * hold {@link WindowExpression}s (one node per distinct {@code PARTITION BY}/{@code ORDER BY}).
 * Window functions other than time windows cannot run on streams; a streaming check recognises this
 * node ({@code NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING}).
 *
 * @param windowExpressions aliased window expressions over {@code child}'s columns
 * @param partitionSpec the common {@code PARTITION BY} keys
 * @param orderSpec the common {@code ORDER BY} keys
 * @param child the input
 */
public record Window(
    List<NamedExpression> windowExpressions,
    List<Expression> partitionSpec,
    List<SortOrder> orderSpec,
    LogicalPlan child)
    implements UnaryNode {

  public Window {
    windowExpressions = List.copyOf(windowExpressions);
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  @Override
  public Window withChild(LogicalPlan c) {
    return new Window(windowExpressions, partitionSpec, orderSpec, c);
  }

  /** The input columns, then one per window expression. */
  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(child.output());
    for (NamedExpression e : windowExpressions) out.add(e.toAttribute());
    return out;
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>(windowExpressions);
    all.addAll(partitionSpec);
    all.addAll(orderSpec);
    return all;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<NamedExpression> w = new ArrayList<>();
    for (NamedExpression e : windowExpressions) w.add((NamedExpression) f.apply(e));
    List<Expression> p = new ArrayList<>();
    for (Expression e : partitionSpec) p.add(f.apply(e));
    List<SortOrder> o = new ArrayList<>();
    for (SortOrder e : orderSpec) o.add((SortOrder) f.apply(e));
    return new Window(w, p, o, child);
  }

  @Override
  public String argString() {
    return LogicalPlan.bracket(windowExpressions)
        + ", "
        + LogicalPlan.bracket(partitionSpec)
        + ", "
        + LogicalPlan.bracket(orderSpec);
  }
}
