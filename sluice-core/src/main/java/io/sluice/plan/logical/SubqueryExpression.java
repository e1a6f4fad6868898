package io.sluice.plan.logical;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.OuterReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression holding a query: a scalar subquery, {@code EXISTS} or {@code IN (SELECT ...)}. The
 * query is not an expression child: it is analyzed on its own (its unresolved names may name
 * columns of the enclosing operator's input, which become {@link OuterReference}s), and the
 * optimizer replaces the expression by a join. These live with the plans because they hold one.
 */
public sealed interface SubqueryExpression extends Expression
    permits ScalarSubquery, Exists, InSubquery {
  /** The subquery. */
  LogicalPlan plan();

  /** The same expression over another plan (once analyzed, or rewritten). */
  SubqueryExpression withPlan(LogicalPlan plan);

  /** The columns of the enclosing query the subquery reads, in order of appearance. */
  default List<AttributeReference> outerAttributes() {
    return outerAttributes(plan());
  }

  /** True when the subquery reads columns of the enclosing query. */
  default boolean correlated() {
    return !outerAttributes().isEmpty();
  }

  /** The distinct enclosing-query columns read anywhere in {@code plan}. */
  static List<AttributeReference> outerAttributes(LogicalPlan plan) {
    Map<Long, AttributeReference> found = new LinkedHashMap<>();
    collectOuter(plan, found);
    return new ArrayList<>(found.values());
  }

  private static void collectOuter(LogicalPlan plan, Map<Long, AttributeReference> found) {
    for (Expression e : plan.expressions()) {
      for (OuterReference o : e.collect(OuterReference.class)) {
        found.putIfAbsent(o.attribute().exprId(), o.attribute());
      }
    }
    for (LogicalPlan c : plan.children()) collectOuter(c, found);
  }

  /** Spark's names list the outer columns read: {@code scalarsubquery(k)}. */
  default String outerSql() {
    List<String> parts = new ArrayList<>();
    for (AttributeReference a : outerAttributes()) parts.add(a.sql());
    return String.join(", ", parts);
  }
}
