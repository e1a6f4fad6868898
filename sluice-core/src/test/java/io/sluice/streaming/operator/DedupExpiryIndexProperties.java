package io.sluice.streaming.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.InMemoryStateStoreProvider;
import io.sluice.state.StateCursor;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreConf;
import io.sluice.state.StateStoreId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever keys and expiries the batches store, and whether the index is rebuilt from the store
 * between batches, eviction removes exactly the keys a scan of the whole store would.
 */
class DedupExpiryIndexProperties {

  record Batch(List<Integer> keys, List<Integer> expiries, int bound, boolean rebuild) {}

  @Provide
  Arbitrary<List<Batch>> batches() {
    Arbitrary<Batch> batch =
        Combinators.combine(
                Arbitraries.integers().between(0, 60).list().ofMaxSize(30),
                Arbitraries.integers().between(0, 100).list().ofSize(30),
                Arbitraries.integers().between(-5, 100),
                Arbitraries.integers().between(0, 4).map(i -> i == 0))
            .as(Batch::new);
    return batch.list().ofMaxSize(12);
  }

  @Property(tries = 40)
  void evictsWhatAFullScanWould(@ForAll("batches") List<Batch> batches) throws IOException {
    Path root = Files.createTempDirectory("dedup-index");
    InMemoryStateStoreProvider p = new InMemoryStateStoreProvider();
    p.init(
        new StateStoreId(root, 0, 0, StateStoreId.DEFAULT_NAME),
        "k INT",
        "e BIGINT",
        new StateStoreConf(3, 4, "none"));
    DedupExpiryIndex index = new DedupExpiryIndex();
    Map<Integer, Long> model = new HashMap<>();
    long version = 0;
    for (Batch b : batches) {
      StateStore store = p.getStore(version);
      if (b.rebuild() || index.version != version) index.restore(store);
      index.startBatch();
      for (int i = 0; i < b.keys().size(); i++) {
        int k = b.keys().get(i);
        long e = b.expiries().get(i);
        byte[] value = new byte[8];
        DedupExpiryIndex.LONG.set(value, 0, e);
        if (store.putIfAbsent(new byte[] {(byte) k}, value) == null)
          index.add(new byte[] {(byte) k}, e);
        model.putIfAbsent(k, e);
      }
      long expected = model.values().stream().filter(e -> e <= b.bound()).count();
      model.values().removeIf(e -> e <= b.bound());
      assertThat(index.evict(b.bound(), store)).isEqualTo(expected);
      version = store.commit();
      index.version = version;
      Map<Integer, Long> actual = new HashMap<>();
      StateCursor c = store.iterator();
      while (c.next()) actual.put((int) c.key()[0], (long) DedupExpiryIndex.LONG.get(c.value(), 0));
      assertThat(actual).isEqualTo(model);
    }
    p.close();
  }
}
