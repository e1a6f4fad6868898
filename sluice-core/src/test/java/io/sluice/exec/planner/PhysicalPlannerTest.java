package io.sluice.exec.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.SQLConf;
import io.sluice.error.SluiceException;
import io.sluice.exec.operator.OperatorTestSupport;
import io.sluice.exec.operator.PhysicalOperator;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Distinct;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.Sort;
import io.sluice.plan.logical.UnresolvedRelation;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicalPlannerTest {
  private final SQLConf conf =
      OperatorTestSupport.conf(2, c -> c.set(SQLConf.SHUFFLE_PARTITIONS, 4));
  private final LocalRelation rel =
      OperatorTestSupport.relation(
          new String[] {"k", "v"},
          new DataType[] {DataTypes.LongType, DataTypes.BooleanType},
          List.of(OperatorTestSupport.row(1L, true), OperatorTestSupport.row(2L, false)));
  private final AttributeReference k = rel.output().get(0);
  private final AttributeReference v = rel.output().get(1);

  private String explain(io.sluice.plan.logical.LogicalPlan p) {
    return new PhysicalPlanner(conf).plan(p).treeString();
  }

  @Test
  void aggregationIsPartialThenExchangeThenFinal() {
    AggregateCall count =
        new AggregateCall(AggregateCall.Function.COUNT, List.of(Literal.of(1)), false);
    AggregateCall max = new AggregateCall(AggregateCall.Function.MAX, List.of(v), false);
    Aggregate a =
        new Aggregate(List.of(k), List.of(k, Alias.of(count, "count(1)"), Alias.of(max, "m")), rel);
    assertThat(explain(a))
        .isEqualTo(
            "HashAggregate(keys=["
                + k
                + "], functions=[count(1), max("
                + v
                + ")])\n"
                + "+- Exchange hashpartitioning("
                + k
                + ", 4)\n"
                + "   +- HashAggregate(keys=["
                + k
                + "], functions=[partial_count(1), partial_max("
                + v
                + ")])\n"
                + "      +- LocalTableScan ["
                + k
                + ", "
                + v
                + "]\n");
    Aggregate global = new Aggregate(List.of(), List.of(Alias.of(count, "c")), rel);
    assertThat(explain(global))
        .contains("+- Exchange SinglePartition\n")
        .startsWith("HashAggregate(keys=[], functions=[count(1)])");
    assertThat(explain(new Distinct(rel)))
        .startsWith("HashAggregate(keys=[" + k + ", " + v + "], functions=[])");
  }

  @Test
  void globalSortAndLimitRunOnOnePartition() {
    Sort s = new Sort(List.of(SortOrder.asc(k)), true, rel);
    assertThat(explain(s))
        .isEqualTo(
            "Sort ["
                + k
                + " ASC NULLS FIRST], true\n"
                + "+- Exchange SinglePartition\n"
                + "   +- LocalTableScan ["
                + k
                + ", "
                + v
                + "]\n");
    assertThat(explain(new Limit(3, rel)))
        .isEqualTo(
            "GlobalLimit 3\n"
                + "+- Exchange SinglePartition\n"
                + "   +- LocalLimit 3\n"
                + "      +- LocalTableScan ["
                + k
                + ", "
                + v
                + "]\n");
    assertThat(explain(new Limit(3, s))).startsWith("GlobalLimit 3\n+- Sort [");
    Range one = new Range(0, 10, 1, 1, AttributeReference.create("id", DataTypes.LongType, false));
    assertThat(explain(new Limit(3, one)))
        .isEqualTo("GlobalLimit 3\n" + "+- Range (0, 10, step=1, splits=1)\n");
  }

  @Test
  void filterAndJoinConditionsShowColumnIds() {
    assertThat(explain(new Filter(v, rel))).startsWith("Filter " + v + "\n");
    LocalRelation other =
        OperatorTestSupport.relation(
            new String[] {"k2"}, new DataType[] {DataTypes.LongType}, List.of());
    AttributeReference k2 = other.output().get(0);
    SQLConf noBroadcast =
        OperatorTestSupport.conf(
            2,
            c -> {
              c.set(SQLConf.SHUFFLE_PARTITIONS, 4);
              c.set(SQLConf.AUTO_BROADCAST_JOIN_THRESHOLD, -1L);
            });
    Join j =
        new Join(
            rel,
            other,
            JoinType.LEFT_OUTER,
            new io.sluice.plan.expr.And(new Comparison(Comparison.Op.EQ, k, k2), v),
            List.of());
    PhysicalOperator plan = new PhysicalPlanner(noBroadcast).plan(j);
    assertThat(plan.treeString())
        .isEqualTo(
            "ShuffledHashJoin ["
                + k
                + "], ["
                + k2
                + "], LeftOuter, BuildRight, "
                + v
                + "\n"
                + ":- Exchange hashpartitioning("
                + k
                + ", 4)\n"
                + ":  +- LocalTableScan ["
                + k
                + ", "
                + v
                + "]\n"
                + "+- Exchange hashpartitioning("
                + k2
                + ", 4)\n"
                + "   +- LocalTableScan ["
                + k2
                + "]\n");
    assertThat(plan.output())
        .extracting(AttributeReference::nullable)
        .containsExactly(true, true, true);
    assertThat(explain(new Join(rel, other, JoinType.CROSS, null, List.of())))
        .startsWith("BroadcastNestedLoopJoin BuildRight, Cross\n");
  }

  @Test
  void unresolvedPlansAreRejected() {
    assertThatThrownBy(() -> explain(new UnresolvedRelation(List.of("t"))))
        .isInstanceOfSatisfying(
            SluiceException.class, e -> assertThat(e.getErrorClass()).isEqualTo("INTERNAL_ERROR"));
  }
}
