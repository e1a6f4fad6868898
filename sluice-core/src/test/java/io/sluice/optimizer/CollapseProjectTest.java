package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapseProjectTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final LocalRelation t = relation(a, b);
  private final Rule rule = new CollapseProject();

  @Test
  void substitutesLowerAliasesKeepingUpperNamesAndIds() {
    Alias x = alias(add(a, lit(1)), "x");
    Alias y = alias(mul(x.toAttribute(), lit(2)), "y");
    LogicalPlan before = project(project(t, x, b), y, b);

    LogicalPlan after = rule.apply(before);

    assertSamePlan(after, project(t, realias(mul(add(a, lit(1)), lit(2)), y), b));
    assertThat(signature(after)).isEqualTo(signature(before));
  }

  @Test
  void aColumnPassedUpBecomesTheAliasItself() {
    Alias x = alias(add(a, lit(1)), "x");
    LogicalPlan after = rule.apply(project(project(t, x, b), b, x.toAttribute()));
    assertSamePlan(after, project(t, b, x));
  }

  @Test
  void renamingAColumnOfTheLowerProjectionKeepsTheUpperName() {
    Alias x = alias(add(a, lit(1)), "x");
    AttributeReference renamed = x.toAttribute().withName("X");
    LogicalPlan after = rule.apply(project(project(t, x), renamed));

    assertThat(after.output().get(0).name()).isEqualTo("X");
    assertThat(after.output().get(0).exprId()).isEqualTo(x.exprId());
  }

  @Test
  void doesNotDuplicateAnExpensiveAliasReadTwice() {
    Alias x = alias(add(a, lit(1)), "x");
    LogicalPlan plan = project(project(t, x), alias(mul(x.toAttribute(), x.toAttribute()), "sq"));
    assertThat(rule.apply(plan)).isSameAs(plan);
  }

  @Test
  void duplicatesCheapAliasesFreely() {
    Alias x = alias(a, "x");
    Alias sq = alias(mul(x.toAttribute(), x.toAttribute()), "sq");

    assertSamePlan(rule.apply(project(project(t, x), sq)), project(t, realias(mul(a, a), sq)));
  }

  @Test
  void neverMergesANonDeterministicAliasItReads() {
    Alias r = alias(new Rand(7), "r");
    LogicalPlan plan = project(project(t, r, a), r.toAttribute(), a);
    assertThat(rule.apply(plan)).isSameAs(plan);
  }

  @Test
  void unreadNonDeterministicAliasesMayBeDropped() {
    Alias r = alias(new Rand(7), "r");
    assertSamePlan(rule.apply(project(project(t, r, a), a)), project(t, a));
  }

  @Test
  void mergesIntoAnAggregate() {
    Alias s = alias(new AggregateCall(AggregateCall.Function.SUM, List.of(b), false), "s");
    Aggregate agg = new Aggregate(List.of(a), List.<NamedExpression>of(a, s), t);
    Alias plusOne = alias(add(s.toAttribute(), lit(1L)), "s1");

    LogicalPlan after = rule.apply(project(agg, a, plusOne));

    Expression sum = s.child();
    assertSamePlan(
        after,
        new Aggregate(
            List.of(a), List.<NamedExpression>of(a, realias(add(sum, lit(1L)), plusOne)), t));
  }

  private static io.sluice.plan.expr.Literal lit(long v) {
    return io.sluice.plan.expr.Literal.of(v);
  }
}
