package io.sluice.connector.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.SourceContext;
import io.sluice.error.SluiceException;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code format("text")}: a value per line or per file. */
class TextReadTest {
  @TempDir Path dir;

  static BatchScan scan(List<String> paths, StructType schema, String... options) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < options.length; i += 2) o.put(options[i], options[i + 1]);
    SQLConf conf = new SQLConf(2);
    return new TextDataSourceProvider().createBatchScan(paths, o, schema, new SourceContext(conf));
  }

  static List<List<Object>> readAll(BatchScan scan, StructType readSchema, int batchSize) {
    List<List<Object>> rows = new ArrayList<>();
    for (int p = 0; p < scan.numPartitions(); p++) {
      try (BatchIterator it = scan.read(p, readSchema, batchSize)) {
        ColumnBatch b;
        while ((b = it.next()) != null) {
          for (int r = 0; r < b.numRows(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < b.numColumns(); c++) row.add(b.column(c).getObject(r));
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  private List<Object> values(String content, String... options) throws IOException {
    Path f = dir.resolve("t.txt");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    BatchScan s = scan(List.of(f.toString()), null, options);
    List<Object> out = new ArrayList<>();
    for (List<Object> r : readAll(s, s.schema(), 4096)) out.add(r.get(0));
    return out;
  }

  @Test
  void oneValuePerLineKeepingEmptyLines() throws IOException {
    assertThat(values("a\n\nb c\r\nd\re\n")).containsExactly("a", "", "b c", "d", "e");
    assertThat(values("no newline at the end")).containsExactly("no newline at the end");
    assertThat(values("\uFEFFé\n")).containsExactly("é");
    assertThat(values("")).isEmpty();
  }

  @Test
  void theSchemaIsOneStringColumnNamedValue() {
    assertThat(scan(List.of(dir.toString()), null).schema().toDDL()).isEqualTo("value STRING");
  }

  @Test
  void customLineSeparator() throws IOException {
    assertThat(values("a,b\nc,,", "lineSep", ",")).containsExactly("a", "b\nc", "");
    assertThat(values("a--b--", "lineSep", "--")).containsExactly("a", "b");
  }

  @Test
  void wholeTextReadsEachFileAsOneValue() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "line 1\nline 2\n");
    Files.writeString(dir.resolve("b.txt"), "x");
    BatchScan s =
        scan(List.of(dir.toString()), null, "wholetext", "true", "maxPartitionBytes", "3");
    assertThat(readAll(s, s.schema(), 10))
        .extracting(r -> r.get(0))
        .containsExactlyInAnyOrder("line 1\nline 2\n", "x");
  }

  @Test
  void gzipFiles() throws IOException {
    Path f = dir.resolve("t.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("x\ny\n".getBytes(StandardCharsets.UTF_8));
    }
    BatchScan s = scan(List.of(f.toString()), null);
    assertThat(readAll(s, s.schema(), 10)).containsExactly(List.of("x"), List.of("y"));
  }

  @Test
  void partitionColumnsFollowTheValue() throws IOException {
    Files.createDirectories(dir.resolve("p=1"));
    Files.createDirectories(dir.resolve("p=2"));
    Files.writeString(dir.resolve("p=1/a.txt"), "a\nb\n");
    Files.writeString(dir.resolve("p=2/c.txt"), "c\n");
    BatchScan s = scan(List.of(dir.toString()), null);
    assertThat(s.schema().toDDL()).isEqualTo("value STRING,p INT");
    assertThat(readAll(s, s.schema(), 10))
        .containsExactlyInAnyOrder(
            Arrays.asList("a", 1), Arrays.asList("b", 1), Arrays.asList("c", 2));
    // counting reads no value, only lines
    assertThat(readAll(s, new StructType(), 2)).hasSize(3);
    assertThat(readAll(s, StructType.fromDDL("p INT"), 2))
        .extracting(r -> r.get(0))
        .containsExactlyInAnyOrder(1, 1, 2);
  }

  @Test
  void aUserSchemaMustBeOneStringColumn() {
    assertThat(scan(List.of(dir.toString()), StructType.fromDDL("line STRING")).schema().toDDL())
        .isEqualTo("line STRING");
    assertThatThrownBy(() -> scan(List.of(dir.toString()), StructType.fromDDL("a STRING, b INT")))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("_LEGACY_ERROR_TEMP_1290");
              assertThat(e.getMessageParameters()).containsEntry("numCols", "2");
            });
    assertThatThrownBy(() -> scan(List.of(dir.toString()), StructType.fromDDL("a INT")))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE"));
  }

  private static Path bigFile;
  private static List<String> bigLines;

  private static synchronized Path bigFile() throws IOException {
    if (bigFile == null) {
      Random rnd = new Random(3);
      StringBuilder sb = new StringBuilder();
      bigLines = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        String v = i + "x".repeat(rnd.nextInt(30));
        bigLines.add(v);
        sb.append(v).append(rnd.nextInt(8) == 0 ? "\r\n" : "\n");
      }
      bigFile = Files.createTempFile("text-split", ".txt");
      bigFile.toFile().deleteOnExit();
      Files.writeString(bigFile, sb.toString());
    }
    return bigFile;
  }

  @Property(tries = 20)
  void everyLineExactlyOnceWhateverTheSplits(
      @ForAll @IntRange(min = 20, max = 10_000) int splitBytes,
      @ForAll @IntRange(min = 1, max = 500) int batchSize)
      throws IOException {
    BatchScan s =
        scan(
            List.of(bigFile().toString()),
            null,
            "maxPartitionBytes",
            String.valueOf(splitBytes),
            "openCostInBytes",
            "1");
    List<String> got = new ArrayList<>();
    for (List<Object> r : readAll(s, s.schema(), batchSize)) got.add((String) r.get(0));
    Comparator<String> byNumber =
        Comparator.comparingInt(v -> Integer.parseInt(v.replace("x", "")));
    got.sort(byNumber);
    assertThat(got).isEqualTo(bigLines);
  }
}
