package io.sluice.plan.logical;

import io.sluice.plan.TreeFormat;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A node of a logical plan: what to compute, not how. Nodes are immutable records; analysis and
 * optimization build new trees. {@link #output()} is only valid once the node is resolved.
 */
public interface LogicalPlan {

  List<LogicalPlan> children();

  /** A copy with new children, in the order of {@link #children()}. */
  LogicalPlan withChildren(List<LogicalPlan> children);

  /** The columns this node produces. */
  List<AttributeReference> output();

  /** The expressions held by this node itself (not its children). */
  default List<Expression> expressions() {
    return List.of();
  }

  /** A copy whose own expressions are rewritten by {@code f}; the default has none. */
  default LogicalPlan mapExpressions(Function<Expression, Expression> f) {
    return this;
  }

  /** True once this node and its children are resolved. */
  default boolean resolved() {
    for (LogicalPlan c : children()) {
      if (!c.resolved()) return false;
    }
    for (Expression e : expressions()) {
      if (!e.resolved()) return false;
    }
    return true;
  }

  /** True when any leaf is a streaming source. */
  default boolean isStreaming() {
    for (LogicalPlan c : children()) {
      if (c.isStreaming()) return true;
    }
    return false;
  }

  /** The node's name in plans, e.g. {@code Project}; unresolved nodes start with a quote. */
  default String nodeName() {
    return (resolved() ? "" : "'") + getClass().getSimpleName();
  }

  /** The node's arguments as shown in plans, e.g. {@code [a#1, b#2]}. */
  String argString();

  /** The plan as Spark's {@code treeString}. */
  default String treeString() {
    return TreeFormat.draw(
        this, p -> (p.nodeName() + " " + p.argString()).stripTrailing(), LogicalPlan::children);
  }

  default LogicalPlan transformUp(Function<LogicalPlan, LogicalPlan> rule) {
    List<LogicalPlan> kids = children();
    LogicalPlan self = this;
    if (!kids.isEmpty()) {
      List<LogicalPlan> next = new ArrayList<>(kids.size());
      boolean changed = false;
      for (LogicalPlan k : kids) {
        LogicalPlan n = k.transformUp(rule);
        changed |= n != k;
        next.add(n);
      }
      if (changed) self = withChildren(next);
    }
    return rule.apply(self);
  }

  default LogicalPlan transformDown(Function<LogicalPlan, LogicalPlan> rule) {
    LogicalPlan self = rule.apply(this);
    List<LogicalPlan> kids = self.children();
    if (kids.isEmpty()) return self;
    List<LogicalPlan> next = new ArrayList<>(kids.size());
    boolean changed = false;
    for (LogicalPlan k : kids) {
      LogicalPlan n = k.transformDown(rule);
      changed |= n != k;
      next.add(n);
    }
    return changed ? self.withChildren(next) : self;
  }

  /** Formats a list of expressions as {@code [a#1, b#2]}. */
  static String bracket(List<? extends Expression> exprs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < exprs.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(exprs.get(i));
    }
    return sb.append(']').toString();
  }
}
