package io.sluice.connector;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds data sources and sinks by short name among the providers on the class path. */
public final class DataSourceRegistry {
  private static volatile Map<String, DataSourceProvider> providers;

  private DataSourceRegistry() {}

  private static Map<String, DataSourceProvider> providers() {
    Map<String, DataSourceProvider> p = providers;
    if (p == null) {
      p = new TreeMap<>();
      for (DataSourceProvider d : ServiceLoader.load(DataSourceProvider.class)) {
        p.put(d.shortName().toLowerCase(Locale.ROOT), d);
      }
      providers = p;
    }
    return p;
  }

  /** The provider for {@code format}, or an error listing the known formats. */
  public static DataSourceProvider find(String format) {
    DataSourceProvider d = providers().get(format.toLowerCase(Locale.ROOT));
    if (d == null) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.INVALID_OPTION_VALUE,
          SluiceException.params(
              "value",
              format,
              "option",
              "format",
              "reason",
              "no data source of that name is on the class path; known: "
                  + String.join(", ", providers().keySet())));
    }
    return d;
  }

  /** The batch-readable source {@code format}. */
  public static BatchSourceProvider findBatchSource(String format) {
    return find(format, BatchSourceProvider.class, "batch reads (read())");
  }

  /** The streaming source {@code format}. */
  public static StreamSourceProvider findStreamSource(String format) {
    return find(format, StreamSourceProvider.class, "streaming reads (readStream())");
  }

  /** The batch-writable destination {@code format}. */
  public static BatchSinkProvider findBatchSink(String format) {
    return find(format, BatchSinkProvider.class, "batch writes (write())");
  }

  /** The streaming sink {@code format}. */
  public static StreamSinkProvider findStreamSink(String format) {
    return find(format, StreamSinkProvider.class, "streaming writes (writeStream())");
  }

  private static <T extends DataSourceProvider> T find(
      String format, Class<T> capability, String operation) {
    DataSourceProvider d = find(format);
    if (capability.isInstance(d)) return capability.cast(d);
    List<String> able = new ArrayList<>();
    for (Map.Entry<String, DataSourceProvider> e : providers().entrySet()) {
      if (capability.isInstance(e.getValue())) able.add(e.getKey());
    }
    throw new SluiceIllegalArgumentException(
        ErrorClass.UNSUPPORTED_DATA_SOURCE_OPERATION,
        SluiceException.params(
            "format", format, "operation", operation, "supported", String.join(", ", able)));
  }
}
