package io.sluice.exec.operator;

import static io.sluice.exec.operator.OperatorTestSupport.conf;
import static io.sluice.exec.operator.OperatorTestSupport.relation;
import static io.sluice.exec.operator.OperatorTestSupport.row;
import static io.sluice.exec.operator.OperatorTestSupport.run;
import static io.sluice.exec.operator.OperatorTestSupport.sortedText;
import static io.sluice.exec.operator.OperatorTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.exec.planner.PhysicalPlanner;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.Filter;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.Sort;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Operators over computed expressions (comparisons, arithmetic) compiled by the evaluator. */
class ExpressionPlansTest {
  private final SQLConf conf = conf(2, c -> c.set(SQLConf.SHUFFLE_PARTITIONS, 3));
  private final AttributeReference id = AttributeReference.create("id", DataTypes.LongType, false);
  private final Range range = new Range(0, 100, 1, 3, id);

  private static Expression mod(Expression e, long m) {
    return new BinaryArithmetic(BinaryArithmetic.Op.REMAINDER, e, Literal.of(m), EvalMode.ANSI);
  }

  @Test
  void filterOnAComparison() {
    Filter f = new Filter(new Comparison(Comparison.Op.GT, id, Literal.of(95L)), range);
    assertThat(text(run(f, conf))).containsExactly("[96]", "[97]", "[98]", "[99]");
    assertThat(new PhysicalPlanner(conf).plan(f).treeString())
        .startsWith("Filter (" + id + " > 95)\n");
  }

  @Test
  void groupByAnExpressionAndComputeOverAggregates() {
    Expression key = mod(id, 3);
    AggregateCall sum = new AggregateCall(AggregateCall.Function.SUM, List.of(id), false);
    Expression plusOne =
        new BinaryArithmetic(BinaryArithmetic.Op.ADD, sum, Literal.of(1L), EvalMode.ANSI);
    Aggregate a =
        new Aggregate(List.of(key), List.of(Alias.of(key, "k"), Alias.of(plusOne, "s1")), range);
    long[] sums = new long[3];
    for (long i = 0; i < 100; i++) sums[(int) (i % 3)] += i;
    assertThat(sortedText(run(a, conf)))
        .containsExactly(
            "[0, " + (sums[0] + 1) + "]",
            "[1, " + (sums[1] + 1) + "]",
            "[2, " + (sums[2] + 1) + "]");
  }

  @Test
  void sortByAnExpression() {
    Sort s =
        new Sort(
            List.of(SortOrder.asc(mod(id, 10)), SortOrder.desc(id)),
            true,
            new Range(0, 30, 1, 3, id));
    List<Object[]> out = run(s, conf);
    assertThat(text(out.subList(0, 4))).containsExactly("[20]", "[10]", "[0]", "[21]");
  }

  @ParameterizedTest
  @EnumSource(
      value = JoinType.class,
      names = {"INNER", "LEFT_OUTER", "RIGHT_OUTER", "FULL_OUTER", "LEFT_SEMI", "LEFT_ANTI"})
  void nonEquiConditionsFilterPairs(JoinType t) {
    List<Object[]> lRows = List.of(row(1L, 5), row(2L, 1), row(2L, 9), row(null, 3));
    List<Object[]> rRows = List.of(row(1L, 4), row(2L, 5), row(2L, 10), row(3L, 0));
    LocalRelation l =
        relation(
            new String[] {"a", "x"},
            new DataType[] {DataTypes.LongType, DataTypes.IntegerType},
            lRows);
    LocalRelation r =
        relation(
            new String[] {"b", "y"},
            new DataType[] {DataTypes.LongType, DataTypes.IntegerType},
            rRows);
    Expression less = new Comparison(Comparison.Op.LT, l.output().get(1), r.output().get(1));
    Expression eq = new Comparison(Comparison.Op.EQ, l.output().get(0), r.output().get(0));
    for (Expression cond : List.of(less, new And(eq, less))) {
      boolean equi = cond != less;
      List<Object[]> expected =
          JoinReference.join(
              t,
              lRows,
              rRows,
              2,
              2,
              (x, y) ->
                  (!equi || (x[0] != null && x[0].equals(y[0])))
                      && (Integer) x[1] < (Integer) y[1]);
      for (long threshold : new long[] {-1L, 1L << 20}) {
        SQLConf c = conf(2, s -> s.set(SQLConf.AUTO_BROADCAST_JOIN_THRESHOLD, threshold));
        assertThat(sortedText(run(new Join(l, r, t, cond, List.of()), c)))
            .as("%s equi=%s", t, equi)
            .isEqualTo(sortedText(expected));
      }
    }
  }

  @Test
  void joinKeysMayBeExpressions() {
    Range other = new Range(0, 50, 1, 2, AttributeReference.create("o", DataTypes.LongType, false));
    Expression cond = new Comparison(Comparison.Op.EQ, mod(id, 7), other.id());
    SQLConf noBroadcast = conf(2, s -> s.set(SQLConf.AUTO_BROADCAST_JOIN_THRESHOLD, -1L));
    List<Object[]> out = run(new Join(range, other, JoinType.INNER, cond, List.of()), noBroadcast);
    List<String> expected = new ArrayList<>();
    for (long i = 0; i < 100; i++) expected.add("[" + i + ", " + (i % 7) + "]");
    expected.sort(null);
    assertThat(sortedText(out)).isEqualTo(expected);
  }
}
