package io.sluice.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryStateStoreProviderTest {
  @TempDir Path root;

  private InMemoryStateStoreProvider provider(String codec, int deltasForSnapshot, int retain) {
    InMemoryStateStoreProvider p = new InMemoryStateStoreProvider();
    p.init(
        new StateStoreId(root, 0, 3, StateStoreId.DEFAULT_NAME),
        "k STRING",
        "v STRING",
        new StateStoreConf(deltasForSnapshot, retain, codec));
    return p;
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> contents(StateStore s) {
    Map<String, String> m = new TreeMap<>();
    StateCursor c = s.iterator();
    while (c.next()) {
      m.put(
          new String(c.key(), StandardCharsets.UTF_8),
          new String(c.value(), StandardCharsets.UTF_8));
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"lz4", "zstd", "none"})
  void committedVersionsReloadFromFilesWithEveryCodec(String codec) {
    try (InMemoryStateStoreProvider p = provider(codec, 10, 100)) {
      StateStore s0 = p.getStore(0);
      s0.put(b("a"), b("1"));
      s0.put(b("b"), b("2"));
      assertThat(s0.commit()).isEqualTo(1);
      StateStore s1 = p.getStore(1);
      s1.remove(b("a"));
      s1.put(b("c"), b("3"));
      s1.commit();
    }
    try (InMemoryStateStoreProvider fresh = provider(codec, 10, 100)) {
      assertThat(contents(fresh.getStore(1)))
          .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
      assertThat(contents(fresh.getStore(2)))
          .containsExactly(Map.entry("b", "2"), Map.entry("c", "3"));
      assertThat(fresh.getStore(0).numKeys()).isZero();
    }
  }

  @Test
  void abortRollsBackTheBatch() {
    try (InMemoryStateStoreProvider p = provider("lz4", 10, 100)) {
      StateStore s = p.getStore(0);
      s.put(b("a"), b("1"));
      s.commit();
      StateStore t = p.getStore(1);
      t.put(b("a"), b("changed"));
      t.put(b("new"), b("x"));
      t.remove(b("a"));
      t.abort();
      assertThat(contents(p.getStore(1))).containsExactly(Map.entry("a", "1"));
    }
  }

  @Test
  void maintenanceWritesSnapshotsAndDeletesWhatNoRetainedVersionNeeds() throws IOException {
    try (InMemoryStateStoreProvider p = provider("lz4", 3, 2)) {
      for (int v = 0; v < 10; v++) {
        StateStore s = p.getStore(v);
        s.put(b("k" + v), b("v" + v));
        s.commit();
        p.doMaintenance();
      }
    }
    Path dir = root.resolve("0/3");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .contains("9.snapshot", "10.delta")
          .doesNotContain("1.delta", "3.snapshot");
    }
    try (InMemoryStateStoreProvider fresh = provider("lz4", 3, 2)) {
      assertThat(fresh.getStore(10).numKeys()).isEqualTo(10);
      assertThat(fresh.getStore(9).numKeys()).isEqualTo(9);
    }
  }

  @Test
  void aMissingOrCorruptFileIsAnErrorNamingIt() throws IOException {
    try (InMemoryStateStoreProvider p = provider("lz4", 10, 100)) {
      StateStore s = p.getStore(0);
      s.put(b("a"), b("1"));
      s.commit();
      p.getStore(1).commit();
    }
    Files.writeString(root.resolve("0/3/2.delta"), "garbage");
    try (InMemoryStateStoreProvider fresh = provider("lz4", 10, 100)) {
      assertThatThrownBy(() -> fresh.getStore(2))
          .isInstanceOf(SluiceException.class)
          .hasMessageContaining("CHECKPOINT_FILE_CORRUPT")
          .hasMessageContaining("0/3/2.delta");
      assertThatThrownBy(() -> fresh.getStore(5))
          .hasMessageContaining("CANNOT_LOAD_STATE_STORE")
          .hasMessageContaining("3.delta");
    }
  }

  @Test
  void schemaChangesAreDetectedOnRestart() {
    StateStoreId id = new StateStoreId(root, 7, 0, StateStoreId.DEFAULT_NAME);
    StateSchemaFile.checkOrWrite(id, "user STRING", "count BIGINT");
    StateSchemaFile.checkOrWrite(id, "u STRING", "n BIGINT"); // names may change
    assertThatThrownBy(() -> StateSchemaFile.checkOrWrite(id, "user STRING", "count INT"))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE")
        .hasMessageContaining("count BIGINT")
        .hasMessageContaining("count INT");
    assertThatThrownBy(() -> StateSchemaFile.checkOrWrite(id, "user INT", "count BIGINT"))
        .hasMessageContaining("STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE");
  }

  @Test
  void sparkProviderNamesAreAliases() {
    assertThat(
            StateStoreProviders.create(
                "org.apache.spark.sql.execution.streaming.state.HDFSBackedStateStoreProvider"))
        .isInstanceOf(InMemoryStateStoreProvider.class);
    assertThatThrownBy(() -> StateStoreProviders.create("rocksdb"))
        .hasMessageContaining("sluice-rocksdb");
  }
}
