package io.sluice.error;

import java.util.Map;

/** Raised for a value that cannot be parsed as the number asked for. */
public class SluiceNumberFormatException extends SluiceException {
  public SluiceNumberFormatException(ErrorClass errorClass, Map<String, String> parameters) {
    super(errorClass, parameters);
  }

  public SluiceNumberFormatException(
      ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    super(errorClass, parameters, cause);
  }
}
