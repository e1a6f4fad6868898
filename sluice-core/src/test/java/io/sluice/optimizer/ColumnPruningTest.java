package io.sluice.optimizer;

import static io.sluice.optimizer.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.ScanRelation;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.Union;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnPruningTest {
  private final ScanRelation scan =
      ScanRelation.of(
          PlanFixtures.TestScan.of(
              "events",
              field("id", DataTypes.LongType),
              field("name", DataTypes.StringType),
              field("score", DataTypes.IntegerType),
              field("flag", DataTypes.BooleanType)));
  private final AttributeReference id = scan.output().get(0);
  private final AttributeReference name = scan.output().get(1);
  private final AttributeReference score = scan.output().get(2);
  private final AttributeReference flag = scan.output().get(3);
  private final Rule rule = new ColumnPruning();

  private ScanRelation reading(AttributeReference... columns) {
    return new ScanRelation(scan.scan(), List.of(columns));
  }

  private static Alias count() {
    return alias(
        new AggregateCall(AggregateCall.Function.COUNT, List.of(lit(1)), false), "count(1)");
  }

  @Test
  void aProjectionNarrowsTheScan() {
    Alias plus = alias(add(score, lit(1)), "s1");
    LogicalPlan after = rule.apply(project(scan, name, plus));

    assertSamePlan(after, project(reading(name, score), name, plus));
  }

  @Test
  void filterAndSortColumnsAreReadButNotPassedUp() {
    LogicalPlan before =
        project(
            new Sort(List.of(SortOrder.asc(score)), true, filter(gt(score, lit(0)), scan)), name);

    assertSamePlan(
        rule.apply(before),
        project(
            new Sort(
                List.of(SortOrder.asc(score)),
                true,
                filter(gt(score, lit(0)), reading(name, score))),
            name));
  }

  @Test
  void aggregatesReadGroupingAndArgumentColumnsAndDropUnusedResults() {
    Alias n = count();
    Alias total =
        alias(new AggregateCall(AggregateCall.Function.SUM, List.of(score), false), "total");
    Aggregate agg =
        new Aggregate(List.of(name), List.<NamedExpression>of(name, n, total), filter(flag, scan));

    LogicalPlan after = rule.apply(project(agg, name, n.toAttribute()));

    assertSamePlan(
        after,
        project(
            new Aggregate(
                List.of(name),
                List.<NamedExpression>of(name, n),
                filter(flag, reading(name, flag))),
            name,
            n.toAttribute()));
  }

  @Test
  void countStarStillReadsOneColumnTheNarrowest() {
    Alias n = count();
    LogicalPlan after = rule.apply(new Aggregate(List.of(), List.<NamedExpression>of(n), scan));

    assertSamePlan(after, new Aggregate(List.of(), List.<NamedExpression>of(n), reading(flag)));
  }

  @Test
  void joinInputsKeepWhatTheJoinAndItsParentsRead() {
    AttributeReference k = intCol("k");
    AttributeReference label = col("label", DataTypes.StringType);
    AttributeReference unused = intCol("unused");
    LocalRelation dim = relation(k, label, unused);
    Join join =
        new Join(filter(gt(score, lit(1)), scan), dim, JoinType.INNER, eq(id, k), List.of());

    LogicalPlan after = rule.apply(project(join, name, label));

    // score is only needed by the filter: a projection drops it before the join
    LogicalPlan leftInput = project(filter(gt(score, lit(1)), reading(id, name, score)), id, name);
    LogicalPlan rightInput = new LocalRelation(List.of(k, label), List.of());
    assertSamePlan(
        after,
        project(
            new Join(leftInput, rightInput, JoinType.INNER, eq(id, k), List.of()), name, label));
  }

  @Test
  void unionChildrenArePrunedPositionByPosition() {
    AttributeReference x = intCol("x");
    AttributeReference y = col("y", DataTypes.StringType);
    AttributeReference z = intCol("z");
    LocalRelation other = relation(x, y, z);
    Union union =
        new Union(
            List.of(
                project(scan, id, name, score), project(other, alias(add(x, lit(0)), "x0"), y, z)),
            false,
            false);

    LogicalPlan after = rule.apply(project(union, name));

    assertThat(normalized(after))
        .isEqualTo(
            """
        Project [name#0]
        +- Union false, false
           :- Project [name#0]
           :  +- Relation test [events] [name#0]
           +- Project [y#1]
              +- LocalRelation [y#1]
        """);
  }

  @Test
  void distinctKeepsAllItsColumns() {
    LogicalPlan before = project(new Distinct(project(scan, id, name)), id);
    LogicalPlan after = rule.apply(before);

    assertSamePlan(after, project(new Distinct(project(reading(id, name), id, name)), id));
  }

  @Test
  void localRelationsSharePrunedVectorsWithoutCopying() {
    AttributeReference a = intCol("a");
    AttributeReference b = intCol("b");
    ColumnVector va = ColumnVector.allocate(DataTypes.IntegerType, 2);
    ColumnVector vb = ColumnVector.allocate(DataTypes.IntegerType, 2);
    va.append(1);
    va.append(2);
    vb.append(3);
    vb.append(4);
    LocalRelation t =
        new LocalRelation(List.of(a, b), List.of(new ColumnBatch(new ColumnVector[] {va, vb}, 2)));

    LocalRelation pruned =
        (LocalRelation) ((io.sluice.plan.logical.Project) rule.apply(project(t, b))).child();

    assertThat(pruned.output()).containsExactly(b);
    assertThat(pruned.data()).hasSize(1);
    assertThat(pruned.data().get(0).numRows()).isEqualTo(2);
    assertThat(pruned.data().get(0).columns()).containsExactly(vb);
  }

  @Test
  void theRootOutputNeverChangesAndPruningIsIdempotent() {
    Alias n = count();
    LogicalPlan before =
        filter(
            gt(n.toAttribute(), lit(1)),
            new Aggregate(List.of(name), List.<NamedExpression>of(name, n), scan));

    LogicalPlan once = rule.apply(before);
    LogicalPlan twice = rule.apply(once);

    assertThat(signature(once)).isEqualTo(signature(before));
    assertThat(twice).isSameAs(once);
    assertThat(rule.apply(scan)).isSameAs(scan);
  }
}
