package io.sluice.state;

/**
 * Creates and keeps the versions of one store ({@link StateStoreId}). The engine keeps one provider
 * per store for the life of a query run, so a provider may hold the latest version in memory
 * between batches. Thread-safety: {@link #getStore} and {@link #doMaintenance} may be called from
 * different threads; a store returned by {@code getStore} is used by one thread.
 *
 * <p>Implementations need a public no-argument constructor; the engine calls {@link #init} once.
 */
public interface StateStoreProvider extends AutoCloseable {
  /** Prepares the provider for {@code id}, whose entries are rows of the given schemas (DDL). */
  void init(StateStoreId id, String keySchema, String valueSchema, StateStoreConf conf);

  /**
   * The store at {@code version} (0: empty), open for updates. Fails with an error naming the
   * missing or corrupt file when that version cannot be loaded.
   */
  StateStore getStore(long version);

  /** Background work: snapshots, deleting versions no longer needed. */
  void doMaintenance();

  @Override
  void close();
}
