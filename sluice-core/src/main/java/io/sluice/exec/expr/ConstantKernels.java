package io.sluice.exec.expr;

import static io.sluice.exec.expr.ArithmeticKernels.OVERFLOW;

import io.sluice.plan.expr.BinaryArithmetic.Op;

/**
 * Loops of {@code column op constant}, the most common shape of arithmetic ({@code x % 100}, {@code
 * price * 3}, {@code n + 1}): the constant stays in a register instead of being read from a second
 * array, division by it becomes a multiply ({@link SignedDivisor}), and overflow checks become
 * range tests folded into one accumulated word, so the loops are free of branches. They return the
 * same flags as {@link ArithmeticKernels} and leave the same values in every row.
 */
final class ConstantKernels {
  private ConstantKernels() {}

  /** {@code out = a op c} over long-backed rows {@code [0, n)}; returns problem flags. */
  @FunctionalInterface
  interface LongKernel {
    int apply(long[] a, long[] out, int n);
  }

  /** {@code out = a op c} over int-backed rows {@code [0, n)}; returns problem flags. */
  @FunctionalInterface
  interface IntKernel {
    int apply(int[] a, int[] out, int n);
  }

  /** A loop for {@code long op c}, or {@code null} when the general kernel should run. */
  static LongKernel longs(Op op, long c) {
    SignedDivisor div = SignedDivisor.of(c);
    return switch (op) {
      case ADD ->
          (a, out, n) -> {
            long acc = 0;
            for (int i = 0; i < n; i++) {
              long x = a[i];
              long r = x + c;
              acc |= (x ^ r) & (c ^ r);
              out[i] = r;
            }
            return acc < 0 ? OVERFLOW : 0;
          };
      case SUBTRACT ->
          (a, out, n) -> {
            long acc = 0;
            for (int i = 0; i < n; i++) {
              long x = a[i];
              long r = x - c;
              acc |= (x ^ c) & (x ^ r);
              out[i] = r;
            }
            return acc < 0 ? OVERFLOW : 0;
          };
      case MULTIPLY -> multiply(c);
      case INTEGRAL_DIVIDE ->
          div == null
              ? null
              : (a, out, n) -> {
                div.quotients(a, out, n);
                return 0;
              };
      case REMAINDER ->
          div == null
              ? null
              : (a, out, n) -> {
                div.remainders(a, out, n);
                return 0;
              };
      case PMOD ->
          div == null || c < 0
              ? null
              : (a, out, n) -> {
                div.positiveModulos(a, out, n);
                return 0;
              };
      case DIVIDE -> null;
    };
  }

  private static LongKernel multiply(long c) {
    if (c > -2 && c < 2) return null;
    // x * c fits in a long exactly when lo <= x <= hi (Java's division truncates toward zero,
    // which rounds each bound inward); then x - lo and hi - x are both non-negative
    long lo = c > 0 ? Long.MIN_VALUE / c : Long.MAX_VALUE / c;
    long hi = c > 0 ? Long.MAX_VALUE / c : Long.MIN_VALUE / c;
    return (a, out, n) -> {
      long acc = 0;
      for (int i = 0; i < n; i++) {
        long x = a[i];
        acc |= (x - lo) | (hi - x);
        out[i] = x * c;
      }
      return acc < 0 ? OVERFLOW : 0;
    };
  }

  /**
   * A loop for {@code int op c} on a type whose values lie in {@code [lo, hi]} (byte, short, int,
   * year-month interval), or {@code null} when the general kernel should run.
   */
  static IntKernel ints(Op op, long c, long lo, long hi) {
    SignedDivisor div = SignedDivisor.of(c);
    return switch (op) {
      // exact results in 64 bits, then one range test per row: r - lo and hi - r are
      // non-negative exactly when r is in range
      case ADD ->
          (a, out, n) -> {
            long acc = 0;
            for (int i = 0; i < n; i++) {
              long r = a[i] + c;
              acc |= (r - lo) | (hi - r);
              out[i] = (int) r;
            }
            return acc < 0 ? OVERFLOW : 0;
          };
      case SUBTRACT ->
          (a, out, n) -> {
            long acc = 0;
            for (int i = 0; i < n; i++) {
              long r = a[i] - c;
              acc |= (r - lo) | (hi - r);
              out[i] = (int) r;
            }
            return acc < 0 ? OVERFLOW : 0;
          };
      case MULTIPLY ->
          (a, out, n) -> {
            long acc = 0;
            for (int i = 0; i < n; i++) {
              long r = a[i] * c;
              acc |= (r - lo) | (hi - r);
              out[i] = (int) r;
            }
            return acc < 0 ? OVERFLOW : 0;
          };
      case REMAINDER ->
          div == null
              ? null
              : (a, out, n) -> {
                div.remainders(a, out, n);
                return 0;
              };
      case PMOD ->
          div == null || c < 0
              ? null
              : (a, out, n) -> {
                div.positiveModulos(a, out, n);
                return 0;
              };
      case DIVIDE, INTEGRAL_DIVIDE -> null;
    };
  }
}
