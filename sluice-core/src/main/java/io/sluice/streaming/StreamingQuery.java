package io.sluice.streaming;

import java.util.Optional;
import java.util.UUID;

/**
 * A handle to a streaming query running in the background, as Spark's {@code StreamingQuery}. All
 * methods are thread-safe.
 */
public interface StreamingQuery {
  /** Stable across restarts from the same checkpoint. */
  UUID id();

  /** New at every start. */
  UUID runId();

  /** The name given with {@code queryName}, or null. */
  String name();

  boolean isActive();

  StreamingQueryStatus status();

  /** The progress of the last micro-batch, or null before the first. */
  StreamingQueryProgress lastProgress();

  /** The most recent progress updates, oldest first. */
  StreamingQueryProgress[] recentProgress();

  /** Waits until the query stops; rethrows its failure as a {@link StreamingQueryException}. */
  void awaitTermination();

  /**
   * Waits at most {@code timeoutMs} for the query to stop; returns whether it stopped. Rethrows its
   * failure as a {@link StreamingQueryException}.
   */
  boolean awaitTermination(long timeoutMs);

  /**
   * Blocks until every record available in the sources when called has been processed and committed
   * (and any micro-batch the watermark requires has run). For tests.
   */
  void processAllAvailable();

  /**
   * Stops the query, interrupting a batch in progress (which is then re-run at the next start), and
   * waits for its thread to end. Safe to call more than once.
   */
  void stop();

  /** The failure that stopped the query, if it failed. */
  Optional<StreamingQueryException> exception();

  /** Prints the physical plan of the last micro-batch. */
  void explain();

  /** Prints the plans; {@code extended} adds the logical plans. */
  void explain(boolean extended);
}
