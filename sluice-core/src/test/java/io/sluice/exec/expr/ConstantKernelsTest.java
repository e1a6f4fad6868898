package io.sluice.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.plan.expr.BinaryArithmetic.Op;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The loops specialised for a constant right operand give exactly what the general kernels give
 * (values in every row and problem flags), and division by a constant matches Java's operators.
 */
class ConstantKernelsTest {
  private static final long[] EDGES = {
    0,
    1,
    -1,
    2,
    -2,
    3,
    7,
    10,
    100,
    -100,
    1000,
    1_000_000,
    (1L << 32) + 1,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    Long.MAX_VALUE - 1,
    Long.MIN_VALUE + 1,
    1L << 62,
    -(1L << 62),
    0x5555_5555_5555_5555L
  };

  @Provide
  Arbitrary<Long> interesting() {
    Long[] edges = java.util.Arrays.stream(EDGES).boxed().toArray(Long[]::new);
    return Arbitraries.oneOf(
        Arbitraries.of(edges),
        Arbitraries.longs(),
        Arbitraries.longs().between(-5000, 5000),
        Arbitraries.integers().map(i -> (long) i));
  }

  @Property(tries = 3000)
  void divisionByConstantMatchesJava(@ForAll("interesting") long n, @ForAll("interesting") long d) {
    SignedDivisor div = SignedDivisor.of(d);
    if (d == 0 || d == 1 || d == -1 || d == Long.MIN_VALUE) {
      assertThat(div).isNull();
      return;
    }
    assertThat(div.quotient(n)).as("%d / %d", n, d).isEqualTo(n / d);
    assertThat(div.remainder(n)).as("%d %% %d", n, d).isEqualTo(n % d);
  }

  @Test
  void divisionByConstantIsExactAroundMultiplesOfTheDivisor() {
    long[] divisors = {
      2,
      3,
      5,
      6,
      7,
      10,
      100,
      641,
      1_000_000,
      (1L << 31) - 1,
      1L << 40,
      Long.MAX_VALUE,
      Long.MIN_VALUE + 1,
      -3,
      -7,
      -100,
      -(1L << 40)
    };
    for (long d : divisors) {
      SignedDivisor div = SignedDivisor.of(d);
      for (long k = -1000; k <= 1000; k++) {
        for (long delta = -1; delta <= 1; delta++) {
          long n = k * d + delta;
          assertThat(div.quotient(n)).as("%d / %d", n, d).isEqualTo(n / d);
          assertThat(div.remainder(n)).as("%d %% %d", n, d).isEqualTo(n % d);
        }
      }
      for (long n : EDGES) {
        assertThat(div.quotient(n)).as("%d / %d", n, d).isEqualTo(n / d);
      }
    }
  }

  @Property(tries = 1000)
  void batchDivisionMatchesJava(@ForAll("interesting") long d, @ForAll long seed) {
    SignedDivisor div = SignedDivisor.of(d);
    if (div == null) return;
    Random rnd = new Random(seed);
    int n = 1 + rnd.nextInt(100);
    // non-negative 31-bit batches take the vectorizable loops; others the general ones
    boolean small = rnd.nextInt(3) > 0;
    long[] a = new long[n];
    int[] ints = new int[n];
    for (int i = 0; i < n; i++) {
      long x =
          small
              ? switch (rnd.nextInt(4)) {
                case 0 -> Integer.MAX_VALUE - rnd.nextInt(3);
                case 1 -> rnd.nextInt(3);
                case 2 -> Math.abs(d) * rnd.nextInt(1000) + rnd.nextInt(3) - 1 & Integer.MAX_VALUE;
                default -> rnd.nextInt(Integer.MAX_VALUE);
              }
              : rnd.nextLong() >> rnd.nextInt(64);
      a[i] = x;
      ints[i] = (int) x;
    }
    long[] out = new long[n];
    div.quotients(a, out, n);
    for (int i = 0; i < n; i++) assertThat(out[i]).as("%d / %d", a[i], d).isEqualTo(a[i] / d);
    div.remainders(a, out, n);
    for (int i = 0; i < n; i++) assertThat(out[i]).as("%d %% %d", a[i], d).isEqualTo(a[i] % d);
    if (d > 0) {
      div.positiveModulos(a, out, n);
      for (int i = 0; i < n; i++) {
        assertThat(out[i]).as("pmod(%d, %d)", a[i], d).isEqualTo(ArithmeticKernels.pmod(a[i], d));
      }
    }
    if (d == (int) d && d != Integer.MIN_VALUE) {
      int[] intOut = new int[n];
      div.remainders(ints, intOut, n);
      for (int i = 0; i < n; i++) {
        assertThat(intOut[i]).as("%d %% %d", ints[i], d).isEqualTo(ints[i] % (int) d);
      }
      if (d > 0) {
        div.positiveModulos(ints, intOut, n);
        for (int i = 0; i < n; i++) {
          assertThat(intOut[i]).isEqualTo(ArithmeticKernels.pmod(ints[i], (int) d));
        }
      }
    }
  }

