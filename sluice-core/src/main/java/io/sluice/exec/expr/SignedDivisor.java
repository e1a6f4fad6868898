package io.sluice.exec.expr;

import java.math.BigInteger;

/**
 * Truncating division of {@code long}s by a constant without a divide instruction: a multiply
 * by a precomputed reciprocal, a shift and a sign fix (Granlund and Montgomery, "Division by
 * invariant integers using multiplication", 1994, section 5). A hardware 64-bit divide takes
 * several times longer than the multiply, and {@code x % 100} or {@code x div 7} by a literal is
 * a common shape (bucketing, sampling) worth a dedicated loop.
 *
 * <p>Exact for every dividend: {@code quotient(n) == n / d} and {@code remainder(n) == n % d}.
 */
final class SignedDivisor {
  private final long divisor;
  /** The reciprocal {@code m} minus 2^64, so a signed high multiply plus {@code n} gives m*n. */
  private final long multiplier;
  private final int shift;
  private final boolean negative;

  private SignedDivisor(long divisor, long multiplier, int shift) {
    this.divisor = divisor;
    this.multiplier = multiplier;
    this.shift = shift;
    this.negative = divisor < 0;
  }

  /**
   * The divisor {@code d}, or {@code null} when division by it is better left to the plain
   * operator: zero (an error or null), ±1 (trivial, and {@code MIN / -1} overflows) and
   * {@code Long.MIN_VALUE} (no positive counterpart).
   */
  static SignedDivisor of(long d) {
    if (d == 0 || d == 1 || d == -1 || d == Long.MIN_VALUE) return null;
    long abs = Math.abs(d);
    // l = ceil(log2 |d|) >= 1; m = 1 + floor(2^(63 + l) / |d|) lies in [2^63, 2^64)
    int l = 64 - Long.numberOfLeadingZeros(abs - 1);
    BigInteger m = BigInteger.ONE.shiftLeft(63 + l).divide(BigInteger.valueOf(abs))
        .add(BigInteger.ONE);
    return new SignedDivisor(d, m.subtract(BigInteger.ONE.shiftLeft(64)).longValueExact(), l - 1);
  }

  long divisor() {
    return divisor;
  }

  /** {@code n / d}, truncated toward zero. */
  long quotient(long n) {
    long q = n + Math.multiplyHigh(multiplier, n);
    q = (q >> shift) - (n >> 63);
    return negative ? -q : q;
  }

  /** {@code n % d}, with the sign of {@code n}. */
  long remainder(long n) {
    return n - quotient(n) * divisor;
  }

  /** {@code out[i] = a[i] / d} for rows {@code [0, n)}. */
  void quotients(long[] a, long[] out, int n) {
    long m = multiplier;
    int s = shift;
    if (negative) {
      for (int i = 0; i < n; i++) {
        long x = a[i];
        out[i] = (x >> 63) - ((x + Math.multiplyHigh(m, x)) >> s);
      }
    } else {
      for (int i = 0; i < n; i++) {
        long x = a[i];
        out[i] = ((x + Math.multiplyHigh(m, x)) >> s) - (x >> 63);
      }
    }
  }

  /** {@code out[i] = a[i] % d} for rows {@code [0, n)}. */
  void remainders(long[] a, long[] out, int n) {
    long m = multiplier;
    int s = shift;
    long absD = Math.abs(divisor);
    // x % d == x % |d| in Java: the remainder takes the dividend's sign
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long q = ((x + Math.multiplyHigh(m, x)) >> s) - (x >> 63);
      out[i] = x - q * absD;
    }
  }

  /** {@code out[i] = a[i] % d} for int-backed rows {@code [0, n)}. */
  void remainders(int[] a, int[] out, int n) {
    long m = multiplier;
    int s = shift;
    long absD = Math.abs(divisor);
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long q = ((x + Math.multiplyHigh(m, x)) >> s) - (x >> 63);
      out[i] = (int) (x - q * absD);
    }
  }

  /**
   * Spark's {@code pmod} for a positive divisor: the remainder moved into {@code [0, d)}.
   * Callers use the plain operator for negative divisors.
   */
  void positiveModulos(long[] a, long[] out, int n) {
    long m = multiplier;
    int s = shift;
    long d = divisor;
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long q = ((x + Math.multiplyHigh(m, x)) >> s) - (x >> 63);
      long r = x - q * d;
      out[i] = r + ((r >> 63) & d);
    }
  }

  /** {@link #positiveModulos(long[], long[], int)} for int-backed rows. */
  void positiveModulos(int[] a, int[] out, int n) {
    long m = multiplier;
    int s = shift;
    long d = divisor;
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long q = ((x + Math.multiplyHigh(m, x)) >> s) - (x >> 63);
      long r = x - q * d;
      out[i] = (int) (r + ((r >> 63) & d));
    }
  }
}
