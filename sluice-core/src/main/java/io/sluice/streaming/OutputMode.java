package io.sluice.streaming;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.Locale;

/**
 * What a streaming query writes to its sink after each micro-batch, as Spark's {@code OutputMode}:
 * only new rows ({@link #Append()}), the whole result ({@link #Complete()}), or the rows that
 * changed ({@link #Update()}).
 */
public enum OutputMode {
  APPEND("Append"),
  COMPLETE("Complete"),
  UPDATE("Update");

  private final String display;

  OutputMode(String display) {
    this.display = display;
  }

  /** Only rows added to the result since the last trigger; they never change afterwards. */
  public static OutputMode Append() {
    return APPEND;
  }

  /** The whole result table after every trigger. */
  public static OutputMode Complete() {
    return COMPLETE;
  }

  /** The result rows that changed in the last trigger. */
  public static OutputMode Update() {
    return UPDATE;
  }

  /** {@code append}, {@code complete} or {@code update}, in any case. */
  public static OutputMode fromString(String mode) {
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "append" -> APPEND;
      case "complete" -> COMPLETE;
      case "update" -> UPDATE;
      default ->
          throw new SluiceIllegalArgumentException(
              ErrorClass.STREAMING_OUTPUT_MODE_INVALID, SluiceException.params("outputMode", mode));
    };
  }

  @Override
  public String toString() {
    return display;
  }
}
