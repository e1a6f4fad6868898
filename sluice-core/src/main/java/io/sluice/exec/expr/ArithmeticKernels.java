package io.sluice.exec.expr;

import io.sluice.plan.expr.BinaryArithmetic.Op;

/**
 * Branch-light loops of the primitive arithmetic operators. Each loop computes every row (null rows
 * hold arbitrary values) and returns flags saying whether some row divided by zero or overflowed;
 * the caller then revisits only those rows, skipping nulls, to raise the error or null the row.
 * Overflowing rows keep Java's wrapped result, which is the LEGACY answer.
 */
final class ArithmeticKernels {
  static final int ZERO_DIVISOR = 1;
  static final int OVERFLOW = 2;

  private ArithmeticKernels() {}

  /**
   * {@code out = a op b} for int-backed operands (byte, short, int, year-month intervals), computed
   * in 64 bits: a row overflows when the exact result leaves {@code [lo, hi]}.
   */
  static int ints(Op op, int[] a, int[] b, int[] out, int n, long lo, long hi) {
    boolean over = false;
    boolean zero = false;
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          long r = (long) a[i] + b[i];
          over |= r < lo | r > hi;
          out[i] = (int) r;
        }
      }
      case SUBTRACT -> {
        for (int i = 0; i < n; i++) {
          long r = (long) a[i] - b[i];
          over |= r < lo | r > hi;
          out[i] = (int) r;
        }
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) {
          long r = (long) a[i] * b[i];
          over |= r < lo | r > hi;
          out[i] = (int) r;
        }
      }
      case REMAINDER -> {
        for (int i = 0; i < n; i++) {
          int y = b[i];
          if (y == 0) {
            zero = true;
            out[i] = 0;
          } else {
            out[i] = a[i] % y;
          }
        }
      }
      case PMOD -> {
        for (int i = 0; i < n; i++) {
          int y = b[i];
          if (y == 0) {
            zero = true;
            out[i] = 0;
          } else {
            out[i] = pmod(a[i], y);
          }
        }
      }
      case DIVIDE, INTEGRAL_DIVIDE -> throw new IllegalStateException(op.name());
    }
    return (zero ? ZERO_DIVISOR : 0) | (over ? OVERFLOW : 0);
  }

  /** The problem (0, ZERO_DIVISOR or OVERFLOW) of one int-backed row. */
  static int intProblem(Op op, int a, int b, long lo, long hi) {
    long r;
    switch (op) {
      case ADD -> r = (long) a + b;
      case SUBTRACT -> r = (long) a - b;
      case MULTIPLY -> r = (long) a * b;
      default -> {
        return b == 0 ? ZERO_DIVISOR : 0;
      }
    }
    return r < lo || r > hi ? OVERFLOW : 0;
  }

  static int pmod(int a, int n) {
    int r = a % n;
    return r < 0 ? (r + n) % n : r;
  }

  static long pmod(long a, long n) {
    long r = a % n;
    return r < 0 ? (r + n) % n : r;
  }

  /** {@code out = a op b} for long-backed operands. */
  static int longs(Op op, long[] a, long[] b, long[] out, int n) {
    boolean over = false;
    boolean zero = false;
    switch (op) {
      // overflow bits are ORed into one word: no branch or flag per row, so the loop vectorizes
      case ADD -> {
        long acc = 0;
        for (int i = 0; i < n; i++) {
          long x = a[i];
          long y = b[i];
          long r = x + y;
          acc |= (x ^ r) & (y ^ r);
          out[i] = r;
        }
        over = acc < 0;
      }
      case SUBTRACT -> {
        long acc = 0;
        for (int i = 0; i < n; i++) {
          long x = a[i];
          long y = b[i];
          long r = x - y;
          acc |= (x ^ y) & (x ^ r);
          out[i] = r;
        }
        over = acc < 0;
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) {
          long x = a[i];
          long y = b[i];
          long r = x * y;
          over |= Math.multiplyHigh(x, y) != (r >> 63);
          out[i] = r;
        }
      }
      case INTEGRAL_DIVIDE -> {
        for (int i = 0; i < n; i++) {
          long x = a[i];
          long y = b[i];
          if (y == 0) {
            zero = true;
            out[i] = 0;
          } else {
            over |= x == Long.MIN_VALUE & y == -1;
            out[i] = x / y;
          }
        }
      }
      case REMAINDER -> {
        for (int i = 0; i < n; i++) {
          long y = b[i];
          if (y == 0) {
            zero = true;
            out[i] = 0;
          } else {
            out[i] = a[i] % y;
          }
        }
      }
      case PMOD -> {
        for (int i = 0; i < n; i++) {
          long y = b[i];
          if (y == 0) {
            zero = true;
            out[i] = 0;
          } else {
            out[i] = pmod(a[i], y);
          }
        }
      }
      case DIVIDE -> throw new IllegalStateException(op.name());
    }
    return (zero ? ZERO_DIVISOR : 0) | (over ? OVERFLOW : 0);
  }

  /** The problem of one long-backed row. */
  static int longProblem(Op op, long a, long b) {
    return switch (op) {
      case ADD -> ((a ^ (a + b)) & (b ^ (a + b))) < 0 ? OVERFLOW : 0;
      case SUBTRACT -> ((a ^ b) & (a ^ (a - b))) < 0 ? OVERFLOW : 0;
      case MULTIPLY -> Math.multiplyHigh(a, b) != ((a * b) >> 63) ? OVERFLOW : 0;
      case INTEGRAL_DIVIDE -> b == 0 ? ZERO_DIVISOR : a == Long.MIN_VALUE && b == -1 ? OVERFLOW : 0;
      default -> b == 0 ? ZERO_DIVISOR : 0;
    };
  }

  /** {@code out = a op b} for doubles; only division by zero is reported. */
  static int doubles(Op op, double[] a, double[] b, double[] out, int n) {
    boolean zero = false;
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) out[i] = a[i] + b[i];
      }
      case SUBTRACT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
      }
      case DIVIDE -> {
        for (int i = 0; i < n; i++) {
          double y = b[i];
          zero |= y == 0;
          out[i] = a[i] / y;
        }
      }
      case REMAINDER -> {
        for (int i = 0; i < n; i++) {
          double y = b[i];
          zero |= y == 0;
          out[i] = a[i] % y;
        }
      }
      case PMOD -> {
        for (int i = 0; i < n; i++) {
          double y = b[i];
          zero |= y == 0;
          double r = a[i] % y;
          out[i] = r < 0 ? (r + y) % y : r;
        }
      }
      case INTEGRAL_DIVIDE -> throw new IllegalStateException(op.name());
    }
    return zero ? ZERO_DIVISOR : 0;
  }

  /** {@code out = a op b} for floats; only division by zero is reported. */
  static int floats(Op op, float[] a, float[] b, float[] out, int n) {
    boolean zero = false;
    switch (op) {
      case ADD -> {
        for (int i = 0; i < n; i++) out[i] = a[i] + b[i];
      }
      case SUBTRACT -> {
        for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
      }
      case MULTIPLY -> {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
      }
      case DIVIDE -> {
        for (int i = 0; i < n; i++) {
          float y = b[i];
          zero |= y == 0;
          out[i] = a[i] / y;
        }
      }
      case REMAINDER -> {
        for (int i = 0; i < n; i++) {
          float y = b[i];
          zero |= y == 0;
          out[i] = a[i] % y;
        }
      }
      case PMOD -> {
        for (int i = 0; i < n; i++) {
          float y = b[i];
          zero |= y == 0;
          float r = a[i] % y;
          out[i] = r < 0 ? (r + y) % y : r;
        }
      }
      case INTEGRAL_DIVIDE -> throw new IllegalStateException(op.name());
    }
    return zero ? ZERO_DIVISOR : 0;
  }
}
