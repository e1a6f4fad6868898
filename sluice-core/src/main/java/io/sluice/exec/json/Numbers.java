package io.sluice.exec.json;

/** Number text helpers for the JSON reader (the fast paths are in {@code NumberText}). */
final class Numbers {
  private Numbers() {}

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
