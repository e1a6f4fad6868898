package io.sluice.error;

import java.util.Map;

/** Raised for an error while running a query. */
public class SluiceRuntimeException extends SluiceException {
  public SluiceRuntimeException(ErrorClass errorClass, Map<String, String> parameters) {
    super(errorClass, parameters);
  }

  public SluiceRuntimeException(
      ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    super(errorClass, parameters, cause);
  }
}
