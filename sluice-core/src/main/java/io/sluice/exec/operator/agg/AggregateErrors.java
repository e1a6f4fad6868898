package io.sluice.exec.operator.agg;

import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceArithmeticException;
import io.sluice.error.SluiceException;

/** Errors raised while aggregating. */
public final class AggregateErrors {
  private AggregateErrors() {}

  /** {@code ARITHMETIC_OVERFLOW} as Spark raises it from an ANSI sum. */
  public static SluiceArithmeticException overflow(String message, String tryFunction) {
    String alternative =
        tryFunction == null
            ? ""
            : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.";
    return new SluiceArithmeticException(
        ErrorClass.ARITHMETIC_OVERFLOW,
        SluiceException.params(
            "message",
            message,
            "alternative",
            alternative,
            "config",
            "\"" + SQLConf.ANSI_ENABLED.key() + "\""));
  }

  static SluiceArithmeticException longOverflow() {
    return overflow("long overflow", "try_add");
  }

  static SluiceArithmeticException decimalSumOverflow() {
    return overflow("Overflow in sum of decimals", null);
  }
}
