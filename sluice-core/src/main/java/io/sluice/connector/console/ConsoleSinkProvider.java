package io.sluice.connector.console;

import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.connector.StreamSinkProvider;
import io.sluice.connector.StreamingOptions;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code format("console")}: prints every micro-batch's rows to standard output, as Spark's console
 * sink: a {@code Batch: N} header between dashed lines, then the table {@code show()} prints.
 * Options {@code numRows} (default 20) and {@code truncate} (default true: cells cut to 20
 * characters). Any output mode; a temporary checkpoint is allowed, as the sink keeps nothing.
 *
 * <p>Tests capture the output with {@link #redirectOutput}: sinks created on the calling thread
 * while the redirect is open (that is, queries started there) print to the given stream.
 */
public final class ConsoleSinkProvider implements StreamSinkProvider {
  private static final ThreadLocal<PrintStream> REDIRECT = new ThreadLocal<>();

  @Override
  public String shortName() {
    return "console";
  }

  @Override
  public boolean allowsTemporaryCheckpoint() {
    return true;
  }

  @Override
  public StreamSink createSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx) {
    StreamingOptions o = StreamingOptions.ofSink("console", options);
    int numRows = o.getInt("numRows", 20);
    boolean truncate = o.getBoolean("truncate", true);
    PrintStream out = REDIRECT.get();
    return new ConsoleSink(
        numRows, truncate, ZoneId.of(ctx.conf().sessionTimeZone()), out == null ? System.out : out);
  }

  /**
   * Sends the output of console sinks created on this thread to {@code out} until the returned
   * handle is closed: {@code try (var r = redirectOutput(ps)) { q = ...format("console").start();
   * }}. Queries started inside keep printing to {@code out} after the handle is closed.
   */
  public static Redirect redirectOutput(PrintStream out) {
    PrintStream previous = REDIRECT.get();
    REDIRECT.set(out);
    return () -> {
      if (previous == null) {
        REDIRECT.remove();
      } else {
        REDIRECT.set(previous);
      }
    };
  }

  /** Ends a {@link #redirectOutput} scope. */
  @FunctionalInterface
  public interface Redirect extends AutoCloseable {
    @Override
    void close();
  }
}
