package io.sluice.exec.expr.fn;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;

/** Run-time errors of the library functions, with Spark's error classes and parameters. */
final class FnErrors {
  private FnErrors() {}

  /** A string as a SQL literal in messages: {@code 'a\\b'}. */
  static String sqlString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static String sqlId(String name) {
    return "`" + name + "`";
  }

  /** A regular expression that does not compile. */
  static SluiceRuntimeException invalidPattern(String function, String pattern, Throwable cause) {
    return new SluiceRuntimeException(
        ErrorClass.INVALID_PARAMETER_VALUE_PATTERN,
        SluiceException.params(
            "parameter",
            sqlId("regexp"),
            "functionName",
            sqlId(function),
            "value",
            sqlString(pattern)),
        cause);
  }

  /** A group index below 0 or above the pattern's group count. */
  static SluiceRuntimeException regexGroupIndex(String function, int groupCount, int index) {
    return new SluiceRuntimeException(
        ErrorClass.INVALID_PARAMETER_VALUE_REGEX_GROUP_INDEX,
        SluiceException.params(
            "parameter",
            sqlId("idx"),
            "functionName",
            sqlId(function),
            "groupCount",
            String.valueOf(groupCount),
            "groupIndex",
            String.valueOf(index)));
  }

  /** A LIKE pattern whose escape character precedes something other than _, % or itself. */
  static AnalysisException escapeInTheMiddle(String pattern, char c) {
    return new AnalysisException(
        ErrorClass.INVALID_FORMAT_ESC_IN_THE_MIDDLE,
        SluiceException.params("format", sqlString(pattern), "char", sqlString(String.valueOf(c))));
  }

  /** A LIKE pattern that ends with its escape character. */
  static AnalysisException escapeAtTheEnd(String pattern) {
    return new AnalysisException(
        ErrorClass.INVALID_FORMAT_ESC_AT_THE_END,
        SluiceException.params("format", sqlString(pattern)));
  }

  /** A replacement that fails, e.g. one naming a group the pattern does not have. */
  static SluiceRuntimeException regexpReplace(
      String source, String pattern, String replacement, int position, Throwable cause) {
    return new SluiceRuntimeException(
        ErrorClass.INVALID_REGEXP_REPLACE,
        SluiceException.params(
            "source",
            source,
            "pattern",
            pattern,
            "replacement",
            replacement,
            "position",
            String.valueOf(position)),
        cause);
  }
}
