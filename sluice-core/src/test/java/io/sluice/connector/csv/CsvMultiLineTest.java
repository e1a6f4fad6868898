package io.sluice.connector.csv;

import static io.sluice.connector.csv.CsvTestSupport.read;
import static io.sluice.connector.csv.CsvTestSupport.readAll;
import static io.sluice.connector.csv.CsvTestSupport.row;
import static io.sluice.connector.csv.CsvTestSupport.scan;
import static io.sluice.connector.csv.CsvTestSupport.schema;
import static io.sluice.connector.csv.CsvTestSupport.writeRaw;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connector.BatchScan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code multiLine}: quoted values spanning lines; such files are read whole. */
class CsvMultiLineTest {
  @TempDir Path dir;

  @Test
  void quotedValuesSpanLines() throws IOException {
    String content = "id,text\n1,\"first\nsecond\"\n2,\"a \"\"q\"\"\r\nb\"\r\n3,plain\n";
    assertThat(
            read(
                dir,
                content,
                "id INT, text STRING",
                "multiLine",
                "true",
                "header",
                "true",
                "escape",
                "\""))
        .containsExactly(row(1, "first\nsecond"), row(2, "a \"q\"\r\nb"), row(3, "plain"));
  }

  @Test
  void withoutMultiLineAQuotedLineBreakSplitsTheRecord() throws IOException {
    assertThat(read(dir, "1,\"a\nb\"\n", "id INT, text STRING, _corrupt_record STRING"))
        .containsExactly(row(1, "a", null), row(null, null, "b\""));
  }

  @Test
  void malformedMultiLineRecordsKeepTheirRawText() throws IOException {
    String content = "1,\"x\ny\",extra\n2,ok\n";
    assertThat(
            read(dir, content, "id INT, text STRING, _corrupt_record STRING", "multiLine", "true"))
        .containsExactly(row(1, "x\ny", "1,\"x\ny\",extra"), row(2, "ok", null));
    assertThat(
            read(dir, content, "id INT, text STRING", "multiLine", "true", "mode", "DROPMALFORMED"))
        .containsExactly(row(2, "ok"));
  }

  @Test
  void emptyAndCommentLinesBetweenRecordsAreSkipped() throws IOException {
    assertThat(
            read(
                dir,
                "\n#note\n1,\"#not a comment\n\"\n\n2,b",
                "id INT, text STRING",
                "multiLine",
                "true",
                "comment",
                "#"))
        .containsExactly(row(1, "#not a comment\n"), row(2, "b"));
  }

  @Test
  void customLineSeparator() throws IOException {
    assertThat(
            read(
                dir,
                "1,\"a;b\";2,c\nd;",
                "id INT, text STRING",
                "multiLine",
                "true",
                "lineSep",
                ";"))
        .containsExactly(row(1, "a;b"), row(2, "c\nd"));
  }

  @Test
  void recordsLongerThanTheBufferAndManyRecords() throws IOException {
    StringBuilder sb = new StringBuilder("id,text\n");
    List<List<Object>> expected = new ArrayList<>();
    String big = "x\n".repeat(600_000); // longer than the first buffer (1 MiB)
    for (int i = 0; i < 5000; i++) {
      String v = i == 2500 ? big : "v" + i + "\nw";
      sb.append(i).append(",\"").append(v).append("\"\n");
      expected.add(row(i, v));
    }
    Path f = writeRaw(dir, "big.csv", sb.toString());
    BatchScan s =
        scan(
            f,
            schema("id INT, text STRING"),
            "multiLine",
            "true",
            "header",
            "true",
            "maxPartitionBytes",
            "4096");
    assertThat(s.numPartitions()).isEqualTo(1);
    assertThat(readAll(s, s.schema(), 333)).isEqualTo(expected);
  }

  @Test
  void inferenceReadsRecordsWhole() throws IOException {
    Path f = writeRaw(dir, "x.csv", "\"a\nb\",c\n1,\"2\n3\"\n4,5\n");
    BatchScan s = scan(f, null, "multiLine", "true", "header", "true", "inferSchema", "true");
    assertThat(s.schema().toDDL()).isEqualTo("`a\nb` INT,c STRING");
    assertThat(readAll(s)).containsExactly(row(1, "2\n3"), row(4, "5"));
  }
}
