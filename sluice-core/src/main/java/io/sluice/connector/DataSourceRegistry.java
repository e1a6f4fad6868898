package io.sluice.connector;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds data sources by short name among the providers on the class path. */
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
}
