package io.sluice.connector;

/**
 * How much a source may admit into one micro-batch (Spark's {@code ReadLimit}): everything
 * available, or at most some rows, files or bytes. A source that does not understand a limit treats
 * it as {@link AllAvailable}.
 */
public sealed interface ReadLimit {
  /** No limit: every record available now. */
  record AllAvailable() implements ReadLimit {}

  /** At most {@code rows} records ({@code maxOffsetsPerTrigger}). */
  record MaxRows(long rows) implements ReadLimit {}

  /** At most {@code files} files ({@code maxFilesPerTrigger}). */
  record MaxFiles(int files) implements ReadLimit {}

  /** At most about {@code bytes} bytes, but at least one file ({@code maxBytesPerTrigger}). */
  record MaxBytes(long bytes) implements ReadLimit {}

  /** Every limit at once: a batch stops at whichever is reached first. */
  record Composite(java.util.List<ReadLimit> limits) implements ReadLimit {
    public Composite {
      limits = java.util.List.copyOf(limits);
    }
  }

  static ReadLimit allAvailable() {
    return new AllAvailable();
  }
}
