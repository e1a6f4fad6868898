package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Keeps the first row of each distinct {@code keys} value: {@code dropDuplicates(cols)}. */
public record Deduplicate(List<AttributeReference> keys, LogicalPlan child) implements UnaryNode {
  public Deduplicate {
    keys = List.copyOf(keys);
  }

  @Override
  public Deduplicate withChild(LogicalPlan c) {
    return new Deduplicate(keys, c);
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<Expression> expressions() {
    return new ArrayList<>(keys);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<AttributeReference> next = new ArrayList<>();
    for (AttributeReference k : keys) next.add((AttributeReference) f.apply(k));
    return new Deduplicate(next, child);
  }

  @Override
  public String argString() {
    return LogicalPlan.bracket(keys);
  }
}
