package io.sluice.streaming;

import java.util.UUID;

/**
 * Receives the life-cycle events of the session's streaming queries, as Spark's {@code
 * StreamingQueryListener}. {@link #onQueryStarted} is called synchronously from {@code start()};
 * the other events are delivered in order on a listener thread, so a slow listener does not slow
 * queries down.
 */
public abstract class StreamingQueryListener {

  /** A query started. */
  public abstract void onQueryStarted(QueryStartedEvent event);

  /** A micro-batch finished. */
  public abstract void onQueryProgress(QueryProgressEvent event);

  /** A trigger found no new data and ran no batch. */
  public void onQueryIdle(QueryIdleEvent event) {}

  /** A query stopped, with or without an error. */
  public abstract void onQueryTerminated(QueryTerminatedEvent event);

  /** Marker of the events. */
  public sealed interface Event
      permits QueryStartedEvent, QueryProgressEvent, QueryIdleEvent, QueryTerminatedEvent {}

  public record QueryStartedEvent(UUID id, UUID runId, String name, String timestamp)
      implements Event {}

  public record QueryProgressEvent(StreamingQueryProgress progress) implements Event {}

  public record QueryIdleEvent(UUID id, UUID runId, String timestamp) implements Event {}

  /**
   * {@code exception} is the failure's message, or null when the query stopped normally; {@code
   * errorClassOnException} is its error class when it has one.
   */
  public record QueryTerminatedEvent(
      UUID id, UUID runId, String exception, String errorClassOnException) implements Event {}
}
