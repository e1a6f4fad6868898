package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceRuntimeException;
import io.sluice.optimizer.RuleExecutor.Batch;
import io.sluice.optimizer.RuleExecutor.BatchRun;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleExecutorTest {
  private final AttributeReference a = intCol("a");
  private final AttributeReference b = intCol("b");
  private final LocalRelation t = relation(a, b);

  /** Lowers a limit by one per application, down to 1. */
  private static final Rule DECREMENT =
      p -> p instanceof Limit l && l.limit() > 1 ? new Limit(l.limit() - 1, l.child()) : p;

  @Test
  void aFixedPointBatchRepeatsUntilNothingChanges() {
    RuleExecutor executor =
        new RuleExecutor(List.of(Batch.fixedPoint("count down", 10, DECREMENT)));

    RuleExecutor.Run run = executor.run(new Limit(4, t));

    assertThat(run.plan()).isEqualTo(new Limit(1, t));
    // three changing passes and one that changes nothing
    assertThat(run.batches()).containsExactly(new BatchRun("count down", 4, true));
  }

  @Test
  void theIterationCapStopsABatchThatNeverSettles() {
    Rule flip = p -> p instanceof Limit l ? new Limit(3 - l.limit(), l.child()) : p;
    RuleExecutor executor = new RuleExecutor(List.of(Batch.fixedPoint("flip", 5, flip)));

    RuleExecutor.Run run = executor.run(new Limit(1, t));

    assertThat(run.batches()).containsExactly(new BatchRun("flip", 5, false));
    assertThat(run.plan()).isEqualTo(new Limit(2, t));
  }

  @Test
  void aOnceBatchRunsOnce() {
    RuleExecutor executor = new RuleExecutor(List.of(Batch.once("once", DECREMENT)));
    assertThat(executor.execute(new Limit(4, t))).isEqualTo(new Limit(3, t));
  }

  @Test
  void aRuleThatChangesTheRootOutputIsAnInternalError() {
    Rule dropColumn =
        p ->
            p instanceof LocalRelation r && r.output().size() > 1
                ? new LocalRelation(r.output().subList(0, 1), List.of())
                : p;
    RuleExecutor executor = new RuleExecutor(List.of(Batch.once("bad", dropColumn)));

    assertThatThrownBy(() -> executor.execute(t))
        .isInstanceOfSatisfying(
            SluiceRuntimeException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INTERNAL_ERROR");
              assertThat(e.getMessageParameters().get("message"))
                  .contains("changed the output of the plan");
            });
  }

  @Test
  void batchesNeedAtLeastOneIteration() {
    assertThatThrownBy(() -> Batch.fixedPoint("none", 0, DECREMENT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unchangedPlansComeBackAsTheSameInstance() {
    LogicalPlan plan = project(t, a);
    assertThat(new RuleExecutor(List.of(Batch.fixedPoint("noop", 3, p -> p))).execute(plan))
        .isSameAs(plan);
  }
}
