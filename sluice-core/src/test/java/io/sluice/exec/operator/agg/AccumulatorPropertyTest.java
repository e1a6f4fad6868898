package io.sluice.exec.operator.agg;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.plan.expr.AggregateCall.Function;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Accumulators fed in random partial slices and merged, as partial and final aggregation do, agree
 * with naive per-group computations.
 */
class AccumulatorPropertyTest {

  /** Rows {@code [from, to)} of the inputs, updated into a fresh partial, then merged. */
  private static ColumnVector partialFinal(
      Supplier<Accumulator> create,
      ColumnVector[] inputs,
      int[] groupIds,
      int groups,
      int parts,
      Random rnd) {
    int n = groupIds.length;
    Accumulator fin = create.get();
    fin.grow(groups);
    int[] cuts = new int[parts + 1];
    cuts[parts] = n;
    for (int p = 1; p < parts; p++) cuts[p] = rnd.nextInt(n + 1);
    java.util.Arrays.sort(cuts, 1, parts);
    int[] all = new int[groups];
    for (int g = 0; g < groups; g++) all[g] = g;
    for (int p = 0; p < parts; p++) {
      int from = cuts[p];
      int to = cuts[p + 1];
      int[] sel = new int[Math.max(to - from, 1)];
      for (int i = from; i < to; i++) sel[i - from] = i;
      ColumnVector[] slice = new ColumnVector[inputs.length];
      for (int c = 0; c < inputs.length; c++) slice[c] = inputs[c].gather(sel, to - from);
      Accumulator partial = create.get();
      partial.grow(groups);
      partial.update(slice, java.util.Arrays.copyOfRange(groupIds, from, to), to - from);
      fin.merge(partial.buffers(0, groups), all, groups);
    }
    return fin.result(0, groups);
  }

  private static DoubleVector doubles(Double[] values) {
    DoubleVector v = new DoubleVector(DataTypes.DoubleType, values.length);
    for (Double d : values) {
      if (d == null) {
        v.appendNull();
      } else {
        v.append(d.doubleValue());
      }
    }
    return v;
  }

  private static Double[] randomDoubles(Random rnd, int n) {
    Double[] out = new Double[n];
    for (int i = 0; i < n; i++) {
      out[i] = rnd.nextInt(6) == 0 ? null : rnd.nextGaussian() * 100 + rnd.nextInt(1000);
    }
    return out;
  }

