package io.sluice.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Optimizes many random plans and checks, for each, that the optimized plan returns the same rows
 * as the original (evaluated by {@link PlanInterpreter}), keeps the root's output, only reads
 * columns its inputs produce, converges, and is left unchanged by a second optimization.
 */
class OptimizerEquivalenceTest {
  private static final int PLANS = 400;

  @Test
  void optimizedPlansReturnTheSameRows() {
    check(new Optimizer(new SQLConf(2)));
  }

  /** Constants folded by the interpreter, so folding is exercised whatever the compiler does. */
  @Test
  void optimizedPlansWithFoldedConstantsReturnTheSameRows() {
    check(new Optimizer(new SQLConf(2), OptimizerEquivalenceTest::fold));
  }

  private static Literal fold(Expression e) {
    Object v = PlanInterpreter.eval(e, List.of(), new Object[0]);
    if (v instanceof Long l && e.dataType().equals(DataTypes.IntegerType)) v = l.intValue();
    return new Literal(v, e.dataType());
  }

  private static void check(Optimizer optimizer) {
    int changed = 0;
    int withRows = 0;
    for (long seed = 1; seed <= PLANS; seed++) {
      LogicalPlan plan = new RandomPlans(seed).plan(4);
      String context = "seed " + seed + "\n" + plan.treeString();

      RuleExecutor.Run run = optimizer.executor().run(plan);
      LogicalPlan optimized = run.plan();
      context += "optimized:\n" + optimized.treeString();

      assertThat(PlanFixtures.signature(optimized))
          .as(context)
          .isEqualTo(PlanFixtures.signature(plan));
      assertReadsOnlyAvailableColumns(optimized, context);
      assertThat(run.batches()).as(context).allMatch(RuleExecutor.BatchRun::converged);
      List<String> expected = PlanInterpreter.bag(PlanInterpreter.run(plan));
      assertThat(PlanInterpreter.bag(PlanInterpreter.run(optimized)))
          .as(context)
          .isEqualTo(expected);
      assertThat(optimizer.optimize(optimized)).as(context).isEqualTo(optimized);
      if (!optimized.equals(plan)) changed++;
      if (!expected.isEmpty()) withRows++;
    }
    // the comparison means something only if plans change and return rows
    System.out.printf(
        "equivalence: %d plans, %d changed, %d with rows%n", PLANS, changed, withRows);
    assertThat(changed).isGreaterThan(PLANS / 2);
    assertThat(withRows).isGreaterThan(PLANS / 3);
  }

  private static void assertReadsOnlyAvailableColumns(LogicalPlan p, String context) {
    Set<Long> available = new HashSet<>();
    for (LogicalPlan c : p.children()) {
      for (AttributeReference a : c.output()) available.add(a.exprId());
    }
    for (Expression e : p.expressions()) {
      for (AttributeReference a : e.references()) {
        assertThat(available).as("%s reads %s\n%s", p.nodeName(), a, context).contains(a.exprId());
      }
    }
    for (LogicalPlan c : p.children()) assertReadsOnlyAvailableColumns(c, context);
  }

  @Test
  void theGeneratorCoversTheInterestingNodes() {
    Set<String> seen = new HashSet<>();
    for (long seed = 1; seed <= PLANS; seed++) {
      collect(new RandomPlans(seed).plan(4), seen);
    }
    assertThat(seen)
        .containsAll(
            List.of(
                "Project",
                "Filter",
                "Join",
                "Aggregate",
                "Union",
                "Distinct",
                "Deduplicate",
                "Sort",
                "SubqueryAlias",
                "LocalRelation"));
  }

  private static void collect(LogicalPlan p, Set<String> seen) {
    seen.add(p.getClass().getSimpleName());
    for (LogicalPlan c : p.children()) collect(c, seen);
  }
}
