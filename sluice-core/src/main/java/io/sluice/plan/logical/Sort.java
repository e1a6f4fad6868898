package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Orders rows; {@code global} sorts across partitions ({@code orderBy}), else within each. */
public record Sort(List<SortOrder> order, boolean global, LogicalPlan child) implements UnaryNode {
  public Sort {
    order = List.copyOf(order);
  }

  @Override
  public Sort withChild(LogicalPlan c) {
    return new Sort(order, global, c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<Expression> expressions() {
    return new ArrayList<>(order);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<SortOrder> next = new ArrayList<>();
    for (SortOrder o : order) next.add((SortOrder) f.apply(o));
    return new Sort(next, global, child);
  }

  @Override
  public String argString() {
    return LogicalPlan.bracket(order) + ", " + global;
  }
}
