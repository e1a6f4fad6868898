package io.sluice.exec.json;

/** Number text helpers for the JSON reader. */
final class Numbers {
  private static final double[] POW10 = new double[23];

  static {
    double v = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = v;
      v *= 10;
    }
  }

  private Numbers() {}

  /**
   * The double of a JSON number's text when it has at most 15 significant digits and a decimal
   * exponent within ±22 — then one exact multiplication or division rounds correctly (Clinger's
   * fast path); NaN otherwise, for the caller to parse it the slow way.
   */
  static double fastDouble(char[] c, int off, int len) {
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
   * Spark's special strings for floating-point columns: {@code NaN}, {@code Infinity}, {@code
   * +Infinity}, {@code +INF}, {@code -Infinity}, {@code -INF}; 0 for any other text.
   */
  static double nonNumeric(String s) {
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "+INF", "+Infinity", "Infinity" -> Double.POSITIVE_INFINITY;
      case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> 0;
    };
  }
}
