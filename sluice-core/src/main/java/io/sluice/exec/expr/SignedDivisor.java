package io.sluice.exec.expr;

import java.math.BigInteger;

/**
 * Truncating division of {@code long}s by a constant without a divide instruction: a multiply by a
 * precomputed reciprocal, a shift and a sign fix (Granlund and Montgomery, "Division by invariant
 * integers using multiplication", 1994, section 5). A hardware 64-bit divide takes several times
 * longer than the multiply, and {@code x % 100} or {@code x div 7} by a literal is a common shape
 * (bucketing, sampling) worth a dedicated loop.
 *
 * <p>Exact for every dividend: {@code quotient(n) == n / d} and {@code remainder(n) == n % d}.
 */
final class SignedDivisor {
  private final long divisor;

  /** The reciprocal {@code m} minus 2^64, so a signed high multiply plus {@code n} gives m*n. */
  private final long multiplier;

  private final int shift;
  private final boolean negative;

  /**
   * For dividends in {@code [0, 2^31)} and {@code |d| < 2^31}: {@code n / |d| == (n * m31) >>>
   * shift31}, a product that fits in 63 bits. Unlike the high multiply, this vectorizes (a 64-bit
   * lane multiply), so batches of small non-negative values take that loop. Zero when {@code |d|}
   * is too large.
   */
  private final long m31;

  private final int shift31;

  private SignedDivisor(long divisor, long multiplier, int shift, long m31, int shift31) {
    this.divisor = divisor;
    this.multiplier = multiplier;
    this.shift = shift;
    this.negative = divisor < 0;
    this.m31 = m31;
    this.shift31 = shift31;
  }

  /**
   * The divisor {@code d}, or {@code null} when division by it is better left to the plain
   * operator: zero (an error or null), ±1 (trivial, and {@code MIN / -1} overflows) and {@code
   * Long.MIN_VALUE} (no positive counterpart).
   */
  static SignedDivisor of(long d) {
    if (d == 0 || d == 1 || d == -1 || d == Long.MIN_VALUE) return null;
    long abs = Math.abs(d);
    // l = ceil(log2 |d|) >= 1; m = 1 + floor(2^(63 + l) / |d|) lies in [2^63, 2^64)
    int l = 64 - Long.numberOfLeadingZeros(abs - 1);
    BigInteger m =
        BigInteger.ONE.shiftLeft(63 + l).divide(BigInteger.valueOf(abs)).add(BigInteger.ONE);
    long multiplier = m.subtract(BigInteger.ONE.shiftLeft(64)).longValueExact();
    // unsigned 31-bit dividends: m31 = floor(2^(31 + l) / |d|) + 1 <= 2^32 + 1, exact for
    // n < 2^31 since 2^(31+l) < m31 * |d| <= 2^(31+l) + 2^l (same theorem, unsigned form)
    long m31 = abs < (1L << 31) ? (1L << (31 + l)) / abs + 1 : 0;
    return new SignedDivisor(d, multiplier, l - 1, m31, 31 + l);
  }

  /** True when every value of {@code a[0, n)} lies in {@code [0, 2^31)}. */
  private boolean small(long[] a, int n) {
    if (m31 == 0) return false;
    long bits = 0;
    for (int i = 0; i < n; i++) bits |= a[i];
    return bits >>> 31 == 0;
  }

  private boolean small(int[] a, int n) {
    if (m31 == 0) return false;
    int bits = 0;
    for (int i = 0; i < n; i++) bits |= a[i];
    return bits >= 0;
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
    if (small(a, n)) {
      long m = m31;
      int s = shift31;
      if (negative) {
        for (int i = 0; i < n; i++) out[i] = -((a[i] * m) >>> s);
      } else {
        for (int i = 0; i < n; i++) out[i] = (a[i] * m) >>> s;
      }
      return;
    }
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
    long absD = Math.abs(divisor);
    if (small(a, n)) {
      long m = m31;
      int s = shift31;
      for (int i = 0; i < n; i++) {
        long x = a[i];
        out[i] = x - ((x * m) >>> s) * absD;
      }
      return;
    }
    long m = multiplier;
    int s = shift;
    // x % d == x % |d| in Java: the remainder takes the dividend's sign
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long q = ((x + Math.multiplyHigh(m, x)) >> s) - (x >> 63);
      out[i] = x - q * absD;
    }
  }

  /** {@code out[i] = a[i] % d} for int-backed rows {@code [0, n)}. */
  void remainders(int[] a, int[] out, int n) {
    long absD = Math.abs(divisor);
    if (small(a, n)) {
      long m = m31;
      int s = shift31;
      for (int i = 0; i < n; i++) {
        long x = a[i];
        out[i] = (int) (x - ((x * m) >>> s) * absD);
      }
      return;
    }
    long m = multiplier;
    int s = shift;
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long q = ((x + Math.multiplyHigh(m, x)) >> s) - (x >> 63);
      out[i] = (int) (x - q * absD);
    }
  }

  /**
   * Spark's {@code pmod} for a positive divisor: the remainder moved into {@code [0, d)}. Callers
   * use the plain operator for negative divisors.
   */
  void positiveModulos(long[] a, long[] out, int n) {
    if (small(a, n)) {
      // non-negative dividends: the remainder is already in [0, d)
      remainders(a, out, n);
      return;
    }
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
    if (small(a, n)) {
      remainders(a, out, n);
      return;
    }
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
