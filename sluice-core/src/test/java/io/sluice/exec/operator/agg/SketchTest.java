package io.sluice.exec.operator.agg;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.expr.fn.XxHash64;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** XXH64 hashing and the HyperLogLog++ and quantile sketches on their own. */
class SketchTest {

  @Test
  void xxHash64MatchesTheReferenceVectors() {
    byte[] empty = new byte[0];
    assertThat(XxHash64.hashBytes(empty, 0, 0, 0)).isEqualTo(0xEF46DB3751D8E999L);
    byte[] text = "Nobody inspects the spammish repetition".getBytes(StandardCharsets.UTF_8);
    assertThat(XxHash64.hashBytes(text, 0, text.length, 0)).isEqualTo(0xFBCEA83C8A378BF1L);
  }

  @Test
  void valuesHashAsSparksXxhash64() {
    // Spark's documented SELECT xxhash64('Spark', array(123), 2): the seed 42 chains through
    long h = ValueHashes.hashObject("Spark", DataTypes.StringType, 42L);
    h =
        ValueHashes.hashObject(
            new Object[] {123}, new io.sluice.types.ArrayType(DataTypes.IntegerType, false), h);
    h = ValueHashes.hashObject(2, DataTypes.IntegerType, h);
    assertThat(h).isEqualTo(5602566077635097486L);
    // the vectorized path agrees with the per-value path
    BytesVector s = new BytesVector(DataTypes.StringType, 1);
    s.appendString("Spark");
    long[] out = new long[1];
    ValueHashes.hash(s, 1, 42L, out);
    assertThat(out[0]).isEqualTo(ValueHashes.hashObject("Spark", DataTypes.StringType, 42L));
  }

  @Test
  void precisionFollowsTheRelativeError() {
    assertThat(HllAccumulator.precision(0.05)).isEqualTo(9);
    assertThat(HllAccumulator.precision(0.01)).isEqualTo(14);
    assertThat(HllAccumulator.precision(0.39)).isEqualTo(4);
    assertThat(HllAccumulator.precision(0.5)).isEqualTo(3);
  }

  /** Estimates of {@code n} distinct longs, fed in {@code parts} partial sketches and merged. */
  private static long estimate(long[] values, int parts, double rsd) {
    HllAccumulator fin = new HllAccumulator(rsd);
    fin.grow(1);
    int per = (values.length + parts - 1) / parts;
    for (int p = 0; p < parts; p++) {
      int from = Math.min(values.length, p * per);
      int to = Math.min(values.length, from + per);
      HllAccumulator partial = new HllAccumulator(rsd);
      partial.grow(1);
      long[] slice = Arrays.copyOfRange(values, from, Math.max(to, from + 1));
      partial.update(
          new ColumnVector[] {new LongVector(DataTypes.LongType, slice, null, to - from)},
          new int[to - from],
          to - from);
      fin.merge(partial.buffers(0, 1), new int[1], 1);
    }
    return ((LongVector) fin.result(0, 1)).get(0);
  }

  @Property(tries = 40)
  void hllStaysWithinFourStandardErrors(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60_000) int n,
      @ForAll @IntRange(min = 1, max = 4) int parts) {
    Random rnd = new Random(seed);
    long[] values = new long[n];
    long base = rnd.nextLong();
    for (int i = 0; i < n; i++) values[i] = base + i;
    long est = estimate(values, parts, 0.05);
    // 1.04 / sqrt(512) = 4.6% standard error; small sets are counted almost exactly
    assertThat((double) est)
        .as("n=%d", n)
        .isCloseTo(n, org.assertj.core.data.Offset.offset(Math.max(2.0, n * 4 * 0.046)));
    // merging is order-free: the same registers whatever the split
    assertThat(estimate(values, 1, 0.05)).isEqualTo(est);
  }

  @Test
  void hllRelativeErrorOverARangeOfCardinalities() {
    Random rnd = new Random(7);
    double worst = 0;
    for (int n = 100; n <= 200_000; n = n * 3 / 2) {
      long[] values = new long[n];
      long base = rnd.nextLong();
      for (int i = 0; i < n; i++) values[i] = base + i * 31L;
      double err = Math.abs(estimate(values, 2, 0.05) - n) / (double) n;
      worst = Math.max(worst, err);
    }
    // 4.6% standard error at the default precision; the worst of ~25 sizes stays under 3σ
    assertThat(worst).isLessThan(0.14);
  }

  // --- quantiles ---

  private static double nearestRank(double[] sorted, double q, double eps) {
    if (q <= eps) return sorted[0];
    if (q >= 1 - eps) return sorted[sorted.length - 1];
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static QuantileSummary summarize(double[] values, int parts, double eps) {
    QuantileSummary all = new QuantileSummary(eps);
    int per = (values.length + parts - 1) / parts;
    for (int p = 0; p < parts; p++) {
      QuantileSummary s = new QuantileSummary(eps);
      for (int i = p * per; i < Math.min(values.length, (p + 1) * per); i++) s.insert(values[i]);
      byte[] bytes = s.serialize();
      all.merge(QuantileSummary.deserialize(bytes, 0, bytes.length));
    }
    return all;
  }

  @Property(tries = 60)
  void quantilesOfSmallInputsAreExact(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 4) int parts) {
    Random rnd = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) values[i] = rnd.nextInt(100) - 50 + (rnd.nextBoolean() ? 0.5 : 0);
    QuantileSummary s = summarize(values, parts, 1e-4);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(s.count()).isEqualTo(n);
    for (double q : new double[] {0, 1e-5, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1, rnd.nextDouble()}) {
      assertThat(s.query(q)).as("q=%s", q).isEqualTo(nearestRank(sorted, q, 1e-4));
    }
  }

  @Property(tries = 10)
  void quantilesOfLargeInputsStayWithinTheRankError(
      @ForAll long seed,
      @ForAll @IntRange(min = 20_000, max = 120_000) int n,
      @ForAll @IntRange(min = 1, max = 3) int parts) {
    Random rnd = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) values[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      double t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    double eps = 0.01;
    QuantileSummary s = summarize(values, parts, eps);
    for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
      // the values are 0..n-1, so a value's rank is the value plus one
      double rank = s.query(q) + 1;
      assertThat(rank)
          .as("q=%s", q)
          .isCloseTo(Math.ceil(q * n), org.assertj.core.data.Offset.offset(eps * n + 1));
    }
  }
}
