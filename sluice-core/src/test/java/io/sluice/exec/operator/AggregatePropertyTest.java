package io.sluice.exec.operator;

import static io.sluice.exec.operator.OperatorTestSupport.relation;
import static io.sluice.exec.operator.OperatorTestSupport.row;
import static io.sluice.exec.operator.OperatorTestSupport.sortedText;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AggregateCall.Function;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.Aggregate;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Hash aggregation agrees with a naive per-group computation on random inputs. */
class AggregatePropertyTest {

  @Property(tries = 60)
  void hashAggregateEqualsNaiveReference(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 2) int threads,
      @ForAll @IntRange(min = 1, max = 3) int keyColumns) {
    Random rnd = new Random(seed);
    int n = rnd.nextInt(400);
    int keyRange = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 300);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Integer a = rnd.nextInt(8) == 0 ? null : rnd.nextInt(keyRange);
      String b = rnd.nextInt(8) == 0 ? null : "s" + rnd.nextInt(3);
      Long c = rnd.nextInt(8) == 0 ? null : (long) rnd.nextInt(2);
      Long v = rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(1000) - 500;
      rows.add(row(a, b, c, v));
    }
    LocalRelation r =
        relation(
            new String[] {"a", "b", "c", "v"},
            new DataType[] {
              DataTypes.IntegerType, DataTypes.StringType, DataTypes.LongType, DataTypes.LongType
            },
            rows,
            1 + rnd.nextInt(50));
    List<Expression> keys = new ArrayList<>(r.output().subList(0, keyColumns));
    AttributeReference v = r.output().get(3);
    List<NamedExpression> out = new ArrayList<>();
    for (Expression e : keys) out.add((AttributeReference) e);
    out.add(Alias.of(new AggregateCall(Function.COUNT, List.of(Literal.of(1)), false), "n"));
    out.add(Alias.of(new AggregateCall(Function.COUNT, List.of(v), false), "nv"));
    out.add(Alias.of(new AggregateCall(Function.SUM, List.of(v), false), "s"));
    out.add(Alias.of(new AggregateCall(Function.MIN, List.of(v), false), "lo"));
    out.add(Alias.of(new AggregateCall(Function.MAX, List.of(v), false), "hi"));
    out.add(Alias.of(new AggregateCall(Function.COUNT, List.of(v), true), "dv"));
    SQLConf conf =
        OperatorTestSupport.conf(
            threads, c -> c.set(SQLConf.SHUFFLE_PARTITIONS, 1 + rnd.nextInt(5)));

    List<Object[]> actual = OperatorTestSupport.run(new Aggregate(keys, out, r), conf);

    Map<List<Object>, List<Long>> groups = new HashMap<>();
    Map<List<Object>, Integer> sizes = new HashMap<>();
    for (Object[] row : rows) {
      List<Object> key = Arrays.asList(Arrays.copyOf(row, keyColumns));
      groups.computeIfAbsent(key, x -> new ArrayList<>());
      sizes.merge(key, 1, Integer::sum);
      if (row[3] != null) groups.get(key).add((Long) row[3]);
    }
    List<Object[]> expected = new ArrayList<>();
    groups.forEach(
        (key, values) -> {
          Object[] e = Arrays.copyOf(key.toArray(), keyColumns + 6);
          e[keyColumns] = (long) sizes.get(key);
          e[keyColumns + 1] = (long) values.size();
          e[keyColumns + 2] =
              values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).sum();
          e[keyColumns + 3] = values.stream().min(Long::compare).orElse(null);
          e[keyColumns + 4] = values.stream().max(Long::compare).orElse(null);
          e[keyColumns + 5] = values.stream().distinct().count();
          expected.add(e);
        });
    assertThat(sortedText(actual)).isEqualTo(sortedText(expected));
  }
}
