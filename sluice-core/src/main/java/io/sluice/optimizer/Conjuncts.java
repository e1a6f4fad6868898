package io.sluice.optimizer;

import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Splitting and joining predicates by AND, and reference sets by expression id. */
final class Conjuncts {
  private Conjuncts() {}

  /** {@code a AND (b AND c)} → {@code [a, b, c]}. */
  static List<Expression> split(Expression condition) {
    List<Expression> out = new ArrayList<>();
    splitInto(condition, out);
    return out;
  }

  private static void splitInto(Expression e, List<Expression> out) {
    if (e instanceof And and) {
      splitInto(and.left(), out);
      splitInto(and.right(), out);
    } else {
      out.add(e);
    }
  }

  /** {@code [a, b, c]} → {@code ((a AND b) AND c)}; null for an empty list. */
  static Expression and(List<Expression> conjuncts) {
    Expression result = null;
    for (Expression c : conjuncts) result = result == null ? c : new And(result, c);
    return result;
  }

  /** The expression ids of some attributes. */
  static Set<Long> ids(List<AttributeReference> attributes) {
    Set<Long> ids = new HashSet<>();
    for (AttributeReference a : attributes) ids.add(a.exprId());
    return ids;
  }

  /** The expression ids an expression reads. */
  static Set<Long> refs(Expression e) {
    Set<Long> ids = new HashSet<>();
    addRefs(e, ids);
    return ids;
  }

  static void addRefs(Expression e, Set<Long> into) {
    for (AttributeReference a : e.references()) into.add(a.exprId());
  }

  /** True when every attribute {@code e} reads is among {@code available}. */
  static boolean readsOnly(Expression e, Set<Long> available) {
    for (AttributeReference a : e.references()) {
      if (!available.contains(a.exprId())) return false;
    }
    return true;
  }
}
