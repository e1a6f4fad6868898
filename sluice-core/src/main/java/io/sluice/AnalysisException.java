package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import java.util.Map;

/**
 * Raised when a query cannot be analyzed: an unknown column, table or function, a type mismatch, an
 * illegal plan. As Spark's {@code AnalysisException}, it is thrown when the DataFrame is defined,
 * before anything runs.
 */
public class AnalysisException extends SluiceException {
  public AnalysisException(ErrorClass errorClass, Map<String, String> parameters) {
    super(errorClass, parameters);
  }

  public AnalysisException(ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    super(errorClass, parameters, cause);
  }
}
