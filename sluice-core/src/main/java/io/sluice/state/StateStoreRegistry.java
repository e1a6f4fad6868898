package io.sluice.state;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The state stores of one run of a streaming query: one provider per store, created on first use
 * (after checking the store's schemas against the checkpoint) and kept until the query stops, so
 * providers and the operators' in-memory structures attached to them survive from batch to batch.
 */
public final class StateStoreRegistry implements AutoCloseable {
  private final Path root;
  private final StateStoreConf conf;
  private final String providerClass;
  private final ConcurrentHashMap<StateStoreId, StateStoreProvider> providers =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<StateStoreId, Object> attachments = new ConcurrentHashMap<>();

  public StateStoreRegistry(Path root, StateStoreConf conf, String providerClass) {
    this.root = root;
    this.conf = conf;
    this.providerClass = providerClass;
  }

  /** The directory holding every store of the query ({@code <checkpoint>/state}). */
  public Path root() {
    return root;
  }

  /** The provider of store {@code (operatorId, partition, name)}, created on first use. */
  public StateStoreProvider provider(
      long operatorId, int partition, String name, String keySchema, String valueSchema) {
    StateStoreId id = new StateStoreId(root, operatorId, partition, name);
    return providers.computeIfAbsent(
        id,
        k -> {
          StateSchemaFile.checkOrWrite(k, keySchema, valueSchema);
          StateStoreProvider p = StateStoreProviders.create(providerClass);
          p.init(k, keySchema, valueSchema, conf);
          return p;
        });
  }

  /**
   * An object an operator keeps with a store between batches (its in-memory index of the state),
   * created by {@code create} on first use.
   */
  @SuppressWarnings("unchecked")
  public <T> T attachment(long operatorId, int partition, String name, Supplier<T> create) {
    StateStoreId id = new StateStoreId(root, operatorId, partition, name);
    return (T) attachments.computeIfAbsent(id, k -> create.get());
  }

  /** Runs every provider's maintenance (snapshots, cleanup). */
  public void maintain() {
    for (StateStoreProvider p : new ArrayList<>(providers.values())) p.doMaintenance();
  }

  @Override
  public void close() {
    List<StateStoreProvider> all = new ArrayList<>(providers.values());
    providers.clear();
    attachments.clear();
    for (StateStoreProvider p : all) p.close();
  }
}
