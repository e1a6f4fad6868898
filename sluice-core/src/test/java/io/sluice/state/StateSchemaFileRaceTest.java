package io.sluice.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateSchemaFileRaceTest {
  @Test
  void partitionsOfOneOperatorMayRecordTheSchemaAtOnce(@TempDir Path dir) throws Exception {
    int partitions = 4;
    ExecutorService pool = Executors.newFixedThreadPool(partitions);
    try {
      for (int round = 0; round < 30; round++) {
        Path root = dir.resolve("r" + round);
        CyclicBarrier start = new CyclicBarrier(partitions);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
          StateStoreId id = new StateStoreId(root, 0, p, StateStoreId.DEFAULT_NAME);
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    StateSchemaFile.checkOrWrite(id, "k STRING", "n BIGINT");
                    return null;
                  }));
        }
        for (Future<?> f : done) f.get(); // a lost rename failed here with NoSuchFileException
        assertThat(Files.readString(root.resolve("0/_metadata/schema")))
            .isEqualTo("v1\nk STRING\nn BIGINT\n");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
