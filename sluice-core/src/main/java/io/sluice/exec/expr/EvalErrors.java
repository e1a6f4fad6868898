package io.sluice.exec.expr;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceDateTimeException;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.error.SluiceNumberFormatException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * The run-time errors of expression evaluation, with Spark's error classes and message parameters
 * ({@code value} parameters are SQL literals, types are quoted SQL type names).
 */
public final class EvalErrors {
  /** The configuration named in ANSI errors, quoted as Spark's {@code toSQLConf}. */
  public static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";

  private EvalErrors() {}

  /** {@code ARITHMETIC_OVERFLOW}, e.g. message {@code integer overflow}, hint {@code try_add}. */
  public static SluiceArithmeticException arithmeticOverflow(String message, String hint) {
    String alternative =
        hint == null || hint.isEmpty()
            ? ""
            : " Use '" + hint + "' to tolerate overflow and return NULL instead.";
    return new SluiceArithmeticException(
        ErrorClass.ARITHMETIC_OVERFLOW,
        SluiceException.params(
            "message", message, "alternative", alternative, "config", ANSI_CONFIG));
  }

  /** {@code BINARY_ARITHMETIC_OVERFLOW} for byte and short operands. */
  public static SluiceArithmeticException binaryOverflow(
      String value1, String symbol, String value2, String tryFunction) {
    return new SluiceArithmeticException(
        ErrorClass.BINARY_ARITHMETIC_OVERFLOW,
        SluiceException.params(
            "value1",
            value1,
            "symbol",
            symbol,
            "value2",
            value2,
            "functionName",
            "`" + tryFunction + "`"));
  }

  public static SluiceArithmeticException divideByZero() {
    return new SluiceArithmeticException(
        ErrorClass.DIVIDE_BY_ZERO, SluiceException.params("config", ANSI_CONFIG));
  }

  /** A decimal result that does not fit {@code decimal(precision, scale)}. */
  public static SluiceArithmeticException numericOutOfRange(
      BigDecimal value, int precision, int scale) {
    return new SluiceArithmeticException(
        ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE,
        SluiceException.params(
            "value",
            value.toPlainString(),
            "precision",
            String.valueOf(precision),
            "scale",
            String.valueOf(scale),
            "config",
            ANSI_CONFIG));
  }

  /** {@code CAST_OVERFLOW}: {@code value} is in internal form. */
  public static SluiceArithmeticException castOverflow(
      Object value, DataType from, DataType to, ZoneId zone) {
    return new SluiceArithmeticException(
        ErrorClass.CAST_OVERFLOW,
        SluiceException.params(
            "value",
            SqlValues.sql(value, from, zone),
            "sourceType",
            SqlValues.type(from),
            "targetType",
            SqlValues.type(to)));
  }

  /**
   * {@code CAST_INVALID_INPUT}: a number-format error, or a date-time error when the target is a
   * date or timestamp.
   */
  public static SluiceException castInvalidInput(
      Object value, DataType from, DataType to, ZoneId zone) {
    var params =
        SluiceException.params(
            "expression",
            SqlValues.sql(value, from, zone),
            "sourceType",
            SqlValues.type(from),
            "targetType",
            SqlValues.type(to));
    if (to instanceof DateType || to instanceof TimestampType) {
      return new SluiceDateTimeException(ErrorClass.CAST_INVALID_INPUT, params);
    }
    return new SluiceNumberFormatException(ErrorClass.CAST_INVALID_INPUT, params);
  }

  /** A string that does not match the format of the interval type it is cast to. */
  public static SluiceIllegalArgumentException invalidIntervalString(
      String input, String intervalKind, String supportedFormat, DataType to) {
    return new SluiceIllegalArgumentException(
        ErrorClass.INVALID_INTERVAL_FORMAT_UNMATCHED_FORMAT_STRING,
        SluiceException.params(
            "intervalStr",
            intervalKind,
            "supportedFormat",
            supportedFormat,
            "typeName",
            to.sql(),
            "input",
            input));
  }

  public static SluiceRuntimeException invalidArrayIndex(long index, int size) {
    return new SluiceRuntimeException(
        ErrorClass.INVALID_ARRAY_INDEX,
        SluiceException.params(
            "indexValue",
            String.valueOf(index),
            "arraySize",
            String.valueOf(size),
            "ansiConfig",
            ANSI_CONFIG));
  }

  /** A compile-time failure: the expression (or type combination) has no evaluator. */
  public static SluiceRuntimeException unsupported(String what) {
    return new SluiceRuntimeException(
        ErrorClass.INTERNAL_ERROR, SluiceException.params("message", "Cannot evaluate " + what));
  }
}
