package io.sluice.plan.logical;

import java.util.List;

/** A plan node with one child. */
public interface UnaryNode extends LogicalPlan {
  LogicalPlan child();

  UnaryNode withChild(LogicalPlan child);

  @Override
  default List<LogicalPlan> children() {
    return List.of(child());
  }

  @Override
  default LogicalPlan withChildren(List<LogicalPlan> children) {
    return withChild(children.get(0));
  }
}
