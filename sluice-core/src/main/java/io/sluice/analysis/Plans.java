package io.sluice.analysis;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Except;
import io.sluice.plan.logical.Intersect;
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

  /** The columns the node's expressions may refer to: its children's output. */
  static List<AttributeReference> input(LogicalPlan p) {
    List<AttributeReference> in = new ArrayList<>();
    for (LogicalPlan c : p.children()) in.addAll(c.output());
    return in;
  }

  /** Every child has as many columns as the first, of the same types (nullability aside). */
  static boolean unionTypesAgree(Union u) {
    return typesAgree(u.children());
  }

  /** A positional set operation: a union not by name, {@code EXCEPT} or {@code INTERSECT}. */
  static boolean isPositionalSetOperation(LogicalPlan p) {
    return p instanceof Union u ? !u.byName() : p instanceof Except || p instanceof Intersect;
  }

  /** The name of a set operation in error messages: {@code UNION}, {@code EXCEPT}... */
  static String setOperationName(LogicalPlan p) {
    return p instanceof Except ? "EXCEPT" : p instanceof Intersect ? "INTERSECT" : "UNION";
  }

  /** Every plan has as many columns as the first, of the same types (nullability aside). */
  static boolean typesAgree(List<LogicalPlan> children) {
    List<AttributeReference> first = children.get(0).output();
    for (LogicalPlan c : children) {
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

  /** True when both nodes hold equal expressions (children are not compared). */
  static boolean sameExpressions(LogicalPlan a, LogicalPlan b) {
    return a.expressions().equals(b.expressions());
  }

  static boolean allResolved(List<? extends Expression> exprs) {
    for (Expression e : exprs) {
      if (!e.resolved()) return false;
    }
    return true;
  }
}