  private static void assertClose(ColumnVector v, int g, Double expected) {
    if (expected == null) {
      assertThat(v.isNullAt(g)).as("group %d is null", g).isTrue();
      return;
    }
    assertThat(v.isNullAt(g)).as("group %d is not null", g).isFalse();
    double actual = ((DoubleVector) v).get(g);
    assertThat(actual)
        .as("group %d", g)
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(expected))));
  }

  @Property(tries = 80)
  void varianceAndStddevEqualTheTwoPassFormulas(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int parts) {
    Random rnd = new Random(seed);
    int n = rnd.nextInt(300);
    int groups = 1 + rnd.nextInt(6);
    Double[] x = randomDoubles(rnd, n);
    int[] gid = new int[n];
    for (int i = 0; i < n; i++) gid[i] = rnd.nextInt(groups);
    ColumnVector[] in = {doubles(x)};
    for (Function f :
        List.of(Function.VAR_SAMP, Function.VAR_POP, Function.STDDEV_SAMP, Function.STDDEV_POP)) {
      ColumnVector out = partialFinal(() -> new MomentAccumulator(f), in, gid, groups, parts, rnd);
      for (int g = 0; g < groups; g++) {
        List<Double> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (gid[i] == g && x[i] != null) vs.add(x[i]);
        }
        boolean sample = f == Function.VAR_SAMP || f == Function.STDDEV_SAMP;
        Double expected = null;
        if (vs.size() > (sample ? 1 : 0)) {
          double mean = vs.stream().mapToDouble(d -> d).average().orElseThrow();
          double ss = vs.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
          double var = ss / (sample ? vs.size() - 1 : vs.size());
          expected = f == Function.STDDEV_SAMP || f == Function.STDDEV_POP ? Math.sqrt(var) : var;
        }
        assertClose(out, g, expected);
      }
    }
  }

  @Property(tries = 80)
  void covarianceAndCorrelationEqualTheTwoPassFormulas(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int parts) {
    Random rnd = new Random(seed);
    int n = rnd.nextInt(300);
    int groups = 1 + rnd.nextInt(6);
    Double[] x = randomDoubles(rnd, n);
    Double[] y = randomDoubles(rnd, n);
    int[] gid = new int[n];
    for (int i = 0; i < n; i++) gid[i] = rnd.nextInt(groups);
    ColumnVector[] in = {doubles(x), doubles(y)};
    for (Function f : List.of(Function.COVAR_SAMP, Function.COVAR_POP, Function.CORR)) {
      ColumnVector out =
          partialFinal(() -> new CovarianceAccumulator(f), in, gid, groups, parts, rnd);
      for (int g = 0; g < groups; g++) {
        List<double[]> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (gid[i] == g && x[i] != null && y[i] != null) ps.add(new double[] {x[i], y[i]});
        }
        int c = ps.size();
        Double expected = null;
        if (c > (f == Function.COVAR_POP ? 0 : 1)) {
          double mx = ps.stream().mapToDouble(p -> p[0]).average().orElseThrow();
          double my = ps.stream().mapToDouble(p -> p[1]).average().orElseThrow();
          double cxy = ps.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
          double sxx = ps.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
          double syy = ps.stream().mapToDouble(p -> (p[1] - my) * (p[1] - my)).sum();
          expected =
              switch (f) {
                case COVAR_POP -> cxy / c;
                case COVAR_SAMP -> cxy / (c - 1);
                default -> cxy / Math.sqrt(sxx * syy);
              };
        }
        assertClose(out, g, expected);
      }
    }
  }

  @Property(tries = 80)
  void collectSetHoldsTheDistinctValuesAndCollectListAllOfThem(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int parts) {
    Random rnd = new Random(seed);
    int n = rnd.nextInt(300);
    int groups = 1 + rnd.nextInt(6);
    IntVector v = new IntVector(DataTypes.IntegerType, n);
    Integer[] x = new Integer[n];
    int[] gid = new int[n];
    for (int i = 0; i < n; i++) {
      gid[i] = rnd.nextInt(groups);
      x[i] = rnd.nextInt(7) == 0 ? null : rnd.nextInt(12);
      v.append(x[i]);
    }
    ColumnVector[] in = {v};
    ArrayVector sets =
        (ArrayVector)
            partialFinal(
                () -> new CollectAccumulator(DataTypes.IntegerType, true),
                in,
                gid,
                groups,
                parts,
                rnd);
    ArrayVector lists =
        (ArrayVector)
            partialFinal(
                () -> new CollectAccumulator(DataTypes.IntegerType, false),
                in,
                gid,
                groups,
                parts,
                rnd);
    for (int g = 0; g < groups; g++) {
      List<Object> expectedList = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (gid[i] == g && x[i] != null) expectedList.add(x[i]);
      }
      Set<Object> expectedSet = new HashSet<>(expectedList);
      Object[] set = (Object[]) sets.getObject(g);
      assertThat(set).hasSize(expectedSet.size());
      assertThat(new HashSet<>(List.of(set))).isEqualTo(expectedSet);
      // partial lists are concatenated in slice order: the list keeps the input order
      assertThat((Object[]) lists.getObject(g)).containsExactlyElementsOf(expectedList);
    }
  }

  @Property(tries = 80)
  void maxByAndFirstFollowTheirDefinitions(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int parts) {
    Random rnd = new Random(seed);
    int n = rnd.nextInt(200);
    int groups = 1 + rnd.nextInt(5);
    Double[] ord = randomDoubles(rnd, n);
    IntVector val = new IntVector(DataTypes.IntegerType, n);
    int[] gid = new int[n];
    for (int i = 0; i < n; i++) {
      gid[i] = rnd.nextInt(groups);
      val.append(rnd.nextInt(5) == 0 ? null : (Object) i);
    }
    ColumnVector[] in = {val, doubles(ord)};
    ColumnVector max =
        partialFinal(
            () -> new MinMaxByAccumulator(DataTypes.IntegerType, DataTypes.DoubleType, true),
            in,
            gid,
            groups,
            parts,
            rnd);
    ColumnVector first =
        partialFinal(
            () -> new FirstLastAccumulator(DataTypes.IntegerType, false, true),
            new ColumnVector[] {val},
            gid,
            groups,
            parts,
            rnd);
    for (int g = 0; g < groups; g++) {
      Integer best = null;
      Double bestOrd = null;
      Integer firstValue = null;
      for (int i = 0; i < n; i++) {
        if (gid[i] != g) continue;
        if (firstValue == null && !val.isNullAt(i)) firstValue = i;
        if (ord[i] != null && (bestOrd == null || ord[i] > bestOrd)) {
          bestOrd = ord[i];
          best = val.isNullAt(i) ? null : i;
        }
      }
      assertThat(max.getObject(g)).as("max_by of group %d", g).isEqualTo(best);
      assertThat(first.getObject(g)).as("first of group %d", g).isEqualTo(firstValue);
    }
  }
}
