package io.sluice.connector.json;

import static io.sluice.connector.json.JsonTestSupport.readAll;
import static io.sluice.connector.json.JsonTestSupport.scan;
import static io.sluice.connector.json.JsonTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.BatchScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Splitting a JSON-lines file at any byte size reads every record exactly once. */
class JsonSplittingPropertyTest {
  private static Path dir;
  private static Path file;
  private static List<List<Object>> expected;

  @BeforeContainer
  static void writeFile() throws IOException {
    dir = Files.createTempDirectory("json-split");
    file = dir.resolve("big.json");
    Random rnd = new Random(7);
    StringBuilder sb = new StringBuilder();
    expected = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String pad = "x".repeat(rnd.nextInt(40));
      String sep = rnd.nextInt(10) == 0 ? "\r\n" : "\n";
      if (rnd.nextInt(50) == 0) sb.append(sep); // blank lines
      sb.append("{\"id\": ").append(i).append(", \"s\": \"").append(pad).append("é\"}").append(sep);
      expected.add(List.of(i, pad + "é"));
    }
    Files.writeString(file, sb.toString());
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @net.jqwik.api.Example
  void partitionsCanBeReadFromSeveralThreadsAtOnce() throws Exception {
    BatchScan scan =
        scan(file, schema("id INT, s STRING"), "maxPartitionBytes", "4096", "openCostInBytes", "1");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<List<Object>>>> parts = new ArrayList<>();
      for (int p = 0; p < scan.numPartitions(); p++) {
        int partition = p;
        parts.add(
            pool.submit(
                () -> {
                  List<List<Object>> rows = new ArrayList<>();
                  try (var it = scan.read(partition, scan.schema(), 100)) {
                    io.sluice.exec.vector.ColumnBatch b;
                    while ((b = it.next()) != null) {
                      for (int r = 0; r < b.numRows(); r++) {
                        rows.add(List.of(b.column(0).getObject(r), b.column(1).getObject(r)));
                      }
                    }
                  }
                  return rows;
                }));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (var f : parts) rows.addAll(f.get());
      rows.sort((a, b) -> Integer.compare((Integer) a.get(0), (Integer) b.get(0)));
      assertThat(scan.numPartitions()).isGreaterThan(10);
      assertThat(rows).isEqualTo(expected);
    } finally {
      pool.shutdown();
    }
  }

  @Property(tries = 30)
  void everyRecordExactlyOnce(
      @ForAll @IntRange(min = 300, max = 20_000) int maxPartitionBytes,
      @ForAll @IntRange(min = 1, max = 700) int batchSize) {
    BatchScan scan =
        scan(
            file,
            schema("id INT, s STRING"),
            "maxPartitionBytes",
            String.valueOf(maxPartitionBytes),
            "openCostInBytes",
            "1");
    List<List<Object>> rows = readAll(scan, scan.schema(), batchSize);
    rows.sort((a, b) -> Integer.compare((Integer) a.get(0), (Integer) b.get(0)));
    assertThat(rows).isEqualTo(expected);
    assertThat(scan.numPartitions())
        .isGreaterThanOrEqualTo(
            (int) Math.min(20, Math.max(1, file.toFile().length() / maxPartitionBytes / 2)));
  }
}
