package io.sluice.exec.operator;

import static io.sluice.exec.operator.OperatorTestSupport.conf;
import static io.sluice.exec.operator.OperatorTestSupport.relation;
import static io.sluice.exec.operator.OperatorTestSupport.row;
import static io.sluice.exec.operator.OperatorTestSupport.run;
import static io.sluice.exec.operator.OperatorTestSupport.sortedText;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.SQLConf;
import io.sluice.exec.planner.PhysicalPlanner;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.logical.Join;
import io.sluice.plan.logical.JoinType;
import io.sluice.plan.logical.LocalRelation;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HashJoinTest {
  private static final String[] LEFT_NAMES = {"lk", "lv"};
  private static final String[] RIGHT_NAMES = {"rk", "rv", "flag"};
  private static final DataType[] LEFT_TYPES = {DataTypes.LongType, DataTypes.StringType};
  private static final DataType[] RIGHT_TYPES = {
    DataTypes.LongType, DataTypes.IntegerType, DataTypes.BooleanType
  };
  private static final JoinType[] TYPES = {
    JoinType.INNER,
    JoinType.LEFT_OUTER,
    JoinType.RIGHT_OUTER,
    JoinType.FULL_OUTER,
    JoinType.LEFT_SEMI,
    JoinType.LEFT_ANTI
  };

  static List<Object[]> leftRows() {
    return List.of(
        row(1L, "a"),
        row(1L, "b"),
        row(2L, "c"),
        row(null, "d"),
        row(3L, "e"),
        row(5L, null),
        row(null, "f"));
  }

  static List<Object[]> rightRows() {
    return List.of(
        row(1L, 10, true),
        row(1L, 11, false),
        row(2L, 20, true),
        row(null, 30, true),
        row(4L, 40, true),
        row(2L, 21, true),
        row(null, 31, false));
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JoinType t : TYPES) {
      for (int threads : new int[] {1, 2}) {
        for (boolean broadcast : new boolean[] {false, true}) {
          out.add(Arguments.of(t, threads, broadcast));
        }
      }
    }
    return out.stream();
  }

  static SQLConf joinConf(int threads, boolean broadcast) {
    return conf(
        threads, c -> c.set(SQLConf.AUTO_BROADCAST_JOIN_THRESHOLD, broadcast ? 10L << 20 : -1L));
  }

  /** Equality on the keys (null never matches unless null-safe), optionally the right flag. */
  static BiPredicate<Object[], Object[]> match(boolean nullSafe, boolean useFlag) {
    return (l, r) ->
        (nullSafe ? Objects.equals(l[0], r[0]) : l[0] != null && l[0].equals(r[0]))
            && (!useFlag || Boolean.TRUE.equals(r[2]));
  }

  static List<Object[]> runJoin(
      JoinType t,
      List<Object[]> lRows,
      List<Object[]> rRows,
      boolean nullSafe,
      boolean useFlag,
      boolean equi,
      SQLConf conf) {
    LocalRelation l = relation(LEFT_NAMES, LEFT_TYPES, lRows, 3);
    LocalRelation r = relation(RIGHT_NAMES, RIGHT_TYPES, rRows, 3);
    AttributeReference flag = r.output().get(2);
    Expression eq =
        new Comparison(
            nullSafe ? Comparison.Op.NULL_SAFE_EQ : Comparison.Op.EQ,
            r.output().get(0),
            l.output().get(0));
    Expression cond = equi ? (useFlag ? new And(eq, flag) : eq) : (useFlag ? flag : null);
    return run(new Join(l, r, t, cond, List.of()), conf);
  }

  @ParameterizedTest(name = "{0} threads={1} broadcast={2}")
  @MethodSource("cases")
  void equiJoinMatchesNestedLoopReference(JoinType t, int threads, boolean broadcast) {
    SQLConf conf = joinConf(threads, broadcast);
    for (boolean nullSafe : new boolean[] {false, true}) {
      for (boolean useFlag : new boolean[] {false, true}) {
        List<Object[]> expected =
            JoinReference.join(t, leftRows(), rightRows(), 2, 3, match(nullSafe, useFlag));
        assertThat(sortedText(runJoin(t, leftRows(), rightRows(), nullSafe, useFlag, true, conf)))
            .as("nullSafe=%s flag=%s", nullSafe, useFlag)
            .isEqualTo(sortedText(expected));
      }
    }
  }

  @org.junit.jupiter.api.Test
  void innerJoinOutputsMatchingPairsWithBothSidesColumns() {
    assertThat(
            sortedText(
                runJoin(
                    JoinType.INNER,
                    leftRows(),
                    rightRows(),
                    false,
                    false,
                    true,
                    joinConf(2, false))))
        .containsExactly(
            "[1, a, 1, 10, true]",
            "[1, a, 1, 11, false]",
            "[1, b, 1, 10, true]",
            "[1, b, 1, 11, false]",
            "[2, c, 2, 20, true]",
            "[2, c, 2, 21, true]");
  }

  @ParameterizedTest(name = "{0} threads={1} broadcast={2}")
  @MethodSource("cases")
  void emptySides(JoinType t, int threads, boolean broadcast) {
    SQLConf conf = joinConf(threads, broadcast);
    for (List<Object[]> l : List.of(leftRows(), List.<Object[]>of())) {
      for (List<Object[]> r : List.of(rightRows(), List.<Object[]>of())) {
        List<Object[]> expected = JoinReference.join(t, l, r, 2, 3, match(false, false));
        assertThat(sortedText(runJoin(t, l, r, false, false, true, conf)))
            .isEqualTo(sortedText(expected));
      }
    }
  }

  @ParameterizedTest(name = "{0} threads={1}")
  @MethodSource("cases")
  void nestedLoopJoinsWithoutEquality(JoinType t, int threads, boolean withCondition) {
    SQLConf conf = joinConf(threads, false);
    BiPredicate<Object[], Object[]> m = (l, r) -> !withCondition || Boolean.TRUE.equals(r[2]);
    List<Object[]> expected = JoinReference.join(t, leftRows(), rightRows(), 2, 3, m);
    assertThat(sortedText(runJoin(t, leftRows(), rightRows(), false, withCondition, false, conf)))
        .isEqualTo(sortedText(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void manyToManyJoinsProduceMoreThanABatch(JoinType t, int threads, boolean broadcast) {
    List<Object[]> l = new ArrayList<>();
    List<Object[]> r = new ArrayList<>();
    for (int i = 0; i < 300; i++) l.add(row((long) (i % 4), "l" + i));
    for (int i = 0; i < 200; i++) r.add(row((long) (i % 5), i, i % 2 == 0));
    SQLConf conf = joinConf(threads, broadcast);
    conf.set(SQLConf.BATCH_SIZE, 64);
    List<Object[]> expected = JoinReference.join(t, l, r, 2, 3, match(false, true));
    assertThat(sortedText(runJoin(t, l, r, false, true, true, conf)))
        .isEqualTo(sortedText(expected));
  }

  @org.junit.jupiter.api.Test
  void broadcastTablesWithStringAndCompositeKeysAreProbedConcurrently() {
    List<Object[]> big = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) big.add(row("k" + (i % 300), i % 3));
    List<Object[]> small = new ArrayList<>();
    for (int i = 0; i < 200; i++) small.add(row("k" + i, i % 3));
    DataType[] types = {DataTypes.StringType, DataTypes.IntegerType};
    LocalRelation l = relation(new String[] {"s", "i"}, types, big, 1000);
    LocalRelation r = relation(new String[] {"s2", "i2"}, types, small);
    SQLConf conf = conf(2, c -> c.set(SQLConf.BATCH_SIZE, 512));
    Expression oneKey = new Comparison(Comparison.Op.EQ, l.output().get(0), r.output().get(0));
    Expression twoKeys =
        new And(oneKey, new Comparison(Comparison.Op.EQ, l.output().get(1), r.output().get(1)));
    LocalRelation scan = l;
    List<Object[]> one = run(new Join(scan, r, JoinType.INNER, oneKey, List.of()), conf);
    List<Object[]> two = run(new Join(scan, r, JoinType.LEFT_SEMI, twoKeys, List.of()), conf);
    long expectedTwo =
        big.stream()
            .filter(
                x -> {
                  int k = Integer.parseInt(((String) x[0]).substring(1));
                  return k < 200 && k % 3 == (Integer) x[1];
                })
            .count();
    long expectedOne =
        big.stream().filter(x -> Integer.parseInt(((String) x[0]).substring(1)) < 200).count();
    assertThat(one).hasSize((int) expectedOne).allSatisfy(x -> assertThat(x[0]).isEqualTo(x[2]));
    assertThat(two).hasSize((int) expectedTwo);
    assertThat(
            new PhysicalPlanner(conf)
                .plan(new Join(scan, r, JoinType.INNER, oneKey, List.of()))
                .nodeName())
        .isEqualTo("BroadcastHashJoin");
  }

  @Property(tries = 40)
  void randomJoinsEqualTheReference(
      @ForAll @IntRange(min = 0, max = 5) int typeIndex,
      @ForAll long seed,
      @ForAll boolean broadcast) {
    JoinType t = TYPES[typeIndex];
    Random rnd = new Random(seed);
    List<Object[]> l = new ArrayList<>();
    List<Object[]> r = new ArrayList<>();
    for (int i = rnd.nextInt(30); i > 0; i--) {
      l.add(row(rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(6), "v" + rnd.nextInt(3)));
    }
    for (int i = rnd.nextInt(30); i > 0; i--) {
      r.add(
          row(
              rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(6),
              rnd.nextInt(100),
              rnd.nextInt(4) == 0 ? null : rnd.nextBoolean()));
    }
    boolean nullSafe = rnd.nextBoolean();
    boolean flag = rnd.nextBoolean();
    List<Object[]> expected = JoinReference.join(t, l, r, 2, 3, match(nullSafe, flag));
    assertThat(sortedText(runJoin(t, l, r, nullSafe, flag, true, joinConf(2, broadcast))))
        .isEqualTo(sortedText(expected));
  }

  @Property(tries = 40)
  void uniqueBuildKeysEqualTheReference(
      @ForAll @IntRange(min = 0, max = 5) int typeIndex,
      @ForAll long seed,
      @ForAll boolean broadcast) {
    // unique right keys take the one-partner path; streamed batches larger than the batch
    // size are cut into several pair batches
    JoinType t = TYPES[typeIndex];
    Random rnd = new Random(seed);
    List<Object[]> l = new ArrayList<>();
    List<Object[]> r = new ArrayList<>();
    for (int i = rnd.nextInt(60); i > 0; i--) {
      l.add(row(rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(30), "v" + rnd.nextInt(3)));
    }
    List<Long> keys = new ArrayList<>();
    for (long k = 0; k < 30; k++) keys.add(k);
    java.util.Collections.shuffle(keys, rnd);
    for (int i = rnd.nextInt(30); i > 0; i--) {
      r.add(row(keys.get(i), rnd.nextInt(100), rnd.nextInt(4) == 0 ? null : rnd.nextBoolean()));
    }
    if (rnd.nextBoolean()) r.add(row(null, 7, true));
    boolean flag = rnd.nextBoolean();
    SQLConf conf = joinConf(1 + rnd.nextInt(2), broadcast);
    conf.set(SQLConf.BATCH_SIZE, 1 + rnd.nextInt(8));
    List<Object[]> expected = JoinReference.join(t, l, r, 2, 3, match(false, flag));
    LocalRelation lr = relation(LEFT_NAMES, LEFT_TYPES, l, 100);
    LocalRelation rr = relation(RIGHT_NAMES, RIGHT_TYPES, r, 100);
    Expression eq = new Comparison(Comparison.Op.EQ, rr.output().get(0), lr.output().get(0));
    Expression cond = flag ? new And(eq, rr.output().get(2)) : eq;
    assertThat(sortedText(run(new Join(lr, rr, t, cond, List.of()), conf)))
        .isEqualTo(sortedText(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void explainNamesTheJoinStrategy(JoinType t, int threads, boolean broadcast) {
    LocalRelation l = relation(LEFT_NAMES, LEFT_TYPES, leftRows());
    LocalRelation r = relation(RIGHT_NAMES, RIGHT_TYPES, rightRows());
    Expression eq = new Comparison(Comparison.Op.EQ, l.output().get(0), r.output().get(0));
    String plan =
        new PhysicalPlanner(joinConf(threads, broadcast))
            .plan(new Join(l, r, t, eq, List.of()))
            .treeString();
    String keys = "[" + l.output().get(0) + "], [" + r.output().get(0) + "], " + t.planName();
    boolean canBroadcast = broadcast && t != JoinType.FULL_OUTER;
    assertThat(plan).startsWith((canBroadcast ? "BroadcastHashJoin " : "ShuffledHashJoin ") + keys);
    if (!canBroadcast) assertThat(plan).contains("Exchange hashpartitioning(");
  }
}
