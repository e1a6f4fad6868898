package io.sluice.analysis;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Union;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Questions rules ask about plans. */
final class Plans {
  private Plans() {}

  /**
   * True when a parent may resolve names against this plan's output: it is resolved, and its
   * output will not change any more (a union's columns are already of one type, a join's
   * sides have distinct column ids).
   */
  static boolean ready(LogicalPlan p) {
    if (!p.resolved()) return false;
    for (LogicalPlan c : p.children()) {
      if (!ready(c)) return false;
    }
    if (p instanceof Union u) return unionTypesAgree(u);
    if (p instanceof Join j) return conflictingIds(j.left(), j.right()).isEmpty();
    return true;
  }

  static boolean childrenReady(LogicalPlan p) {
    for (LogicalPlan c : p.children()) {
      if (!ready(c)) return false;
    }
    return true;
  }

  /** The columns the node's expressions may refer to: its children's output. */
  static List<AttributeReference> input(LogicalPlan p) {
    List<AttributeReference> in = new ArrayList<>();
    for (LogicalPlan c : p.children()) in.addAll(c.output());
    return in;
  }

  /** Every child has as many columns as the first, of the same types (nullability aside). */
  static boolean unionTypesAgree(Union u) {
    List<AttributeReference> first = u.children().get(0).output();
    for (LogicalPlan c : u.children()) {
      List<AttributeReference> out = c.output();
      if (out.size() != first.size()) return false;
      for (int i = 0; i < out.size(); i++) {
        if (!TypeWidening.sameType(out.get(i).dataType(), first.get(i).dataType())) return false;
      }
    }
    return true;
  }

  /** Ids produced by both sides of a join (a self-join not yet deduplicated). */
  static Set<Long> conflictingIds(LogicalPlan left, LogicalPlan right) {
    Set<Long> l = new HashSet<>();
    for (AttributeReference a : left.output()) l.add(a.exprId());
    Set<Long> both = new HashSet<>();
    for (AttributeReference a : right.output()) {
      if (l.contains(a.exprId())) both.add(a.exprId());
    }
    return both;
  }

  /** Distinct attributes read by the expressions, in order of appearance. */
  static List<AttributeReference> references(List<? extends Expression> exprs) {
    Map<Long, AttributeReference> refs = new LinkedHashMap<>();
    for (Expression e : exprs) {
      for (AttributeReference a : e.references()) refs.putIfAbsent(a.exprId(), a);
    }
    return new ArrayList<>(refs.values());
  }

  /** Attributes the node reads that none of its children produce. */
  static List<AttributeReference> missingInput(LogicalPlan p) {
    Set<Long> in = new HashSet<>();
    for (AttributeReference a : input(p)) in.add(a.exprId());
    List<AttributeReference> missing = new ArrayList<>();
    for (AttributeReference a : references(p.expressions())) {
      if (!in.contains(a.exprId())) missing.add(a);
    }
    return missing;
  }

  static boolean allResolved(List<? extends Expression> exprs) {
    for (Expression e : exprs) {
      if (!e.resolved()) return false;
    }
    return true;
  }
}
