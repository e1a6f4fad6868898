package io.sluice.exec.operator;

import static io.sluice.exec.operator.HashJoinTest.joinConf;
import static io.sluice.exec.operator.OperatorTestSupport.relation;
import static io.sluice.exec.operator.OperatorTestSupport.row;
import static io.sluice.exec.operator.OperatorTestSupport.run;
import static io.sluice.exec.operator.OperatorTestSupport.sortedText;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.exec.planner.PhysicalPlanner;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.Project;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A join under a projection or an aggregation produces only the columns read above it, and the rows
 * are those of the full join projected.
 */
class JoinOutputPruningTest {
  private static final JoinType[] TYPES = JoinType.values();

  @Property(tries = 80)
  void prunedJoinsEqualProjectedFullJoins(@ForAll long seed) {
    Random rnd = new Random(seed);
    JoinType type = TYPES[rnd.nextInt(TYPES.length)];
    SQLConf conf = joinConf(1 + rnd.nextInt(2), rnd.nextBoolean());
    LocalRelation l =
        relation(
            new String[] {"lk", "lv"},
            new DataType[] {DataTypes.LongType, DataTypes.StringType},
            rows(rnd, true),
            3);
    LocalRelation r =
        relation(
            new String[] {"rk", "rv", "flag"},
            new DataType[] {DataTypes.LongType, DataTypes.IntegerType, DataTypes.BooleanType},
            rows(rnd, false),
            4);
    Expression cond = new Comparison(Comparison.Op.EQ, l.output().get(0), r.output().get(0));
    if (rnd.nextBoolean()) cond = new And(cond, r.output().get(2));
    if (type == JoinType.CROSS && rnd.nextBoolean()) cond = null;
    Join join = new Join(l, r, type, cond, List.of());
    List<AttributeReference> all = join.output();
    List<NamedExpression> subset = new ArrayList<>();
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (rnd.nextBoolean()) {
        subset.add(all.get(i));
        picked.add(i);
      }
    }
    if (subset.isEmpty()) {
      subset.add(all.get(0));
      picked.add(0);
    }
    List<Object[]> expected = new ArrayList<>();
    for (Object[] full : run(join, conf)) {
      Object[] out = new Object[picked.size()];
      for (int i = 0; i < out.length; i++) out[i] = full[picked.get(i)];
      expected.add(out);
    }
    Project project = new Project(subset, join);
    PhysicalOperator plan = new PhysicalPlanner(conf).plan(project);
    assertThat(plan.children().get(0).output()).hasSize(subset.size());
    assertThat(sortedText(run(plan, conf))).isEqualTo(sortedText(expected));
  }

  @Test
  void aggregateOverJoinReadsOnlyItsArguments() {
    LocalRelation l =
        relation(
            new String[] {"k", "v"},
            new DataType[] {DataTypes.LongType, DataTypes.LongType},
            List.of(row(1L, 10L), row(2L, 20L), row(2L, 21L), row(3L, 30L)));
    LocalRelation r =
        relation(
            new String[] {"k2", "w"},
            new DataType[] {DataTypes.LongType, DataTypes.LongType},
            List.of(row(1L, 7L), row(2L, 8L), row(4L, 9L)));
    Join join =
        new Join(
            l,
            r,
            JoinType.INNER,
            new Comparison(Comparison.Op.EQ, l.output().get(0), r.output().get(0)),
            List.of());
    AttributeReference w = r.output().get(1);
    Aggregate agg =
        new Aggregate(
            List.of(),
            List.of(
                Alias.of(new AggregateCall(AggregateCall.Function.SUM, List.of(w), false), "s"),
                Alias.of(
                    new AggregateCall(AggregateCall.Function.COUNT, List.of(Literal.of(1)), false),
                    "n")),
            join);
    SQLConf conf = joinConf(1, true);
    PhysicalOperator plan = new PhysicalPlanner(conf).plan(agg);
    PhysicalOperator joinOp = plan;
    while (!(joinOp instanceof HashJoinOperator)) joinOp = joinOp.children().get(0);
    assertThat(joinOp.output()).containsExactly(w);
    assertThat(sortedText(run(plan, conf))).containsExactly("[23, 3]");
  }

  private static List<Object[]> rows(Random rnd, boolean left) {
    List<Object[]> out = new ArrayList<>();
    for (int i = rnd.nextInt(25); i > 0; i--) {
      Long k = rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(6);
      out.add(
          left
              ? row(k, "v" + rnd.nextInt(3))
              : row(k, rnd.nextInt(100), rnd.nextInt(4) == 0 ? null : rnd.nextBoolean()));
    }
    return out;
  }
}
