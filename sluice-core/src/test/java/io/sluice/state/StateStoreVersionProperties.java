package io.sluice.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever sequence of batches (puts, removes, commits or aborts, maintenance) a store sees, every
 * retained version loads from its files with exactly the entries a plain map would hold.
 */
class StateStoreVersionProperties {

  record Op(int key, int value, boolean remove) {}

  record Batch(List<Op> ops, boolean abort, boolean maintain) {}

  @Provide
  Arbitrary<List<Batch>> batches() {
    Arbitrary<Op> op =
        net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 3).map(i -> i == 0))
            .as(Op::new);
    Arbitrary<Batch> batch =
        net.jqwik.api.Combinators.combine(
                op.list().ofMaxSize(12),
                Arbitraries.integers().between(0, 5).map(i -> i == 0),
                Arbitraries.of(true, false))
            .as(Batch::new);
    return batch.list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 60)
  void everyRetainedVersionLoadsAsTheModel(@ForAll("batches") List<Batch> batches)
      throws IOException {
    Path root = Files.createTempDirectory("state-prop");
    StateStoreConf conf = new StateStoreConf(3, 4, "lz4");
    StateStoreId id = new StateStoreId(root, 1, 0, StateStoreId.DEFAULT_NAME);
    List<Map<String, String>> versions = new ArrayList<>();
    versions.add(Map.of());
    InMemoryStateStoreProvider p = new InMemoryStateStoreProvider();
    p.init(id, "k INT", "v INT", conf);
    for (Batch b : batches) {
      long v = versions.size() - 1;
      StateStore s = p.getStore(v);
      Map<String, String> model = new HashMap<>(versions.get((int) v));
      for (Op o : b.ops()) {
        byte[] k = ("k" + o.key()).getBytes(StandardCharsets.UTF_8);
        if (o.remove()) {
          s.remove(k);
          model.remove("k" + o.key());
        } else {
          s.put(k, ("v" + o.value()).getBytes(StandardCharsets.UTF_8));
          model.put("k" + o.key(), "v" + o.value());
        }
      }
      if (b.abort()) {
        s.abort();
      } else {
        s.commit();
        versions.add(model);
      }
      if (b.maintain()) p.doMaintenance();
    }
    p.close();
    long latest = versions.size() - 1;
    for (long v = Math.max(0, latest - 3); v <= latest; v++) {
      InMemoryStateStoreProvider fresh = new InMemoryStateStoreProvider();
      fresh.init(id, "k INT", "v INT", conf);
      assertThat(InMemoryStateStoreProviderTest.contents(fresh.getStore(v)))
          .as("version %d", v)
          .isEqualTo(new java.util.TreeMap<>(versions.get((int) v)));
      fresh.close();
    }
  }
}
