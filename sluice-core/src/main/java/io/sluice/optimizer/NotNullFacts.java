package io.sluice.optimizer;

import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetArrayItem;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import io.sluice.plan.logical.UnaryNode;
import io.sluice.plan.logical.Union;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a plan guarantees to be non-null in every row it outputs, as a set of {@link Canonical}
 * expressions: non-nullable output columns, plus what filters and inner joins imply. A row passes a
 * condition only if it is true, hence not null; for a <em>null-intolerant</em> expression (null
 * whenever an input is null, e.g. {@code a + 1 > b}) that means its inputs are not null either.
 */
final class NotNullFacts {
  private NotNullFacts() {}

  static Set<Expression> of(LogicalPlan plan) {
    Set<Expression> facts = new HashSet<>();
    for (AttributeReference a : plan.output()) {
      if (!a.nullable()) facts.add(Canonical.of(a));
    }
    if (plan instanceof Filter f) {
      facts.addAll(of(f.child()));
      for (Expression c : Conjuncts.split(f.condition())) addImplied(c, facts);
    } else if (plan instanceof Project p) {
      addPassedThrough(p.projectList(), of(p.child()), facts);
    } else if (plan instanceof Aggregate a) {
      addPassedThrough(a.aggregateExpressions(), of(a.child()), facts);
    } else if (plan instanceof Join j) {
      addJoinFacts(j, facts);
    } else if (plan instanceof Union u) {
      addUnionFacts(u, facts);
    } else if (plan instanceof UnaryNode u
        && Conjuncts.ids(u.output()).equals(Conjuncts.ids(u.child().output()))) {
      facts.addAll(of(u.child())); // sort, limit, repartition, distinct...: same rows' values
    }
    return facts;
  }

  /** Adds what a true {@code conjunct} implies to {@code facts}. */
  static void addImplied(Expression conjunct, Set<Expression> facts) {
    if (conjunct instanceof IsNotNull n) {
      addNonNull(n.child(), facts);
    } else if (!strictInputs(conjunct).isEmpty()) {
      addNonNull(conjunct, facts);
    }
  }

  /** {@code e} is not null; so are its strict inputs, recursively. */
  private static void addNonNull(Expression e, Set<Expression> facts) {
    facts.add(Canonical.of(e));
    for (Expression input : strictInputs(e)) addNonNull(input, facts);
  }

  /** Inputs of {@code e} that make it null when they are null. */
  private static List<Expression> strictInputs(Expression e) {
    if (e instanceof Comparison c) {
      return c.op() == Comparison.Op.NULL_SAFE_EQ ? List.of() : c.children();
    }
    if (e instanceof BinaryArithmetic
        || e instanceof UnaryMinus
        || e instanceof Not
        || e instanceof Cast
        || e instanceof GetStructField
        || e instanceof GetArrayItem
        || e instanceof GetMapValue) {
      return e.children();
    }
    if (e instanceof In in && !in.list().isEmpty()) return List.of(in.value());
    return List.of();
  }

  private static void addPassedThrough(
      List<NamedExpression> items, Set<Expression> childFacts, Set<Expression> facts) {
    for (NamedExpression item : items) {
      Expression value = item instanceof Alias a ? a.child() : item;
      if (childFacts.contains(Canonical.of(value))) facts.add(Canonical.of(item.toAttribute()));
    }
  }

  private static void addJoinFacts(Join j, Set<Expression> facts) {
    switch (j.joinType()) {
      case INNER, CROSS, LEFT_SEMI -> {
        facts.addAll(of(j.left()));
        if (j.joinType() != JoinType.LEFT_SEMI) facts.addAll(of(j.right()));
        if (j.condition() != null) {
          Set<Expression> implied = new HashSet<>();
          for (Expression c : Conjuncts.split(j.condition())) addImplied(c, implied);
          Set<Long> outIds = Conjuncts.ids(j.output());
          for (Expression e : implied) {
            if (Conjuncts.readsOnly(e, outIds)) facts.add(e);
          }
        }
      }
      case LEFT_OUTER, LEFT_ANTI -> facts.addAll(of(j.left()));
      case RIGHT_OUTER -> facts.addAll(of(j.right()));
      case FULL_OUTER -> {}
    }
  }

  private static void addUnionFacts(Union u, Set<Expression> facts) {
    List<Set<Expression>> childFacts = new java.util.ArrayList<>();
    for (LogicalPlan c : u.children()) childFacts.add(of(c));
    List<AttributeReference> out = u.output();
    for (int i = 0; i < out.size(); i++) {
      boolean all = true;
      for (int c = 0; c < childFacts.size() && all; c++) {
        all = childFacts.get(c).contains(Canonical.of(u.children().get(c).output().get(i)));
      }
      if (all) facts.add(Canonical.of(out.get(i)));
    }
  }
}
