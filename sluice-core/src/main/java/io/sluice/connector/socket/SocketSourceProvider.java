package io.sluice.connector.socket;

import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.connector.StreamingOptions;
import io.sluice.types.DataTypes;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code format("socket")}: reads UTF-8 lines from a TCP server into {@code value STRING}, plus
 * {@code timestamp TIMESTAMP} (when the line arrived, by the query's clock) with {@code
 * includeTimestamp}, as Spark's socket source. Options {@code host} and {@code port} are required.
 *
 * <p>For tests and demos only: like Spark's, this source is not fault-tolerant. Lines live only in
 * memory until their batch commits, and a restarted query opens a new connection: the lines of a
 * batch that was logged but not committed before the stop are lost, and lines the server sent to
 * the old connection are not read again.
 */
public final class SocketSourceProvider implements StreamSourceProvider {
  private static final Logger LOG = LoggerFactory.getLogger(SocketSourceProvider.class);
  static final String NAME = "socket";

  /** The source's options, checked. */
  record Settings(String host, int port, boolean includeTimestamp) {}

  @Override
  public String shortName() {
    return NAME;
  }

  @Override
  public StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    StreamingOptions o = StreamingOptions.ofSource(NAME, options);
    Settings s = settings(o);
    return o.fixedSchema(userSchema, schema(s.includeTimestamp()));
  }

  @Override
  public MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    Settings s = settings(StreamingOptions.ofSource(NAME, options));
    LOG.warn(
        "The socket source should not be used for production applications! It does not support"
            + " recovery.");
    return new SocketStream(s, schema, Math.max(1, ctx.conf().workerThreads()), ctx.clock());
  }

  static StructType schema(boolean includeTimestamp) {
    StructField value = new StructField("value", DataTypes.StringType, true);
    return includeTimestamp
        ? new StructType(
            new StructField[] {value, new StructField("timestamp", DataTypes.TimestampType, true)})
        : new StructType(new StructField[] {value});
  }

  static Settings settings(StreamingOptions o) {
    String host = o.require("host", "set a host to read from with option(\"host\", ...)");
    String portText = o.require("port", "set a port to read from with option(\"port\", ...)");
    int port = o.getInt("port", 0);
    if (port < 0 || port > 65535) {
      throw o.invalid("port", portText, "it must be a TCP port number from 0 to 65535");
    }
    return new Settings(host, port, o.getBoolean("includeTimestamp", false));
  }
}
