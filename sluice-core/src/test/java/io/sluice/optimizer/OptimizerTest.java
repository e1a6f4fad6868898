package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.SQLConf;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.plan.logical.SubqueryAlias;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerTest {
  private final SQLConf conf = new SQLConf(2);
  private final Optimizer optimizer = new Optimizer(conf);

  private final ScanRelation events =
      ScanRelation.of(
          TestScan.of(
              "events",
              field("id", DataTypes.LongType),
              field("user", DataTypes.StringType),
              field("score", DataTypes.IntegerType),
              field("ts", DataTypes.LongType),
              field("payload", DataTypes.StringType)));
  private final AttributeReference id = events.output().get(0);
  private final AttributeReference user = events.output().get(1);
  private final AttributeReference score = events.output().get(2);

  private final ScanRelation users =
      ScanRelation.of(
          TestScan.of(
              "users",
              field("uid", DataTypes.LongType),
              field("country", DataTypes.StringType),
              field("age", DataTypes.IntegerType)));
  private final AttributeReference uid = users.output().get(0);
  private final AttributeReference country = users.output().get(1);

  /**
   * SELECT user, country, doubled FROM (SELECT e.*, u.*, score * 2 AS doubled FROM events e JOIN
   * users u ON e.id = u.uid) WHERE country = 'DE' AND doubled > 10 AND user = country
   */
  private LogicalPlan joinQuery() {
    Join join =
        new Join(
            new SubqueryAlias("e", events),
            new SubqueryAlias("u", users),
            JoinType.INNER,
            eq(id, uid),
            List.of());
    Alias doubled = alias(mul(score, lit(2)), "doubled");
    List<NamedExpression> all = new java.util.ArrayList<>(join.output());
    all.add(doubled);
    LogicalPlan selected = new io.sluice.plan.logical.Project(all, join);
    Expression where =
        and(
            and(eq(country, Literal.of("DE")), gt(doubled.toAttribute(), lit(10))),
            eq(user, country));
    return project(filter(where, selected), user, country, doubled.toAttribute());
  }

  @Test
  void filtersGoBelowProjectionsAndIntoJoinInputsAndScansReadOnlyWhatIsUsed() {
    LogicalPlan plan = joinQuery();

    LogicalPlan optimized = optimizer.optimize(plan);

    assertThat(normalized(optimized))
        .isEqualTo(
            """
        Project [user#0, country#1, (score * 2) AS doubled#2]
        +- Join Inner, ((user = country) AND (id = uid))
           :- Filter ((((score * 2) > 10) AND (id IS NOT NULL)) AND (user IS NOT NULL))
           :  +- Relation test [events] [id#3L, user#0, score#4]
           +- Filter ((country = DE) AND (uid IS NOT NULL))
              +- Relation test [users] [uid#5L, country#1]
        """);
    assertThat(signature(optimized)).isEqualTo(signature(plan));
    // (country = DE) already rules out a null country: no IS NOT NULL is inferred for it
  }

  @Test
  void optimizingTwiceGivesTheSamePlan() {
    for (LogicalPlan plan : List.of(joinQuery(), distinctQuery(), countQuery())) {
      LogicalPlan once = optimizer.optimize(plan);
      assertThat(optimizer.optimize(once)).isEqualTo(once);
    }
  }

  @Test
  void everyFixedPointBatchConverges() {
    RuleExecutor.Run run = optimizer.executor().run(joinQuery());
    assertThat(run.batches()).allSatisfy(b -> assertThat(b.converged()).isTrue());
    assertThat(run.batches())
        .extracting(RuleExecutor.BatchRun::batch)
        .containsExactly(
            Optimizer.FINISH_ANALYSIS,
            Optimizer.REPLACE_OPERATORS,
            Optimizer.OPERATOR_OPTIMIZATION,
            Optimizer.INFER_FILTERS,
            Optimizer.AFTER_INFER_FILTERS,
            Optimizer.PUSH_FILTERS_TO_SCANS,
            Optimizer.PRUNE_PARTITIONS);
  }

  private LogicalPlan distinctQuery() {
    return new Distinct(project(filter(gt(score, lit(3)), events), user));
  }

  @Test
  void distinctBecomesAnAggregateOverTheColumnsRead() {
    LogicalPlan optimized = optimizer.optimize(distinctQuery());

    assertThat(normalized(optimized))
        .isEqualTo(
            """
        Aggregate [user#0], [user#0]
        +- Project [user#0]
           +- Filter (score > 3)
              +- Relation test [events] [user#0, score#1]
        """);
  }

  private LogicalPlan countQuery() {
    Alias n =
        alias(new AggregateCall(AggregateCall.Function.COUNT, List.of(lit(1)), false), "count(1)");
    return new Aggregate(List.of(), List.<NamedExpression>of(n), events);
  }

  @Test
  void countStarReadsTheNarrowestColumn() {
    assertThat(normalized(optimizer.optimize(countQuery())))
        .isEqualTo(
            """
        Aggregate [], [count(1) AS count(1)#0L]
        +- Relation test [events] [score#1]
        """);
  }

  @Test
  void aFilterThatIsNeverTrueEmptiesTheInput() {
    AttributeReference a = intCol("a");
    LocalRelation t = relation(a);
    LogicalPlan plan = project(filter(and(gt(a, lit(1)), Literal.FALSE), t), a);

    assertThat(optimizer.optimize(plan)).isEqualTo(new LocalRelation(List.of(a), List.of()));
  }

  @Test
  void anInvalidIterationCapIsRejectedNamingTheOption() {
    conf.set(SQLConf.OPTIMIZER_MAX_ITERATIONS, 0);

    assertThatThrownBy(() -> optimizer.optimize(events))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("INVALID_CONF_VALUE.TYPE_MISMATCH");
              assertThat(e.getMessageParameters())
                  .containsEntry("confName", "\"sluice.sql.optimizer.maxIterations\"");
            });
  }
}
