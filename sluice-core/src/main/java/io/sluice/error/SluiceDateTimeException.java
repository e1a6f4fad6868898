package io.sluice.error;

import java.util.Map;

/** Raised for a value that cannot be parsed or represented as a date or timestamp. */
public class SluiceDateTimeException extends SluiceException {
  public SluiceDateTimeException(ErrorClass errorClass, Map<String, String> parameters) {
    super(errorClass, parameters);
  }

  public SluiceDateTimeException(
      ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    super(errorClass, parameters, cause);
  }
}
