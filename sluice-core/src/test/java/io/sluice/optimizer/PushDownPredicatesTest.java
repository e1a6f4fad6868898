package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Deduplicate;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Repartition;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.Union;
import io.sluice.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PushDownPredicatesTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final AttributeReference c = intCol("c");
  private final AttributeReference d = intCol("d");
  private final LocalRelation left = relation(a, b);
  private final LocalRelation right = relation(c, d);
  private final Rule rule = new PushDownPredicates();

  private static Join join(LogicalPlan l, LogicalPlan r, JoinType type, Expression on) {
    return new Join(l, r, type, on, List.of());
  }

  @Nested
  class ThroughUnaryNodes {
    @Test
    void throughAProjectionWithItsAliasesSubstituted() {
      Alias x = alias(add(a, lit(1)), "x");
      LogicalPlan before =
          filter(and(gt(x.toAttribute(), lit(1)), eq(b, lit(2))), project(left, x, b));

      assertSamePlan(
          rule.apply(before),
          project(filter(and(gt(add(a, lit(1)), lit(1)), eq(b, lit(2))), left), x, b));
    }

    @Test
    void aConditionOnAParsedValueDoesNotParseTwice() {
      StructType parsedType = StructType.fromDDL("k INT, v INT");
      Alias e = alias(ScalarFunction.of("from_json", List.of(b), parsedType, true), "e");
      Expression onK = gt(new GetStructField(e.toAttribute(), 0, "k"), lit(1));
      LogicalPlan parsed = project(left, e, a);

      // only the parsing and columns: the condition stays above, the plain one goes down
      assertSamePlan(
          rule.apply(filter(and(onK, eq(a, lit(2))), parsed)),
          filter(onK, project(filter(eq(a, lit(2)), left), e, a)));
      LogicalPlan settled = filter(onK, parsed);
      assertThat(rule.apply(settled)).isSameAs(settled);

      // other expressions of the projection stay above the condition, computed for its rows only
      Alias x = alias(add(a, lit(1)), "x");
      assertSamePlan(
          rule.apply(filter(onK, project(left, e, x))),
          project(filter(onK, project(left, e, a, b)), e.toAttribute(), x));
    }

    @Test
    void nonDeterministicConjunctsStayAbove() {
      Expression random = gt(new Rand(1), lit(0));
      LogicalPlan before = filter(and(random, eq(a, lit(2))), project(left, a));

      assertSamePlan(rule.apply(before), filter(random, project(filter(eq(a, lit(2)), left), a)));
    }

    @Test
    void notThroughANonDeterministicProjection() {
      LogicalPlan plan = filter(eq(a, lit(2)), project(left, a, alias(new Rand(1), "r")));
      assertThat(rule.apply(plan)).isSameAs(plan);
    }

    @Test
    void throughAnAggregateOnlyConjunctsOnGroupingColumns() {
      Alias key = alias(add(a, lit(1)), "key");
      Alias n = alias(new AggregateCall(AggregateCall.Function.COUNT, List.of(lit(1)), false), "n");
      Aggregate agg =
          new Aggregate(List.of(add(a, lit(1))), List.<NamedExpression>of(key, n), left);
      Expression onKey = gt(key.toAttribute(), lit(5));
      Expression onCount = gt(n.toAttribute(), lit(1));

      LogicalPlan after = rule.apply(filter(and(onKey, onCount), agg));

      assertSamePlan(
          after, filter(onCount, agg.withChild(filter(gt(add(a, lit(1)), lit(5)), left))));
    }

    @Test
    void notThroughAGlobalAggregate() {
      Alias n = alias(new AggregateCall(AggregateCall.Function.COUNT, List.of(lit(1)), false), "n");
      LogicalPlan plan =
          filter(
              gt(n.toAttribute(), lit(0)),
              new Aggregate(List.of(), List.<NamedExpression>of(n), left));
      assertThat(rule.apply(plan)).isSameAs(plan);
    }

    @Test
    void intoEveryUnionChildWithItsOwnColumns() {
      LogicalPlan before = filter(gt(a, lit(1)), new Union(List.of(left, right), false, false));

      assertSamePlan(
          rule.apply(before),
          new Union(
              List.of(filter(gt(a, lit(1)), left), filter(gt(c, lit(1)), right)), false, false));
    }

    @Test
    void throughSortsAndRepartitionsButNotLimitsOrDropDuplicates() {
      Sort sort = new Sort(List.of(SortOrder.asc(a)), true, left);
      assertSamePlan(
          rule.apply(filter(gt(b, lit(1)), sort)), sort.withChild(filter(gt(b, lit(1)), left)));

      Repartition rep = new Repartition(4, true, List.of(a), left);
      assertSamePlan(
          rule.apply(filter(gt(b, lit(1)), rep)), rep.withChild(filter(gt(b, lit(1)), left)));

      LogicalPlan limited = filter(gt(b, lit(1)), new Limit(3, left));
      assertThat(rule.apply(limited)).isSameAs(limited);
      LogicalPlan dedup = filter(gt(b, lit(1)), new Deduplicate(List.of(a), left));
      assertThat(rule.apply(dedup)).isSameAs(dedup);
    }

    @Test
    void allTheWayDownInOnePass() {
      LogicalPlan before =
          filter(
              gt(a, lit(1)),
              project(new Sort(List.of(SortOrder.asc(b)), true, project(left, a, b)), a));

      assertSamePlan(
          rule.apply(before),
          project(
              new Sort(List.of(SortOrder.asc(b)), true, project(filter(gt(a, lit(1)), left), a, b)),
              a));
    }
  }

  @Nested
  class WhereAboveAJoin {
    private final Expression onLeft = gt(a, lit(1));
    private final Expression onRight = gt(c, lit(2));
    private final Expression onBoth = lt(b, d);
    private final Expression where = and(and(onLeft, onRight), onBoth);
    private final Expression key = eq(a, c);

    @Test
    void innerPushesEachSideAndMovesTheRestIntoTheCondition() {
      LogicalPlan after = rule.apply(filter(where, join(left, right, JoinType.INNER, key)));

      assertSamePlan(
          after,
          join(filter(onLeft, left), filter(onRight, right), JoinType.INNER, and(onBoth, key)));
    }

    @Test
    void crossJoinLikeInner() {
      LogicalPlan after = rule.apply(filter(where, join(left, right, JoinType.CROSS, null)));

      assertSamePlan(
          after, join(filter(onLeft, left), filter(onRight, right), JoinType.CROSS, onBoth));
    }

    @Test
    void leftOuterPushesOnlyTheLeftSide() {
      LogicalPlan after = rule.apply(filter(where, join(left, right, JoinType.LEFT_OUTER, key)));

      assertSamePlan(
          after,
          filter(
              and(onRight, onBoth), join(filter(onLeft, left), right, JoinType.LEFT_OUTER, key)));
    }

    @Test
    void rightOuterPushesOnlyTheRightSide() {
      LogicalPlan after = rule.apply(filter(where, join(left, right, JoinType.RIGHT_OUTER, key)));

      assertSamePlan(
          after,
          filter(
              and(onLeft, onBoth), join(left, filter(onRight, right), JoinType.RIGHT_OUTER, key)));
    }

    @Test
    void fullOuterPushesNothing() {
      LogicalPlan plan = filter(where, join(left, right, JoinType.FULL_OUTER, key));
      assertThat(rule.apply(plan)).isSameAs(plan);
    }

    @Test
    void semiAndAntiPushTheLeftSide() {
      for (JoinType type : List.of(JoinType.LEFT_SEMI, JoinType.LEFT_ANTI)) {
        LogicalPlan after =
            rule.apply(filter(and(onLeft, gt(b, lit(0))), join(left, right, type, key)));
        assertSamePlan(after, join(filter(and(onLeft, gt(b, lit(0))), left), right, type, key));
      }
    }
  }

  @Nested
  class OnConditionOfAJoin {
    private final Expression onLeft = gt(a, lit(1));
    private final Expression onRight = gt(c, lit(2));
    private final Expression key = eq(a, c);
    private final Expression on = and(and(onLeft, onRight), key);

    @Test
    void innerAndSemiPushBothSides() {
      for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT_SEMI)) {
        assertSamePlan(
            rule.apply(join(left, right, type, on)),
            join(filter(onLeft, left), filter(onRight, right), type, key));
      }
    }

    @Test
    void leftOuterAndAntiPushOnlyTheRightSide() {
      for (JoinType type : List.of(JoinType.LEFT_OUTER, JoinType.LEFT_ANTI)) {
        assertSamePlan(
            rule.apply(join(left, right, type, on)),
            join(left, filter(onRight, right), type, and(onLeft, key)));
      }
    }

    @Test
    void rightOuterPushesOnlyTheLeftSide() {
      assertSamePlan(
          rule.apply(join(left, right, JoinType.RIGHT_OUTER, on)),
          join(filter(onLeft, left), right, JoinType.RIGHT_OUTER, and(onRight, key)));
    }

    @Test
    void fullOuterKeepsItsCondition() {
      LogicalPlan plan = join(left, right, JoinType.FULL_OUTER, on);
      assertThat(rule.apply(plan)).isSameAs(plan);
    }

    @Test
    void nonDeterministicConjunctsStayInTheCondition() {
      Expression random = gt(new Rand(3), lit(0));
      LogicalPlan plan = join(left, right, JoinType.INNER, and(random, key));
      assertThat(rule.apply(plan)).isSameAs(plan);
    }
  }
}
