package io.sluice.connector;

/**
 * A position in a streaming source. The engine writes {@link #json()} to the offset log before it
 * reads a micro-batch and hands it back through {@link MicroBatchStream#deserializeOffset} on
 * restart, so the text must identify the position completely. Offsets are immutable values with
 * {@code equals} by content.
 */
public interface Offset {
  /** The offset as JSON text, e.g. {@code 42} or {@code {"topic":{"0":23}}}. */
  String json();
}
