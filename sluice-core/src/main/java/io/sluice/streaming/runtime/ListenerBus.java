package io.sluice.streaming.runtime;

import io.sluice.streaming.StreamingQueryListener;
import io.sluice.streaming.StreamingQueryListener.Event;
import io.sluice.streaming.StreamingQueryListener.QueryIdleEvent;
import io.sluice.streaming.StreamingQueryListener.QueryProgressEvent;
import io.sluice.streaming.StreamingQueryListener.QueryStartedEvent;
import io.sluice.streaming.StreamingQueryListener.QueryTerminatedEvent;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers query events to a session's listeners: {@link #postSync} on the caller's thread (query
 * started), {@link #post} in order on one daemon thread, so listeners never slow a query. A
 * listener that throws is logged and keeps receiving events.
 */
public final class ListenerBus {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);

  private final CopyOnWriteArrayList<StreamingQueryListener> listeners =
      new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final Object idle = new Object();
  private int pending;
  private Thread thread;

  public void add(StreamingQueryListener l) {
    listeners.add(l);
  }

  public void remove(StreamingQueryListener l) {
    listeners.remove(l);
  }

  /** Delivers on the calling thread. */
  public void postSync(Event e) {
    for (StreamingQueryListener l : listeners) deliver(l, e);
  }

  /** Queues for delivery on the bus thread. */
  public void post(Event e) {
    if (listeners.isEmpty()) return;
    synchronized (idle) {
      pending++;
      if (thread == null) {
        thread = new Thread(this::run, "sluice-streaming-listener-bus");
        thread.setDaemon(true);
        thread.start();
      }
    }
    queue.add(e);
  }

  /** Waits until every queued event has been delivered (for tests), at most {@code timeoutMs}. */
  public boolean waitUntilEmpty(long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    synchronized (idle) {
      while (pending > 0) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) return false;
        idle.wait(left);
      }
    }
    return true;
  }

  private void run() {
    while (true) {
      Event e;
      try {
        e = queue.take();
      } catch (InterruptedException ex) {
        return;
      }
      for (StreamingQueryListener l : listeners) deliver(l, e);
      synchronized (idle) {
        pending--;
        idle.notifyAll();
      }
    }
  }

  private static void deliver(StreamingQueryListener l, Event e) {
    try {
      if (e instanceof QueryStartedEvent s) {
        l.onQueryStarted(s);
      } else if (e instanceof QueryProgressEvent p) {
        l.onQueryProgress(p);
      } else if (e instanceof QueryIdleEvent i) {
        l.onQueryIdle(i);
      } else if (e instanceof QueryTerminatedEvent t) {
        l.onQueryTerminated(t);
      }
    } catch (RuntimeException ex) {
      LOG.warn("Streaming query listener {} failed on {}", l, e, ex);
    }
  }
}
