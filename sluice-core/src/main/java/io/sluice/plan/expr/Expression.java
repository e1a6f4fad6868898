package io.sluice.plan.expr;

import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A node of an expression tree. Nodes are immutable (records); rewriting builds new trees with
 * {@link #withChildren} or {@link #transformUp}. Unresolved nodes (names not yet bound to columns,
 * functions not yet looked up) report {@code resolved() == false} and throw from {@link
 * #dataType()}.
 */
public interface Expression {

  List<Expression> children();

  /** A copy of this node with new children, in the order of {@link #children()}. */
  Expression withChildren(List<Expression> children);

  /** The result type; only valid once resolved. */
  DataType dataType();

  /** Whether the result may be null. */
  boolean nullable();

  /** Spark's pretty SQL of the expression, used to name unnamed result columns. */
  String sql();

  /** True once every name in this tree is bound and every input type is acceptable. */
  default boolean resolved() {
    for (Expression c : children()) {
      if (!c.resolved()) return false;
    }
    return true;
  }

  /** True when the value can be computed without input rows. */
  default boolean foldable() {
    return false;
  }

  /** False when two evaluations over the same input may differ (e.g. rand()). */
  default boolean deterministic() {
    for (Expression c : children()) {
      if (!c.deterministic()) return false;
    }
    return true;
  }

  /** Rewrites bottom-up: children first, then this node. */
  default Expression transformUp(Function<Expression, Expression> rule) {
    List<Expression> kids = children();
    Expression self = this;
    if (!kids.isEmpty()) {
      List<Expression> next = new ArrayList<>(kids.size());
      boolean changed = false;
      for (Expression k : kids) {
        Expression n = k.transformUp(rule);
        changed |= n != k;
        next.add(n);
      }
      if (changed) self = withChildren(next);
    }
    return rule.apply(self);
  }

  /** Rewrites top-down: this node first, then the children of the result. */
  default Expression transformDown(Function<Expression, Expression> rule) {
    Expression self = rule.apply(this);
    List<Expression> kids = self.children();
    if (kids.isEmpty()) return self;
    List<Expression> next = new ArrayList<>(kids.size());
    boolean changed = false;
    for (Expression k : kids) {
      Expression n = k.transformDown(rule);
      changed |= n != k;
      next.add(n);
    }
    return changed ? self.withChildren(next) : self;
  }

  /** True when this node or any descendant matches. */
  default boolean exists(Predicate<Expression> p) {
    if (p.test(this)) return true;
    for (Expression c : children()) {
      if (c.exists(p)) return true;
    }
    return false;
  }

  /** Every node of the tree matching {@code p}, in pre-order. */
  default <T extends Expression> List<T> collect(Class<T> type) {
    List<T> out = new ArrayList<>();
    collectInto(this, type, out);
    return out;
  }

  private static <T extends Expression> void collectInto(Expression e, Class<T> type, List<T> out) {
    if (type.isInstance(e)) out.add(type.cast(e));
    for (Expression c : e.children()) collectInto(c, type, out);
  }

  /** The attributes this expression reads. */
  default List<AttributeReference> references() {
    return collect(AttributeReference.class);
  }
}
