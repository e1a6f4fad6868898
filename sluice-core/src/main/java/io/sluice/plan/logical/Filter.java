package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/** Keeps the rows for which {@code condition} is true (not false, not null). */
public record Filter(Expression condition, LogicalPlan child) implements UnaryNode {
  @Override
  public Filter withChild(LogicalPlan c) {
    return new Filter(condition, c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<Expression> expressions() {
    return List.of(condition);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    return new Filter(f.apply(condition), child);
  }

  @Override
  public String argString() {
    return condition.toString();
  }
}
