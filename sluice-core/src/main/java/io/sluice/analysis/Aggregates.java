package io.sluice.analysis;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Sort;
import java.util.ArrayList;
import java.util.List;

/** Helpers about aggregate calls and the sort/filter operators that may refer to them. */
final class Aggregates {
  private Aggregates() {}

  /**
   * Whether {@code e} calls an aggregate function of the operator that holds it: an aggregate
   * evaluated over a window ({@code sum(x) OVER (...)}) is not one, but an aggregate inside its
   * arguments or window keys is ({@code sum(sum(x)) OVER ()}).
   */
  static boolean containsAggregate(Expression e) {
    if (e instanceof AggregateCall) return true;
    if (e instanceof WindowExpression w) {
      for (Expression a : windowFunctionInputs(w.function())) {
        if (containsAggregate(a)) return true;
      }
      for (Expression c : w.children().subList(1, w.children().size())) {
        if (containsAggregate(c)) return true;
      }
      return false;
    }
    for (Expression c : e.children()) {
      if (containsAggregate(c)) return true;
    }
    return false;
  }

  /** The aggregate calls of the operator holding {@code e} (see {@link #containsAggregate}). */
  static List<AggregateCall> aggregateCalls(Expression e) {
    List<AggregateCall> out = new ArrayList<>();
    collectCalls(e, out);
    return out;
  }

  private static void collectCalls(Expression e, List<AggregateCall> out) {
    if (e instanceof AggregateCall c) {
      out.add(c);
      return;
    }
    List<Expression> kids = e.children();
    if (e instanceof WindowExpression w) {
      kids = new ArrayList<>(windowFunctionInputs(w.function()));
      kids.addAll(w.children().subList(1, w.children().size()));
    }
    for (Expression c : kids) collectCalls(c, out);
  }

  /** The inputs of a windowed function: an aggregate's arguments, else its children. */
  private static List<Expression> windowFunctionInputs(Expression f) {
    if (f instanceof RuntimeReplaceable r && isAggregate(r.replacement())) {
      return windowFunctionInputs(r.replacement());
    }
    return f.children();
  }

  static boolean containsAggregate(List<? extends Expression> es) {
    for (Expression e : es) {
      if (containsAggregate(e)) return true;
    }
    return false;
  }

  /** True for an aggregate call, possibly under a display-only wrapper ({@code mean}). */
  static boolean isAggregate(Expression e) {
    if (e instanceof AggregateCall) return true;
    return e instanceof RuntimeReplaceable r && isAggregate(r.replacement());
  }

  /** A sort or filter with new expressions (in {@code expressions()} order) and child. */
  static LogicalPlan withExpressions(LogicalPlan p, List<Expression> exprs, LogicalPlan child) {
    if (p instanceof Sort s) {
      List<SortOrder> order = new ArrayList<>();
      for (Expression e : exprs) order.add((SortOrder) e);
      return new Sort(order, s.global(), child);
    }
    if (p instanceof Filter) return new Filter(exprs.get(0), child);
    throw new IllegalArgumentException("Not a sort or filter: " + p.nodeName());
  }
}
