package io.sluice.streaming;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.streaming.runtime.ListenerBus;
import io.sluice.streaming.runtime.QuerySpec;
import io.sluice.streaming.runtime.StreamExecution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The streaming queries of one session ({@code session.streams()}), as Spark's {@code
 * StreamingQueryManager}: the active ones, waiting for any to end, and the listeners that receive
 * their events.
 */
public final class StreamingQueryManager {
  private final ListenerBus bus = new ListenerBus();
  private final Object lock = new Object();
  private final Map<UUID, StreamExecution> active = new LinkedHashMap<>();
  private StreamExecution lastTerminated;

  /** Use {@code session.streams()}. */
  public StreamingQueryManager() {}

  /** The queries running now. */
  public StreamingQuery[] active() {
    synchronized (lock) {
      return active.values().toArray(new StreamingQuery[0]);
    }
  }

  /** The active query with this id, or null. */
  public StreamingQuery get(UUID id) {
    synchronized (lock) {
      return active.get(id);
    }
  }

  /** The active query with this id (a UUID's text), or null. */
  public StreamingQuery get(String id) {
    return get(UUID.fromString(id));
  }

  /**
   * Waits until any query ends (or has ended since the last {@link #resetTerminated()}); rethrows
   * its failure.
   */
  public void awaitAnyTermination() {
    awaitAnyTermination(Long.MAX_VALUE);
  }

  /**
   * As {@link #awaitAnyTermination()}, waiting at most {@code timeoutMs}; returns whether one
   * ended.
   */
  public boolean awaitAnyTermination(long timeoutMs) {
    long deadline =
        timeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMs;
    StreamExecution ended;
    synchronized (lock) {
      while (lastTerminated == null) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) return false;
        try {
          lock.wait(Math.min(left, 1000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      ended = lastTerminated;
    }
    ended
        .exception()
        .ifPresent(
            e -> {
              throw e;
            });
    return true;
  }

  /** Forgets queries that ended, so {@link #awaitAnyTermination()} waits for a new one. */
  public void resetTerminated() {
    synchronized (lock) {
      lastTerminated = null;
    }
  }

  public void addListener(StreamingQueryListener listener) {
    bus.add(listener);
  }

  public void removeListener(StreamingQueryListener listener) {
    bus.remove(listener);
  }

  /** Waits until listeners received every event posted so far (for tests). */
  public boolean awaitListenerEvents(long timeoutMs) throws InterruptedException {
    return bus.waitUntilEmpty(timeoutMs);
  }

  /** Starts a query; fails when one of the same name or checkpoint is active. */
  StreamExecution start(QuerySpec spec) {
    StreamExecution query;
    synchronized (lock) {
      // a query that stopped but has not yet left the map does not count (see terminated())
      if (spec.name() != null) {
        for (StreamExecution q : active.values()) {
          if (q.isActive() && spec.name().equals(q.name())) {
            throw new SluiceIllegalArgumentException(
                ErrorClass.STREAMING_QUERY_NAME_IN_USE,
                SluiceException.params("name", spec.name()));
          }
        }
      }
      query = new StreamExecution(spec, bus, this::terminated);
      StreamExecution running = active.get(query.id());
      if (running != null && running.isActive()) {
        throw new SluiceIllegalArgumentException(
            ErrorClass.CONCURRENT_QUERY, SluiceException.params("id", query.id().toString()));
      }
      active.put(query.id(), query);
    }
    query.start();
    query
        .initializationFailure()
        .ifPresent(
            e -> {
              throw e;
            });
    return query;
  }

  private void terminated(StreamExecution q) {
    synchronized (lock) {
      active.remove(q.id(), q);
      lastTerminated = q;
      lock.notifyAll();
    }
  }

  /** Stops every active query (the session is stopping). */
  public void stopAll() {
    List<StreamExecution> all;
    synchronized (lock) {
      all = new ArrayList<>(active.values());
    }
    for (StreamExecution q : all) q.stop();
  }
}
