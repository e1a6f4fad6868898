package io.sluice.error;

import java.util.Map;

/** Raised for an arithmetic error at run time: overflow or division by zero. */
public class SluiceArithmeticException extends SluiceException {
  public SluiceArithmeticException(ErrorClass errorClass, Map<String, String> parameters) {
    super(errorClass, parameters);
  }

  public SluiceArithmeticException(
      ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    super(errorClass, parameters, cause);
  }
}
