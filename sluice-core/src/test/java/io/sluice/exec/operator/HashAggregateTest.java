package io.sluice.exec.operator;

import static io.sluice.exec.operator.OperatorTestSupport.conf;
import static io.sluice.exec.operator.OperatorTestSupport.relation;
import static io.sluice.exec.operator.OperatorTestSupport.row;
import static io.sluice.exec.operator.OperatorTestSupport.run;
import static io.sluice.exec.operator.OperatorTestSupport.sortedText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.SQLConf;
import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceException;
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
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashAggregateTest {
  static AggregateCall call(Function f, Expression arg) {
    return new AggregateCall(f, List.of(arg), false);
  }

  static AggregateCall distinct(Function f, Expression arg) {
    return new AggregateCall(f, List.of(arg), true);
  }

  static NamedExpression named(AggregateCall c) {
    return Alias.of(c, c.sql());
  }

  static Aggregate aggregate(
      List<Expression> keys, List<NamedExpression> out, LocalRelation child) {
    return new Aggregate(keys, out, child);
  }

  static SQLConf conf2(int threads) {
    return conf(threads, c -> c.set(SQLConf.ADAPTIVE_COALESCE_PARTITIONS, false));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void groupsByLongKeyWithNullsInValuesAndKeys(int threads) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(row(i % 7 == 0 ? null : (long) (i % 10), i % 3 == 0 ? null : i));
    }
    LocalRelation r =
        relation(
            new String[] {"k", "v"},
            new DataType[] {DataTypes.LongType, DataTypes.IntegerType},
            rows,
            100);
    AttributeReference k = r.output().get(0);
    AttributeReference v = r.output().get(1);
    Aggregate a =
        aggregate(
            List.of(k),
            List.of(
                k,
                named(new AggregateCall(Function.COUNT, List.of(Literal.of(1)), false)),
                named(call(Function.COUNT, v)),
                named(call(Function.SUM, v)),
                named(call(Function.AVG, v)),
                named(call(Function.MIN, v)),
                named(call(Function.MAX, v))),
            r);

    List<Object[]> out = run(a, conf2(threads));

    Map<Long, long[]> ref = new TreeMap<>(java.util.Comparator.nullsFirst(Long::compare));
    for (Object[] row : rows) {
      long[] s =
          ref.computeIfAbsent(
              (Long) row[0], x -> new long[] {0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
      s[0]++;
      if (row[1] != null) {
        int x = (Integer) row[1];
        s[1]++;
        s[2] += x;
        s[3] = Math.min(s[3], x);
        s[4] = Math.max(s[4], x);
      }
    }
    List<Object[]> expected = new ArrayList<>();
    ref.forEach(
        (key, s) ->
            expected.add(
                row(
                    key,
                    s[0],
                    s[1],
                    s[1] == 0 ? null : s[2],
                    s[1] == 0 ? null : (double) s[2] / s[1],
                    s[1] == 0 ? null : (int) s[3],
                    s[1] == 0 ? null : (int) s[4])));
    assertThat(sortedText(out)).isEqualTo(sortedText(expected));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void globalAggregateOfEmptyInputIsOneRow(int threads) {
    LocalRelation r = relation(new String[] {"v"}, new DataType[] {DataTypes.LongType}, List.of());
    AttributeReference v = r.output().get(0);
    Aggregate a =
        aggregate(
            List.of(),
            List.of(
                named(new AggregateCall(Function.COUNT, List.of(Literal.of(1)), false)),
                named(call(Function.SUM, v)),
                named(call(Function.AVG, v)),
                named(call(Function.MIN, v)),
                named(distinct(Function.COUNT, v))),
            r);

    assertThat(OperatorTestSupport.text(run(a, conf2(threads))))
        .containsExactly("[0, null, null, null, 0]");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void groupedAggregateOfEmptyInputHasNoRows(int threads) {
    LocalRelation r = relation(new String[] {"k"}, new DataType[] {DataTypes.LongType}, List.of());
    AttributeReference k = r.output().get(0);
    Aggregate a = aggregate(List.of(k), List.of(k, named(call(Function.COUNT, k))), r);
    assertThat(run(a, conf2(threads))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void manyGroupsGrowTheTable(int threads) {
    int n = 200_000;
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) rows.add(row((long) (i * 7919L % 50_000), 1L));
    LocalRelation r =
        relation(
            new String[] {"k", "v"},
            new DataType[] {DataTypes.LongType, DataTypes.LongType},
            rows,
            4096);
    AttributeReference k = r.output().get(0);
    Aggregate a =
        aggregate(List.of(k), List.of(k, named(call(Function.SUM, r.output().get(1)))), r);
    List<Object[]> out = run(a, conf2(threads));
    assertThat(out).hasSize(50_000);
    assertThat(out).allSatisfy(x -> assertThat(x[1]).isEqualTo(4L));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void multiColumnAndStringKeys(int threads) {
    List<Object[]> rows =
        List.of(
            row(1, "a", 1L),
            row(1, "a", 2L),
            row(1, "b", 3L),
            row(null, "a", 4L),
            row(null, "a", 5L),
            row(1, null, 6L),
            row(2, null, 7L),
            row(1, null, 8L),
            row(null, null, 9L));
    LocalRelation r =
        relation(
            new String[] {"i", "s", "v"},
            new DataType[] {DataTypes.IntegerType, DataTypes.StringType, DataTypes.LongType},
            rows,
            4);
    AttributeReference i = r.output().get(0);
    AttributeReference s = r.output().get(1);
    AttributeReference v = r.output().get(2);
    Aggregate multi = aggregate(List.of(i, s), List.of(i, s, named(call(Function.SUM, v))), r);
    assertThat(sortedText(run(multi, conf2(threads))))
        .containsExactlyInAnyOrder(
            "[1, a, 3]",
            "[1, b, 3]",
            "[null, a, 9]",
            "[1, null, 14]",
            "[2, null, 7]",
            "[null, null, 9]");
    Aggregate single =
        aggregate(
            List.of(s), List.of(s, named(call(Function.MAX, v)), named(call(Function.MIN, i))), r);
    assertThat(sortedText(run(single, conf2(threads))))
        .containsExactlyInAnyOrder("[a, 5, 1]", "[b, 3, 1]", "[null, 9, 1]");
  }

  @Test
  void floatingPointKeysGroupNaNTogetherAndZeroWithNegativeZero() {
    List<Object[]> rows =
        List.of(
            row(Double.NaN), row(0.0d / 0.0), row(-0.0d), row(0.0d), row(1.5d), row((Object) null));
    LocalRelation r = relation(new String[] {"d"}, new DataType[] {DataTypes.DoubleType}, rows);
    AttributeReference d = r.output().get(0);
    Aggregate a =
        aggregate(
            List.of(d),
            List.of(d, named(new AggregateCall(Function.COUNT, List.of(Literal.of(1)), false))),
            r);
    assertThat(sortedText(run(a, conf2(2))))
        .containsExactlyInAnyOrder("[NaN, 2]", "[0.0, 2]", "[1.5, 1]", "[null, 1]");
  }

  @Test
  void minAndMaxOrderStringsByCodePointAndNaNAboveNumbers() {
    List<Object[]> rows =
        List.of(
            row("z", 1.0, 2.0f),
            row("\u00e9", Double.NaN, Float.NaN),
            row("\uFFFD", -5.0, 1.0f),
            row("\uD83D\uDE00", null, null),
            row(null, 3.0, -1.0f));
    LocalRelation r =
        relation(
            new String[] {"s", "d", "f"},
            new DataType[] {DataTypes.StringType, DataTypes.DoubleType, DataTypes.FloatType},
            rows);
    List<NamedExpression> out = new ArrayList<>();
    for (AttributeReference c : r.output()) {
      out.add(named(call(Function.MIN, c)));
      out.add(named(call(Function.MAX, c)));
    }
    assertThat(OperatorTestSupport.text(run(aggregate(List.of(), out, r), conf2(2))))
        .containsExactly("[z, \uD83D\uDE00, -5.0, NaN, -1.0, NaN]");
  }

  @Test
  void longSumOverflowFailsInAnsiModeAndWrapsOtherwise() {
    List<Object[]> rows = List.of(row(Long.MAX_VALUE), row(1L), row(10L));
    LocalRelation r = relation(new String[] {"v"}, new DataType[] {DataTypes.LongType}, rows);
    Aggregate a = aggregate(List.of(), List.of(named(call(Function.SUM, r.output().get(0)))), r);

    assertThatThrownBy(() -> run(a, conf2(2)))
        .isInstanceOfSatisfying(
            SluiceArithmeticException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("ARITHMETIC_OVERFLOW");
              assertThat(e.getMessageParameters())
                  .containsEntry("message", "long overflow")
                  .containsEntry("config", "\"sluice.sql.ansi.enabled\"");
            });
    SQLConf legacy =
        conf(
            2,
            c -> {
              c.set(SQLConf.ADAPTIVE_COALESCE_PARTITIONS, false);
              c.set(SQLConf.ANSI_ENABLED, false);
            });
    assertThat(OperatorTestSupport.text(run(a, legacy)))
        .containsExactly("[" + (Long.MAX_VALUE + 11) + "]");
  }

  @Test
  void integralSumsAreBigintAndAvgIsDouble() {
    List<Object[]> rows =
        List.of(
            row((byte) 100, (short) 30000, Integer.MAX_VALUE),
            row((byte) 100, (short) 30000, Integer.MAX_VALUE));
    LocalRelation r =
        relation(
            new String[] {"b", "s", "i"},
            new DataType[] {DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType},
            rows);
    List<NamedExpression> out = new ArrayList<>();
    for (AttributeReference c : r.output()) out.add(named(call(Function.SUM, c)));
    out.add(named(call(Function.AVG, r.output().get(2))));
    Aggregate a = aggregate(List.of(), out, r);
    assertThat(a.output())
        .extracting(AttributeReference::dataType)
        .containsExactly(
            DataTypes.LongType, DataTypes.LongType, DataTypes.LongType, DataTypes.DoubleType);
    assertThat(OperatorTestSupport.text(run(a, conf2(1))))
        .containsExactly("[200, 60000, 4294967294, 2.147483647E9]");
  }

  @Test
  void decimalSumAndAvgUseSparkResultTypes() {
    DecimalType t = new DecimalType(5, 2);
    List<Object[]> rows =
        List.of(
            row(new BigDecimal("1.25")),
            row(new BigDecimal("-3.10")),
            row((Object) null),
            row(new BigDecimal("999.99")));
    LocalRelation r = relation(new String[] {"d"}, new DataType[] {t}, rows);
    AttributeReference d = r.output().get(0);
    Aggregate a =
        aggregate(
            List.of(), List.of(named(call(Function.SUM, d)), named(call(Function.AVG, d))), r);
    assertThat(a.output())
        .extracting(AttributeReference::dataType)
        .containsExactly(new DecimalType(15, 2), new DecimalType(9, 6));
    List<Object[]> out = run(a, conf2(2));
    assertThat(out.get(0)[0]).isEqualTo(new BigDecimal("998.14"));
    assertThat(out.get(0)[1]).isEqualTo(new BigDecimal("332.713333"));
  }

  @Test
  void decimalSumOverflowIsNullWithoutAnsiAndAnErrorWithAnsi() {
    DecimalType t = new DecimalType(38, 0);
    BigDecimal big = new BigDecimal("9".repeat(38));
    List<Object[]> rows = List.of(row(1, big), row(1, big), row(2, BigDecimal.ONE));
    LocalRelation r =
        relation(new String[] {"k", "d"}, new DataType[] {DataTypes.IntegerType, t}, rows);
    AttributeReference k = r.output().get(0);
    AttributeReference d = r.output().get(1);
    Aggregate a =
        aggregate(
            List.of(k), List.of(k, named(call(Function.SUM, d)), named(call(Function.AVG, d))), r);
    SQLConf legacy = conf(2, c -> c.set(SQLConf.ANSI_ENABLED, false));
    assertThat(sortedText(run(a, legacy))).containsExactly("[1, null, null]", "[2, 1, 1.0000]");
    assertThatThrownBy(() -> run(a, conf2(2)))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("ARITHMETIC_OVERFLOW");
              assertThat(e.getMessageParameters())
                  .containsEntry("message", "Overflow in sum of decimals");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void distinctAggregatesCountEachValueOncePerGroup(int threads) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) rows.add(row(i % 3, i % 5 == 0 ? null : (long) (i % 11)));
    LocalRelation r =
        relation(
            new String[] {"k", "v"},
            new DataType[] {DataTypes.IntegerType, DataTypes.LongType},
            rows,
            64);
    AttributeReference k = r.output().get(0);
    AttributeReference v = r.output().get(1);
    Aggregate a =
        aggregate(
            List.of(k),
            List.of(
                k,
                named(distinct(Function.COUNT, v)),
                named(distinct(Function.SUM, v)),
                named(call(Function.COUNT, v))),
            r);
    Map<Integer, java.util.Set<Long>> sets = new TreeMap<>();
    Map<Integer, Long> counts = new TreeMap<>();
    for (Object[] row : rows) {
      java.util.Set<Long> s =
          sets.computeIfAbsent((Integer) row[0], x -> new java.util.TreeSet<>());
      counts.merge((Integer) row[0], row[1] == null ? 0L : 1L, Long::sum);
      if (row[1] != null) s.add((Long) row[1]);
    }
    List<Object[]> expected = new ArrayList<>();
    sets.forEach(
        (key, s) ->
            expected.add(
                row(
                    key,
                    (long) s.size(),
                    s.stream().mapToLong(Long::longValue).sum(),
                    counts.get(key))));
    assertThat(sortedText(run(a, conf2(threads)))).isEqualTo(sortedText(expected));
  }

  @Test
  void resultExpressionsReadKeysAndAggregates() {
    List<Object[]> rows = List.of(row(1L, 10L), row(1L, 20L), row(2L, 5L));
    LocalRelation r =
        relation(
            new String[] {"k", "v"}, new DataType[] {DataTypes.LongType, DataTypes.LongType}, rows);
    AttributeReference k = r.output().get(0);
    AttributeReference v = r.output().get(1);
    Alias renamedKey = Alias.of(k, "key");
    Alias total = Alias.of(call(Function.SUM, v), "total");
    Aggregate a = aggregate(List.of(k), List.of(total, renamedKey), r);
    assertThat(sortedText(run(a, conf2(2)))).containsExactly("[30, 1]", "[5, 2]");
    assertThat(Arrays.asList(a.output().get(0).name(), a.output().get(1).name()))
        .containsExactly("total", "key");
  }

  @Test
  void intervalSumAndAverageKeepTheIntervalTypeAndRoundHalfUp() {
    List<Object[]> rows =
        List.of(row(1, 1, 1L), row(1, 2, 2L), row(2, -1, -1L), row(2, -2, -2L), row(3, null, null));
    LocalRelation r =
        relation(
            new String[] {"k", "ym", "dt"},
            new DataType[] {
              DataTypes.IntegerType, DataTypes.YearMonthIntervalType, DataTypes.DayTimeIntervalType
            },
            rows);
    AttributeReference k = r.output().get(0);
    AttributeReference ym = r.output().get(1);
    AttributeReference dt = r.output().get(2);
    Aggregate a =
        aggregate(
            List.of(k),
            List.of(
                k,
                named(call(Function.SUM, ym)),
                named(call(Function.AVG, ym)),
                named(call(Function.AVG, dt))),
            r);
    assertThat(a.output().get(2).dataType()).isEqualTo(DataTypes.YearMonthIntervalType);
    assertThat(sortedText(run(a, conf2(2))))
        .containsExactly("[1, 3, 2, 2]", "[2, -3, -2, -2]", "[3, null, null, null]");
  }
}
