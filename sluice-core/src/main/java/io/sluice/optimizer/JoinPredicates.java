package io.sluice.optimizer;

import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The join part of {@link PushDownPredicates}. Conjuncts are split into those reading only the left
 * input, only the right input, and the rest (common or non-deterministic ones). Where each may go
 * depends on which side's rows the join may null-extend or drop:
 *
 * <pre>
 * join type        WHERE conjuncts above the join     ON conjuncts
 * inner, cross     left → left, right → right,        left → left, right → right
 *                  common → into the ON condition
 * left outer       left → left                        right → right
 * right outer      right → right                      left → left
 * full outer       none                               none
 * left semi        left → left                        left → left, right → right
 * left anti        left → left                        right → right
 * </pre>
 */
final class JoinPredicates {
  private JoinPredicates() {}

  private record Split(List<Expression> left, List<Expression> right, List<Expression> common) {}

  private static Split split(List<Expression> conjuncts, Join join) {
    Set<Long> leftIds = Conjuncts.ids(join.left().output());
    Set<Long> rightIds = Conjuncts.ids(join.right().output());
    Split s = new Split(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Expression c : conjuncts) {
      if (!c.deterministic()) {
        s.common().add(c);
      } else if (Conjuncts.readsOnly(c, leftIds)) {
        s.left().add(c);
      } else if (Conjuncts.readsOnly(c, rightIds)) {
        s.right().add(c);
      } else {
        s.common().add(c);
      }
    }
    return s;
  }

  /** A filter above a join: its conjuncts pushed into the join's inputs or condition. */
  static LogicalPlan pushFilter(Filter filter, Join join) {
    Split s = split(Conjuncts.split(filter.condition()), join);
    LogicalPlan left = join.left();
    LogicalPlan right = join.right();
    switch (join.joinType()) {
      case INNER, CROSS:
        {
          List<Expression> intoJoin = new ArrayList<>();
          List<Expression> above = new ArrayList<>();
          for (Expression c : s.common()) (c.deterministic() ? intoJoin : above).add(c);
          if (s.left().isEmpty() && s.right().isEmpty() && intoJoin.isEmpty()) return filter;
          if (join.condition() != null) intoJoin.addAll(Conjuncts.split(join.condition()));
          Join pushed =
              new Join(
                  withFilter(s.left(), left),
                  withFilter(s.right(), right),
                  join.joinType(),
                  Conjuncts.and(intoJoin),
                  join.usingColumns());
          return PushDownPredicates.stayUp(above, pushed);
        }
      case LEFT_OUTER, LEFT_SEMI, LEFT_ANTI:
        {
          if (s.left().isEmpty()) return filter;
          List<Expression> above = new ArrayList<>(s.right());
          above.addAll(s.common());
          return PushDownPredicates.stayUp(
              above, withInputs(join, withFilter(s.left(), left), right, join.condition()));
        }
      case RIGHT_OUTER:
        {
          if (s.right().isEmpty()) return filter;
          List<Expression> above = new ArrayList<>(s.left());
          above.addAll(s.common());
          return PushDownPredicates.stayUp(
              above, withInputs(join, left, withFilter(s.right(), right), join.condition()));
        }
      case FULL_OUTER:
        return filter;
    }
    throw new IllegalStateException(join.joinType().toString());
  }

  /** A join's own condition: its single-side conjuncts pushed into that input. */
  static LogicalPlan pushJoinCondition(Join join) {
    if (join.condition() == null) return join;
    Split s = split(Conjuncts.split(join.condition()), join);
    switch (join.joinType()) {
      case INNER, CROSS, LEFT_SEMI:
        {
          if (s.left().isEmpty() && s.right().isEmpty()) return join;
          return withInputs(
              join,
              withFilter(s.left(), join.left()),
              withFilter(s.right(), join.right()),
              Conjuncts.and(s.common()));
        }
      case LEFT_OUTER, LEFT_ANTI:
        {
          if (s.right().isEmpty()) return join;
          List<Expression> remaining = new ArrayList<>(s.left());
          remaining.addAll(s.common());
          return withInputs(
              join, join.left(), withFilter(s.right(), join.right()), Conjuncts.and(remaining));
        }
      case RIGHT_OUTER:
        {
          if (s.left().isEmpty()) return join;
          List<Expression> remaining = new ArrayList<>(s.right());
          remaining.addAll(s.common());
          return withInputs(
              join, withFilter(s.left(), join.left()), join.right(), Conjuncts.and(remaining));
        }
      case FULL_OUTER:
        return join;
    }
    throw new IllegalStateException(join.joinType().toString());
  }

  private static Join withInputs(
      Join join, LogicalPlan left, LogicalPlan right, Expression condition) {
    return new Join(left, right, join.joinType(), condition, join.usingColumns());
  }

  private static LogicalPlan withFilter(List<Expression> conjuncts, LogicalPlan input) {
    return conjuncts.isEmpty() ? input : new Filter(Conjuncts.and(conjuncts), input);
  }
}
