package io.sluice.exec.expr.fn;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceDateTimeException;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.exec.expr.EvalErrors;

/** The run-time errors of the date and time functions, with Spark's classes and parameters. */
final class DateTimeErrors {
  private DateTimeErrors() {}

  /**
   * {@code CANNOT_PARSE_TIMESTAMP} (ANSI mode) for text a pattern cannot parse; {@code func} is the
   * {@code try_} function to suggest, e.g. {@code try_to_timestamp}.
   */
  static SluiceDateTimeException cannotParse(RuntimeException cause, String func) {
    return new SluiceDateTimeException(
        ErrorClass.CANNOT_PARSE_TIMESTAMP,
        SluiceException.params("message", cause.getMessage(), "func", "`" + func + "`"),
        cause);
  }

  /** {@code DATETIME_FIELD_OUT_OF_BOUNDS} (ANSI mode) with {@code java.time}'s message. */
  static SluiceDateTimeException fieldOutOfBounds(RuntimeException cause) {
    return new SluiceDateTimeException(
        ErrorClass.DATETIME_FIELD_OUT_OF_BOUNDS,
        SluiceException.params(
            "rangeMessage", cause.getMessage(), "ansiConfig", EvalErrors.ANSI_CONFIG),
        cause);
  }

  /** {@code INVALID_FRACTION_OF_SECOND}: {@code make_timestamp} seconds above 60. */
  static SluiceDateTimeException invalidFractionOfSecond() {
    return new SluiceDateTimeException(
        ErrorClass.INVALID_FRACTION_OF_SECOND,
        SluiceException.params("ansiConfig", EvalErrors.ANSI_CONFIG));
  }

  /** {@code ILLEGAL_DAY_OF_WEEK} ({@code next_day}, ANSI mode). */
  static SluiceIllegalArgumentException illegalDayOfWeek(String text) {
    return new SluiceIllegalArgumentException(
        ErrorClass.ILLEGAL_DAY_OF_WEEK, SluiceException.params("string", text));
  }

  /** {@code INVALID_TIMEZONE}: a zone argument that names no zone. */
  static SluiceDateTimeException invalidTimeZone(String zone) {
    return new SluiceDateTimeException(
        ErrorClass.INVALID_TIMEZONE, SluiceException.params("timeZone", zone));
  }

  /** {@code ARITHMETIC_OVERFLOW} for a timestamp out of the {@code long} microsecond range. */
  static SluiceArithmeticException longOverflow() {
    return EvalErrors.arithmeticOverflow("long overflow", "");
  }
}
