package io.sluice.connector.csv;

import static io.sluice.connector.csv.CsvTestSupport.readAll;
import static io.sluice.connector.csv.CsvTestSupport.scan;
import static io.sluice.connector.csv.CsvTestSupport.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.BatchScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Splitting CSV files at any byte size reads every record exactly once. */
class CsvSplittingPropertyTest {
  private static Path dir;
  private static Path file;
  private static Path semicolons;
  private static List<List<Object>> expected;

  @BeforeContainer
  static void writeFiles() throws IOException {
    dir = Files.createTempDirectory("csv-split");
    file = dir.resolve("big.csv");
    semicolons = dir.resolve("semi.csv");
    Random rnd = new Random(11);
    StringBuilder sb = new StringBuilder("id,text,x\r\n");
    StringBuilder semi = new StringBuilder("id;text;x||");
    expected = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String pad = "y".repeat(rnd.nextInt(40));
      String sep = rnd.nextInt(10) == 0 ? "\r\n" : rnd.nextInt(20) == 0 ? "\r" : "\n";
      if (rnd.nextInt(50) == 0) sb.append(sep); // blank lines
      boolean quoted = rnd.nextBoolean();
      String text = quoted ? "\"" + pad + ",é\\\"\"" : pad + "é";
      sb.append(i).append(',').append(text).append(',').append(i % 7).append(sep);
      semi.append(i)
          .append(';')
          .append(quoted ? "\"" + pad + ";é\\\"\"" : pad + "é")
          .append(';')
          .append(i % 7)
          .append("||");
      expected.add(List.of(i, quoted ? pad + ",é\"" : pad + "é", i % 7));
    }
    Files.writeString(file, sb.toString());
    Files.writeString(semicolons, semi.toString());
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(semicolons);
    Files.deleteIfExists(dir);
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparingInt(r -> (Integer) r.get(0)));
    return out;
  }

  @Property(tries = 25)
  void everyRecordExactlyOnce(
      @ForAll @IntRange(min = 50, max = 20_000) int splitBytes,
      @ForAll @IntRange(min = 1, max = 700) int batchSize) {
    BatchScan s =
        scan(
            file,
            schema("id INT, text STRING, x INT"),
            "header",
            "true",
            "maxPartitionBytes",
            String.valueOf(splitBytes),
            "openCostInBytes",
            "1");
    assertThat(sorted(readAll(s, s.schema(), batchSize))).isEqualTo(expected);
  }

  @Property(tries = 10)
  void everyRecordExactlyOnceWithAMultiByteLineSeparator(
      @ForAll @IntRange(min = 50, max = 20_000) int splitBytes) {
    BatchScan s =
        scan(
            semicolons,
            schema("id INT, text STRING, x INT"),
            "header",
            "true",
            "sep",
            ";",
            "lineSep",
            "||",
            "maxPartitionBytes",
            String.valueOf(splitBytes),
            "openCostInBytes",
            "1");
    List<List<Object>> semiExpected = new ArrayList<>();
    for (List<Object> r : expected) {
      semiExpected.add(List.of(r.get(0), ((String) r.get(1)).replace(',', ';'), r.get(2)));
    }
    assertThat(sorted(readAll(s, s.schema(), 500))).isEqualTo(semiExpected);
  }

  @Property(tries = 10)
  void prunedReadsSeeTheSameRecords(@ForAll @IntRange(min = 50, max = 20_000) int splitBytes) {
    BatchScan s =
        scan(
            file,
            schema("id INT, text STRING, x INT"),
            "header",
            "true",
            "maxPartitionBytes",
            String.valueOf(splitBytes),
            "openCostInBytes",
            "1");
    List<List<Object>> ids = readAll(s, schema("x INT, id INT"), 256);
    assertThat(ids).hasSize(expected.size());
    List<List<Object>> swapped = new ArrayList<>();
    for (List<Object> r : ids) swapped.add(List.of(r.get(1), r.get(0)));
    List<List<Object>> want = new ArrayList<>();
    for (List<Object> r : expected) want.add(List.of(r.get(0), r.get(2)));
    assertThat(sorted(swapped)).isEqualTo(want);
    assertThat(readAll(s, new io.sluice.types.StructType(), 100)).hasSize(expected.size());
  }
}
