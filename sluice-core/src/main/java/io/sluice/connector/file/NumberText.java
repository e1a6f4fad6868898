package io.sluice.connector.file;

/**
 * Fast paths for number text read by file sources. Each returns a sentinel when the text is not in
 * the simple form it handles, for the caller to parse it the slow (JDK) way; where both accept a
 * text they agree.
 */
public final class NumberText {
  /** Returned by {@link #parseLong} for text it does not handle. */
  public static final long NOT_A_LONG = Long.MIN_VALUE;

  private static final double[] POW10 = new double[23];

  static {
    double v = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = v;
      v *= 10;
    }
  }

  private NumberText() {}

  /**
   * The double of a number's text when it has at most 15 significant digits and a decimal exponent
   * within ±22 — then one exact multiplication or division rounds correctly (Clinger's fast path);
   * NaN otherwise.
   */
  public static double fastDouble(char[] c, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (i < end && c[i] == '-') {
      negative = true;
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    boolean afterDot = false;
    int digits = 0;
    for (; i < end; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        if (mantissa != 0 || ch != '0') {
          if (++significant > 15) return Double.NaN;
        }
        mantissa = mantissa * 10 + (ch - '0');
        digits++;
        if (afterDot) exponent--;
      } else if (ch == '.' && !afterDot) {
        afterDot = true;
      } else {
        break;
      }
    }
    if (digits == 0) return Double.NaN;
    if (i < end && (c[i] == 'e' || c[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < end && (c[i] == '+' || c[i] == '-')) expNegative = c[i++] == '-';
      int e = 0;
      int expDigits = 0;
      for (; i < end && c[i] >= '0' && c[i] <= '9'; i++) {
        if (++expDigits > 4) return Double.NaN;
        e = e * 10 + (c[i] - '0');
      }
      if (expDigits == 0) return Double.NaN;
      exponent += expNegative ? -e : e;
    }
    if (i != end) return Double.NaN;
    return scale(mantissa, exponent, negative);
  }

  /**
   * {@link #fastDouble(char[], int, int)} over ASCII bytes; also takes a leading {@code +}, as
   * {@link Double#parseDouble} does. NaN when the text is not in the simple form.
   */
  public static double fastDouble(byte[] c, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (i < end && (c[i] == '-' || c[i] == '+')) {
      negative = c[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    boolean afterDot = false;
    int digits = 0;
    for (; i < end; i++) {
      int d = c[i] - '0';
      if (d >= 0 && d <= 9) {
        if (mantissa != 0 || d != 0) {
          if (++significant > 15) return Double.NaN;
        }
        mantissa = mantissa * 10 + d;
        digits++;
        if (afterDot) exponent--;
      } else if (c[i] == '.' && !afterDot) {
        afterDot = true;
      } else {
        break;
      }
    }
    if (digits == 0) return Double.NaN;
    if (i < end && (c[i] == 'e' || c[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < end && (c[i] == '+' || c[i] == '-')) expNegative = c[i++] == '-';
      int e = 0;
      int expDigits = 0;
      for (; i < end && c[i] >= '0' && c[i] <= '9'; i++) {
        if (++expDigits > 4) return Double.NaN;
        e = e * 10 + (c[i] - '0');
      }
      if (expDigits == 0) return Double.NaN;
      exponent += expNegative ? -e : e;
    }
    if (i != end) return Double.NaN;
    return scale(mantissa, exponent, negative);
  }

  private static double scale(long mantissa, int exponent, boolean negative) {
    double d = mantissa;
    if (exponent > 0) {
      if (exponent > 22) return Double.NaN;
      d *= POW10[exponent];
    } else if (exponent < 0) {
      if (exponent < -22) return mantissa == 0 ? 0.0 * (negative ? -1 : 1) : Double.NaN;
      d /= POW10[-exponent];
    }
    return negative ? -d : d;
  }

  /**
   * The value of an integer's ASCII text as {@link Long#parseLong} reads it (an optional sign, then
   * decimal digits), or {@link #NOT_A_LONG} when the text is not such an integer or overflows — and
   * for {@link Long#MIN_VALUE} itself, which the caller parses the slow way.
   */
  public static long parseLong(byte[] b, int off, int len) {
    if (len <= 0) return NOT_A_LONG;
    int i = off;
    int end = off + len;
    boolean negative = false;
    byte first = b[i];
    if (first == '-' || first == '+') {
      negative = first == '-';
      if (++i == end) return NOT_A_LONG;
    }
    if (end - i > 18) return NOT_A_LONG; // may overflow: the slow path decides
    long v = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) return NOT_A_LONG;
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }
}
