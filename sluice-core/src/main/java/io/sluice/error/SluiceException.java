package io.sluice.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The root of Sluice's exceptions. Like Spark's {@code SparkThrowable}, each carries a stable
 * {@link #getErrorClass() error class} and named message parameters; the message is the class's
 * template filled with those parameters.
 */
public class SluiceException extends RuntimeException {
  private final ErrorClass errorClass;
  private final Map<String, String> parameters;

  public SluiceException(ErrorClass errorClass, Map<String, String> parameters) {
    this(errorClass, parameters, null);
  }

  public SluiceException(ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    super(render(errorClass, parameters), cause);
    this.errorClass = errorClass;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** The dotted error class, e.g. {@code DIVIDE_BY_ZERO}. */
  public String getErrorClass() {
    return errorClass.errorClassName();
  }

  /** Spark 4's name for {@link #getErrorClass()}. */
  public String getCondition() {
    return getErrorClass();
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  public Map<String, String> getMessageParameters() {
    return parameters;
  }

  public String getSqlState() {
    return errorClass.sqlState();
  }

  /** Builds the message: {@code [CLASS] filled template SQLSTATE: xxxxx}. */
  static String render(ErrorClass errorClass, Map<String, String> parameters) {
    String text = errorClass.template();
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      text = text.replace("<" + e.getKey() + ">", String.valueOf(e.getValue()));
    }
    return "[" + errorClass.errorClassName() + "] " + text + " SQLSTATE: " + errorClass.sqlState();
  }

  /** Shorthand for building parameters: {@code params("a", x, "b", y)}. */
  public static Map<String, String> params(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("params needs key/value pairs");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
