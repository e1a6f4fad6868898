package io.sluice.error;

import java.util.Map;

/**
 * Raised for text that is not valid SQL or DDL. When the position of the fault is known, the
 * message ends as Spark's does: {@code (line 1, pos 9)}, then the SQL text under {@code == SQL ==}
 * with a caret line under the offending token.
 */
public class ParseException extends SluiceException {
  private final String command;
  private final int line;
  private final int startPosition;

  public ParseException(ErrorClass errorClass, Map<String, String> parameters) {
    this(errorClass, parameters, null, null, 0, 0);
  }

  public ParseException(ErrorClass errorClass, Map<String, String> parameters, Throwable cause) {
    this(errorClass, parameters, cause, null, 0, 0);
  }

  /**
   * An error at {@code line} (1-based) and {@code startPosition} (0-based character in that line)
   * of {@code command}, the SQL text being parsed.
   */
  public ParseException(
      ErrorClass errorClass,
      Map<String, String> parameters,
      String command,
      int line,
      int startPosition) {
    this(errorClass, parameters, null, command, line, startPosition);
  }

  private ParseException(
      ErrorClass errorClass,
      Map<String, String> parameters,
      Throwable cause,
      String command,
      int line,
      int startPosition) {
    super(errorClass, parameters, cause);
    this.command = command;
    this.line = line;
    this.startPosition = startPosition;
  }

  /** The SQL text that failed to parse, if known. */
  public String command() {
    return command;
  }

  /** The 1-based line of the fault, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The 0-based position of the fault within its line. */
  public int startPosition() {
    return startPosition;
  }

  @Override
  public String getMessage() {
    String base = super.getMessage();
    if (command == null || line <= 0) return base;
    StringBuilder sb = new StringBuilder(base);
    sb.append(" (line ").append(line).append(", pos ").append(startPosition).append(")\n");
    sb.append("\n== SQL ==\n");
    String[] lines = command.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      sb.append(lines[i]).append('\n');
      if (i == line - 1) sb.append("-".repeat(startPosition)).append("^^^\n");
    }
    return sb.toString();
  }
}
