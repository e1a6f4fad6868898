package io.sluice.error;

import java.util.Map;

/** Raised for text that is not valid SQL or DDL. */
public class ParseException extends SluiceException {
  public ParseException(ErrorClass errorClass, Map<String, String> parameters) {
    super(errorClass, parameters);
  }

  public ParseException(ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    super(errorClass, parameters, cause);
  }
}
