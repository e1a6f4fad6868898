package io.sluice.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepPlanTest extends AnalysisTestSupport {
  @Test
  void longChainsOfProjectionsAnalyzeQuickly() {
    LogicalPlan p = relation(attr("a", DataTypes.LongType), attr("b", DataTypes.StringType));
    for (int i = 0; i < 300; i++) {
      p =
          select(
              p,
              col("a"),
              col("b"),
              as(
                  new BinaryArithmetic(
                      BinaryArithmetic.Op.ADD, col("a"), Literal.of(i), EvalMode.ANSI),
                  "c"));
      p = select(p, new UnresolvedStar(List.of()));
      p = select(p, col("a"), col("b"));
    }
    long start = System.nanoTime();
    LogicalPlan analyzed = analyze(p);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(names(analyzed)).containsExactly("a", "b");
    // A guard against super-linear blow-ups, far above the expected fraction of a second.
    assertThat(millis).isLessThan(20_000);
  }
}
