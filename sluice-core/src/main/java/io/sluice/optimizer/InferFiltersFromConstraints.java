package io.sluice.optimizer;

import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds {@code IS NOT NULL} filters on join inputs for the columns a join condition needs to be
 * non-null (e.g. both keys of {@code a = b}): rows where they are null can never match, so the
 * input drops them before the join. Only on inputs whose unmatched rows the join drops: both inputs
 * of inner, cross and left-semi joins; the right input of left outer and left anti joins; the left
 * input of right outer joins. A filter is added only when the input does not already guarantee the
 * column is non-null (see {@link NotNullFacts}), which keeps the rule idempotent. This is the
 * not-null part of Spark's rule of that name; constraints are not propagated across equalities.
 *
 * <pre>{@code
 * Join Inner, (a#1 = b#2)              Join Inner, (a#1 = b#2)
 * :- LocalRelation [a#1]        =>     :- Filter (a#1 IS NOT NULL)
 * +- LocalRelation [b#2]               :  +- LocalRelation [a#1]
 *                                      +- Filter (b#2 IS NOT NULL)
 *                                         +- LocalRelation [b#2]
 * }</pre>
 */
public final class InferFiltersFromConstraints implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(p -> p instanceof Join j && j.condition() != null ? infer(j) : p);
  }

  private static LogicalPlan infer(Join j) {
    // an input may be filtered when the join drops its rows that find no match
    boolean left =
        switch (j.joinType()) {
          case INNER, CROSS, LEFT_SEMI, RIGHT_OUTER -> true;
          case LEFT_OUTER, LEFT_ANTI, FULL_OUTER -> false;
        };
    boolean right =
        switch (j.joinType()) {
          case INNER, CROSS, LEFT_SEMI, LEFT_OUTER, LEFT_ANTI -> true;
          case RIGHT_OUTER, FULL_OUTER -> false;
        };
    if (!left && !right) return j;
    Set<Expression> implied = new HashSet<>();
    for (Expression c : Conjuncts.split(j.condition())) {
      if (c.deterministic()) NotNullFacts.addImplied(c, implied);
    }
    LogicalPlan newLeft = left ? withNotNull(j.left(), implied) : j.left();
    LogicalPlan newRight = right ? withNotNull(j.right(), implied) : j.right();
    if (newLeft == j.left() && newRight == j.right()) return j;
    return new Join(newLeft, newRight, j.joinType(), j.condition(), j.usingColumns());
  }

  private static LogicalPlan withNotNull(LogicalPlan input, Set<Expression> implied) {
    Set<Expression> known = null;
    List<Expression> checks = new ArrayList<>();
    for (AttributeReference a : input.output()) {
      Expression canonical = Canonical.of(a);
      if (!a.nullable() || !implied.contains(canonical)) continue;
      if (known == null) known = NotNullFacts.of(input);
      if (!known.contains(canonical)) checks.add(new IsNotNull(a));
    }
    return checks.isEmpty() ? input : new Filter(Conjuncts.and(checks), input);
  }
}