  @Property(tries = 400)
  void longKernelsEqualTheGeneralOnes(@ForAll long seed, @ForAll("interesting") long c) {
    Random rnd = new Random(seed);
    int n = 1 + rnd.nextInt(300);
    long[] a = randomLongs(rnd, n);
    long[] b = new long[n];
    java.util.Arrays.fill(b, c);
    for (Op op : Op.values()) {
      ConstantKernels.LongKernel k = ConstantKernels.longs(op, c);
      if (k == null) continue;
      long[] expected = new long[n];
      long[] actual = new long[n];
      int expectedFlags = ArithmeticKernels.longs(op, a, b, expected, n);
      int actualFlags = k.apply(a, actual, n);
      assertThat(actualFlags).as("%s by %d", op, c).isEqualTo(expectedFlags);
      assertThat(actual).as("%s by %d", op, c).isEqualTo(expected);
    }
  }

  @Property(tries = 400)
  void intKernelsEqualTheGeneralOnes(@ForAll long seed, @ForAll int c0) {
    Random rnd = new Random(seed);
    int c = rnd.nextBoolean() ? c0 : rnd.nextInt(201) - 100;
    int n = 1 + rnd.nextInt(300);
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] =
          switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextInt();
            case 1 -> rnd.nextInt(2001) - 1000;
            case 2 ->
                rnd.nextBoolean()
                    ? Integer.MAX_VALUE - rnd.nextInt(3)
                    : Integer.MIN_VALUE + rnd.nextInt(3);
            default -> 0;
          };
    }
    int[] b = new int[n];
    java.util.Arrays.fill(b, c);
    long lo = Integer.MIN_VALUE;
    long hi = Integer.MAX_VALUE;
    for (Op op : Op.values()) {
      ConstantKernels.IntKernel k = ConstantKernels.ints(op, c, lo, hi);
      if (k == null) continue;
      int[] expected = new int[n];
      int[] actual = new int[n];
      int expectedFlags = ArithmeticKernels.ints(op, a, b, expected, n, lo, hi);
      int actualFlags = k.apply(a, actual, n);
      assertThat(actualFlags).as("%s by %d", op, c).isEqualTo(expectedFlags);
      assertThat(actual).as("%s by %d", op, c).isEqualTo(expected);
    }
  }

  @Test
  void narrowTypesOverflowAtTheirOwnBounds() {
    // byte: 100 + 30 leaves [-128, 127]
    ConstantKernels.IntKernel add =
        ConstantKernels.ints(Op.ADD, 30, Byte.MIN_VALUE, Byte.MAX_VALUE);
    int[] out = new int[2];
    assertThat(add.apply(new int[] {97, 1}, out, 2)).isZero();
    assertThat(add.apply(new int[] {98, 1}, out, 2)).isEqualTo(ArithmeticKernels.OVERFLOW);
  }

  private static long[] randomLongs(Random rnd, int n) {
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] =
          switch (rnd.nextInt(5)) {
            case 0 -> rnd.nextLong();
            case 1 -> rnd.nextInt(20001) - 10000;
            case 2 -> EDGES[rnd.nextInt(EDGES.length)];
            case 3 -> rnd.nextLong() >> rnd.nextInt(64);
            default -> 0;
          };
    }
    return a;
  }
}
