package io.sluice.connector.socket;

import io.sluice.connector.BatchScan;
import io.sluice.connector.LongOffset;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.streaming.runtime.Clock;
import io.sluice.types.StructType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a {@code socket} source. A reader thread appends each line it receives to a
 * buffer; line offsets count from -1 (nothing read) as Spark's, and a committed batch's lines are
 * dropped from the buffer.
 *
 * <p>The offsets of a connection start where the query's checkpoint left off: the first offset the
 * engine passes in (the committed end when restoring, or the start of the first batch) fixes the
 * number of the connection's first line. A batch that was logged but not committed before a restart
 * cannot be read again: its lines came from the old connection, so it is empty, and the new
 * connection's lines are numbered after it.
 */
final class SocketStream implements MicroBatchStream {
  private static final Logger LOG = LoggerFactory.getLogger(SocketStream.class);

  /** A line and when it arrived, in microseconds since the epoch. */
  record Line(String value, long timestampMicros) {}

  private final SocketSourceProvider.Settings settings;
  private final StructType schema;
  private final int numPartitions;
  private final Clock clock;
  private final Socket socket;
  private final Thread reader;
  private volatile boolean stopped;

  // guarded by this: the lines after lastCommitted, in order
  private final List<Line> lines = new ArrayList<>();
  private boolean numbered;
  private long lastCommitted = -1;

  SocketStream(
      SocketSourceProvider.Settings settings, StructType schema, int numPartitions, Clock clock) {
    this.settings = settings;
    this.schema = schema;
    this.numPartitions = numPartitions;
    this.clock = clock;
    try {
      this.socket = new Socket(settings.host(), settings.port());
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.STREAMING_SOURCE_CONNECTION_FAILED,
          SluiceException.params(
              "format",
              SocketSourceProvider.NAME,
              "address",
              settings.host() + ":" + settings.port(),
              "reason",
              String.valueOf(e)),
          e);
    }
    this.reader = new Thread(this::readLines, "socket source reader for " + address());
    reader.setDaemon(true);
    reader.start();
  }

  private String address() {
    return settings.host() + ":" + settings.port();
  }

  private void readLines() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Line l = new Line(line, Math.multiplyExact(clock.millis(), 1000L));
        synchronized (this) {
          lines.add(l);
        }
      }
      LOG.warn("Stream closed by {}", address());
    } catch (IOException e) {
      if (!stopped) LOG.warn("Reading from {} failed; no more lines will arrive", address(), e);
    }
  }

  /** Spark's text for plans and progress. */
  @Override
  public String description() {
    return "TextSocketV2[host: " + settings.host() + ", port: " + settings.port() + "]";
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Offset initialOffset() {
    return new LongOffset(-1);
  }

  /** The first offset the engine passes fixes where this connection's numbering starts. */
  private void numberFrom(long offset) {
    if (!numbered) {
      lastCommitted = offset;
      numbered = true;
    }
  }

  @Override
  public synchronized Offset latestOffset(Offset start, ReadLimit limit) {
    numberFrom(((LongOffset) start).value());
    return new LongOffset(lastCommitted + lines.size());
  }

  @Override
  public synchronized BatchScan planBatch(Offset start, Offset end) {
    long from = ((LongOffset) start).value();
    long to = ((LongOffset) end).value();
    numberFrom(to);
    int first = (int) Math.max(0, from - lastCommitted);
    int last = (int) Math.min(lines.size(), Math.max(0, to - lastCommitted));
    if (to - from > last - first) {
      LOG.warn(
          "The socket source cannot replay lines {} to {} of an earlier connection; they are"
              + " lost (the socket source is not fault-tolerant)",
          from + 1,
          to);
    }
    List<Line> slice = first >= last ? List.of() : List.copyOf(lines.subList(first, last));
    return new SocketScan(description(), schema, slice, slice.isEmpty() ? 0 : numPartitions);
  }

  @Override
  public synchronized void commit(Offset end) {
    long to = ((LongOffset) end).value();
    numberFrom(to);
    if (to <= lastCommitted) return;
    long n = to - lastCommitted;
    if (n >= lines.size()) {
      lines.clear();
    } else {
      lines.subList(0, (int) n).clear();
    }
    lastCommitted = to;
  }

  @Override
  public Offset deserializeOffset(String json) {
    return LongOffset.parse(json, "the socket source");
  }

  @Override
  public void stop() {
    stopped = true;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.warn("Closing the connection to {} failed", address(), e);
    }
    try {
      reader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
