package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Computes {@code projectList} for each input row: {@code SELECT}. */
public record Project(List<NamedExpression> projectList, LogicalPlan child) implements UnaryNode {
  public Project {
    projectList = List.copyOf(projectList);
  }

  @Override
  public Project withChild(LogicalPlan c) {
    return new Project(projectList, c);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(projectList.size());
    for (NamedExpression e : projectList) out.add(e.toAttribute());
    return out;
  }

  @Override
  public List<Expression> expressions() {
    return new ArrayList<>(projectList);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    List<NamedExpression> next = new ArrayList<>(projectList.size());
    for (NamedExpression e : projectList) next.add((NamedExpression) f.apply(e));
    return new Project(next, child);
  }

  @Override
  public String argString() {
    return LogicalPlan.bracket(projectList);
  }
}
