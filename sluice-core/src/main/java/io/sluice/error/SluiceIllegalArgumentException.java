package io.sluice.error;

import java.util.Map;

/** Raised for a wrong argument, option or configuration value. */
public class SluiceIllegalArgumentException extends SluiceException {
  public SluiceIllegalArgumentException(ErrorClass errorClass, Map<String, String> parameters) {
    super(errorClass, parameters);
  }

  public SluiceIllegalArgumentException(
      ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    super(errorClass, parameters, cause);
  }
}
