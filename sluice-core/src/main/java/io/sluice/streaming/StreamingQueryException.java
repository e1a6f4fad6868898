package io.sluice.streaming;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import java.util.Map;
import java.util.UUID;

/**
 * The failure that stopped a streaming query ({@code STREAM_FAILED}); the cause is the original
 * error, whose error class and parameters {@link #cause()} keeps.
 */
public final class StreamingQueryException extends SluiceException {
  private final UUID queryId;
  private final UUID runId;

  public StreamingQueryException(UUID queryId, UUID runId, Throwable cause) {
    this(queryId, runId, String.valueOf(cause.getMessage()), cause);
  }

  /**
   * A failure whose message is {@code message} rather than the cause's: a user function's error is
   * reported with the message of its {@code FOREACH_*_USER_FUNCTION_ERROR} wrapper while the cause
   * stays the user's own exception, as Spark does.
   */
  public StreamingQueryException(UUID queryId, UUID runId, String message, Throwable cause) {
    super(
        ErrorClass.STREAM_FAILED,
        Map.of("id", queryId.toString(), "runId", runId.toString(), "message", message),
        cause);
    this.queryId = queryId;
    this.runId = runId;
  }

  public UUID queryId() {
    return queryId;
  }

  public UUID runId() {
    return runId;
  }

  /** The error that stopped the query. */
  public Throwable cause() {
    return getCause();
  }
}
