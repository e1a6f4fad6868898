package io.sluice.exec.operator;

import static io.sluice.exec.operator.OperatorTestSupport.conf;
import static io.sluice.exec.operator.OperatorTestSupport.relation;
import static io.sluice.exec.operator.OperatorTestSupport.row;
import static io.sluice.exec.operator.OperatorTestSupport.run;
import static io.sluice.exec.operator.OperatorTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.ExprId;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.logical.Limit;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.plan.logical.Range;
import io.sluice.plan.logical.Sort;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SortLimitTest {
  static SQLConf conf(int threads) {
    return OperatorTestSupport.conf(threads, c -> c.set(SQLConf.BATCH_SIZE, 3));
  }

  static List<Object> column(List<Object[]> rows, int c) {
    List<Object> out = new ArrayList<>();
    for (Object[] r : rows) out.add(r[c]);
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void doublesSortWithNullsFirstAscendingAndNaNGreatest(int threads) {
    LocalRelation r =
        relation(
            new String[] {"d"},
            new DataType[] {DataTypes.DoubleType},
            List.of(
                row(2.0),
                row(Double.NaN),
                row((Object) null),
                row(-1.0),
                row(Double.NEGATIVE_INFINITY),
                row(Double.POSITIVE_INFINITY),
                row((Object) null)),
            2);
    AttributeReference d = r.output().get(0);
    assertThat(column(run(new Sort(List.of(SortOrder.asc(d)), true, r), conf(threads)), 0))
        .containsExactly(
            null, null, Double.NEGATIVE_INFINITY, -1.0, 2.0, Double.POSITIVE_INFINITY, Double.NaN);
    assertThat(column(run(new Sort(List.of(SortOrder.desc(d)), true, r), conf(threads)), 0))
        .containsExactly(
            Double.NaN, Double.POSITIVE_INFINITY, 2.0, -1.0, Double.NEGATIVE_INFINITY, null, null);
    assertThat(
            column(
                run(new Sort(List.of(new SortOrder(d, true, false)), true, r), conf(threads)), 0))
        .endsWith(Double.NaN, null, null);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void stringsSortByUnsignedUtf8AndTheSortIsStable(int threads) {
    LocalRelation r =
        relation(
            new String[] {"s", "i"},
            new DataType[] {DataTypes.StringType, DataTypes.IntegerType},
            List.of(
                row("b", 1),
                row("\uFFFD", 2),
                row("a", 3),
                row("\uD83D\uDE00", 4),
                row("b", 5),
                row("a", 6),
                row("", 7),
                row(null, 8),
                row("b", 9)),
            4);
    List<Object[]> out =
        run(new Sort(List.of(SortOrder.asc(r.output().get(0))), true, r), conf(threads));
    assertThat(text(out))
        .containsExactly(
            "[null, 8]",
            "[, 7]",
            "[a, 3]",
            "[a, 6]",
            "[b, 1]",
            "[b, 5]",
            "[b, 9]",
            "[\uFFFD, 2]",
            "[\uD83D\uDE00, 4]");
  }

  @Test
  void multipleKeysMixDirections() {
    LocalRelation r =
        relation(
            new String[] {"a", "b", "c"},
            new DataType[] {
              DataTypes.IntegerType, new io.sluice.types.DecimalType(20, 2), DataTypes.BooleanType
            },
            List.of(
                row(1, new BigDecimal("1.50"), true),
                row(2, new BigDecimal("1.00"), false),
                row(1, new BigDecimal("2.00"), false),
                row(2, null, true),
                row(1, new BigDecimal("2.00"), true)));
    List<AttributeReference> o = r.output();
    Sort s =
        new Sort(
            List.of(SortOrder.asc(o.get(0)), SortOrder.desc(o.get(1)), SortOrder.asc(o.get(2))),
            true,
            r);
    assertThat(text(run(s, conf(2))))
        .containsExactly(
            "[1, 2.00, false]",
            "[1, 2.00, true]",
            "[1, 1.50, true]",
            "[2, 1.00, false]",
            "[2, null, true]");
  }

  @Property(tries = 30)
  void sortEqualsAStableReferenceSort(@ForAll long seed) {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = rnd.nextInt(200); i > 0; i--) {
      rows.add(row(rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(20), rows.size()));
    }
    LocalRelation r =
        relation(
            new String[] {"k", "pos"},
            new DataType[] {DataTypes.LongType, DataTypes.IntegerType},
            rows,
            17);
    boolean asc = rnd.nextBoolean();
    SortOrder order = asc ? SortOrder.asc(r.output().get(0)) : SortOrder.desc(r.output().get(0));
    Comparator<Long> values = asc ? Comparator.naturalOrder() : Comparator.reverseOrder();
    Comparator<Object[]> cmp =
        Comparator.comparing(
            x -> (Long) x[0], asc ? Comparator.nullsFirst(values) : Comparator.nullsLast(values));
    List<Object[]> expected = new ArrayList<>(rows);
    expected.sort(cmp);
    assertThat(text(run(new Sort(List.of(order), true, r), conf(2)))).isEqualTo(text(expected));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void limitTakesFirstRowsInPartitionOrder(int threads) {
    Range range =
        new Range(0, 100, 1, 4, AttributeReference.create("id", DataTypes.LongType, false));
    assertThat(column(run(new Limit(5, range), conf(threads)), 0))
        .containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(run(new Limit(0, range), conf(threads))).isEmpty();
    assertThat(run(new Limit(1000, range), conf(threads))).hasSize(100);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void orderByThenLimitKeepsTheOrder(int threads) {
    Range range =
        new Range(0, 1000, 1, 3, AttributeReference.create("id", DataTypes.LongType, false));
    Sort desc = new Sort(List.of(SortOrder.desc(range.id())), true, range);
    assertThat(column(run(new Limit(4, desc), conf(threads)), 0))
        .containsExactly(999L, 998L, 997L, 996L);
  }

  @Test
  void localSortSortsEachPartition() {
    Range range =
        new Range(
            0,
            10,
            1,
            2,
            new AttributeReference("id", DataTypes.LongType, false, ExprId.next(), List.of()));
    Sort s = new Sort(List.of(SortOrder.desc(range.id())), false, range);
    assertThat(column(run(s, conf(2)), 0)).containsExactly(4L, 3L, 2L, 1L, 0L, 9L, 8L, 7L, 6L, 5L);
  }
}
