package io.sluice.state;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.util.Map;

/**
 * Creates state store providers from {@code sluice.sql.streaming.stateStore.providerClass}, where
 * Spark's provider class names are aliases of Sluice's.
 */
public final class StateStoreProviders {
  private static final Map<String, String> ALIASES =
      Map.of(
          "org.apache.spark.sql.execution.streaming.state.HDFSBackedStateStoreProvider",
          InMemoryStateStoreProvider.class.getName(),
          "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider",
          "io.sluice.rocksdb.RocksDBStateStoreProvider",
          "hdfs",
          InMemoryStateStoreProvider.class.getName(),
          "rocksdb",
          "io.sluice.rocksdb.RocksDBStateStoreProvider");

  private StateStoreProviders() {}

  /** The Sluice class a configured name stands for. */
  public static String resolve(String className) {
    return ALIASES.getOrDefault(className, className);
  }

  /** A new, uninitialized provider of the configured class. */
  public static StateStoreProvider create(String className) {
    String resolved = resolve(className);
    try {
      Class<?> c = Class.forName(resolved);
      if (!StateStoreProvider.class.isAssignableFrom(c)) {
        throw invalid(className, "it does not implement " + StateStoreProvider.class.getName());
      }
      return (StateStoreProvider) c.getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw invalid(
          className,
          "no such class on the class path"
              + (resolved.startsWith("io.sluice.rocksdb")
                  ? " (add the sluice-rocksdb module)"
                  : ""));
    } catch (ReflectiveOperationException e) {
      throw invalid(className, "it cannot be created with a public no-argument constructor: " + e);
    }
  }

  private static SluiceIllegalArgumentException invalid(String className, String reason) {
    return new SluiceIllegalArgumentException(
        ErrorClass.INVALID_OPTION_VALUE,
        SluiceException.params(
            "value",
            className,
            "option",
            "sluice.sql.streaming.stateStore.providerClass",
            "reason",
            reason));
  }
}
