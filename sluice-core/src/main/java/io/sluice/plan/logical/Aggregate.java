package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Groups rows by {@code groupingExpressions} and computes {@code aggregateExpressions} per group
 * (which may refer to grouping expressions and contain aggregate calls). No grouping expressions
 * means one global group, which yields one row even for empty input.
 */
public record Aggregate(
    List<Expression> groupingExpressions,
    List<NamedExpression> aggregateExpressions,
    LogicalPlan child)
    implements UnaryNode {

  public Aggregate {
    groupingExpressions = List.copyOf(groupingExpressions);
    aggregateExpressions = List.copyOf(aggregateExpressions);
  }

  @Override
  public Aggregate withChild(LogicalPlan c) {
    return new Aggregate(groupingExpressions, aggregateExpressions, c);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(aggregateExpressions.size());
    for (NamedExpression e : aggregateExpressions) out.add(e.toAttribute());
    return out;
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>(groupingExpressions);
    all.addAll(aggregateExpressions);
    return all;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<Expression> g = new ArrayList<>();
    for (Expression e : groupingExpressions) g.add(f.apply(e));
    List<NamedExpression> a = new ArrayList<>();
    for (NamedExpression e : aggregateExpressions) a.add((NamedExpression) f.apply(e));
    return new Aggregate(g, a, child);
  }

  @Override
  public String argString() {
    return LogicalPlan.bracket(groupingExpressions)
        + ", "
        + LogicalPlan.bracket(aggregateExpressions);
  }
}
