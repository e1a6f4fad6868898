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
    super(
        ErrorClass.STREAM_FAILED,
        Map.of(
            "id",
            queryId.toString(),
            "runId",
            runId.toString(),
            "message",
            String.valueOf(cause.getMessage())),
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
