package io.sluice.fn;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.input_file_block_length;
import static io.sluice.functions.input_file_block_start;
import static io.sluice.functions.input_file_name;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code input_file_name()}, {@code input_file_block_start()} and {@code input_file_block_length()}
 * over real files read by the JSON, CSV and text sources, through the whole engine.
 */
class InputFileFunctionsTest {
  @TempDir Path dir;
  private Session session;

  @BeforeEach
  void start() {
    session = Session.builder().master("local[2]").create();
    // every file of a directory into one partition, in small batches: a batch must still not
    // mix the rows of two files
    session.conf().set("spark.sql.files.openCostInBytes", "0");
    session.conf().set("sluice.sql.execution.batchSize", "4");
  }

  @AfterEach
  void stop() {
    session.stop();
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String lines(String prefix, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(prefix).append(i).append('\n');
    return sb.toString();
  }

  private static String uri(Path p) {
    return "file://" + p.toAbsolutePath();
  }

  /** value column → input file of every row. */
  private static Map<String, String> fileOfEachValue(DataFrame df) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : df.collectAsList()) out.put(String.valueOf(r.get(0)), r.getString(1));
    return out;
  }

  @Test
  void textRowsKnowTheirFileAcrossBatchBoundaries() throws IOException {
    Path a = write("a.txt", lines("a", 7));
    Path b = write("b.txt", lines("b", 5));
    DataFrame df = session.read().text(dir.toString()).select(col("value"), input_file_name());
    assertThat(df.columns()).containsExactly("value", "input_file_name()");
    assertThat(df.schema().fields()[1].dataType()).isEqualTo(DataTypes.StringType);
    assertThat(df.schema().fields()[1].nullable()).isFalse();
    Map<String, String> files = fileOfEachValue(df);
    assertThat(files).hasSize(12);
    files.forEach((value, file) -> assertThat(file).isEqualTo(uri(value.startsWith("a") ? a : b)));
    assertThat(uri(a)).startsWith("file:///");
  }

  @Test
  void jsonLinesAndMultiLineReportTheirFile() throws IOException {
    Path a = write("j/a.json", "{\"v\":\"a1\"}\n{\"v\":\"a2\"}\n{\"v\":\"a3\"}\n");
    Path b = write("j/b.json", "{\"v\":\"b1\"}\n{\"v\":\"b2\"}\n");
    Map<String, String> files =
        fileOfEachValue(
            session.read().json(dir.resolve("j").toString()).select(col("v"), input_file_name()));
    assertThat(files)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("a1", uri(a), "a2", uri(a), "a3", uri(a), "b1", uri(b), "b2", uri(b)));

    Path c = write("m/c.json", "[{\"v\":\"c1\"},\n{\"v\":\"c2\"}]");
    Path d = write("m/d.json", "{\"v\":\n\"d1\"}");
    files =
        fileOfEachValue(
            session
                .read()
                .option("multiLine", "true")
                .json(dir.resolve("m").toString())
                .select(col("v"), input_file_name()));
    assertThat(files)
        .containsExactlyInAnyOrderEntriesOf(Map.of("c1", uri(c), "c2", uri(c), "d1", uri(d)));
  }

  @Test
  void csvWithHeaderAndDroppedRowsReportsTheirFile() throws IOException {
    Path a = write("c/a.csv", "k,n\nx1,1\nx2,oops\nx3,3\n");
    Path b = write("c/b.csv", "k,n\ny1,1\n");
    DataFrame df =
        session
            .read()
            .option("header", "true")
            .option("mode", "DROPMALFORMED")
            .schema("k STRING, n INT")
            .csv(dir.resolve("c").toString())
            .select(col("k"), input_file_name(), col("n"));
    assertThat(fileOfEachValue(df))
        .containsExactlyInAnyOrderEntriesOf(Map.of("x1", uri(a), "x3", uri(a), "y1", uri(b)));
  }

  @Test
  void blockStartAndLengthAreTheSplitsByteRange() throws IOException {
    Path a = write("a.txt", lines("a", 100)); // 100 lines, 390 bytes
    long size = Files.size(a);
    session.conf().set("spark.sql.files.maxPartitionBytes", "100");
    DataFrame df =
        session
            .read()
            .text(a.toString())
            .select(input_file_name(), input_file_block_start(), input_file_block_length());
    assertThat(df.columns())
        .containsExactly(
            "input_file_name()", "input_file_block_start()", "input_file_block_length()");
    assertThat(df.schema().fields()[1].dataType()).isEqualTo(DataTypes.LongType);
    List<Row> rows = df.collectAsList();
    assertThat(rows).hasSize(100);
    TreeMap<Long, Long> blocks = new TreeMap<>();
    for (Row r : rows) {
      assertThat(r.getString(0)).isEqualTo(uri(a));
      blocks.put(r.getLong(1), r.getLong(2));
    }
    assertThat(blocks).containsEntry(0L, 100L).containsEntry(100L, 100L).containsEntry(300L, 90L);
    assertThat(blocks.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(size);
  }

  @Test
  void aWholeTextOrCompressedFileIsOneBlock() throws IOException {
    Path a = write("w/a.txt", "one\ntwo\n");
    Path gz = dir.resolve("w/b.txt.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("three\nfour\n".getBytes(StandardCharsets.UTF_8));
    }
    List<Row> rows =
        session
            .read()
            .text(dir.resolve("w").toString())
            .select(
                col("value"),
                input_file_name(),
                input_file_block_start(),
                input_file_block_length())
            .collectAsList();
    List<String> seen = new ArrayList<>();
    for (Row r : rows) {
      Path p = r.getString(0).length() <= 3 ? a : gz;
      assertThat(r.getString(1)).isEqualTo(uri(p));
      assertThat(r.getLong(2)).isZero();
      assertThat(r.getLong(3)).isEqualTo(Files.size(p));
      seen.add(r.getString(0));
    }
    assertThat(seen).containsExactlyInAnyOrder("one", "two", "three", "four");

    rows =
        session
            .read()
            .option("wholetext", "true")
            .text(dir.resolve("w").toString())
            .select(col("value"), input_file_name())
            .collectAsList();
    assertThat(rows).hasSize(2);
    for (Row r : rows) {
      assertThat(r.getString(1)).isEqualTo(uri(r.getString(0).startsWith("one") ? a : gz));
    }
  }

  @Test
  void pathsArePercentEncodedUris() throws IOException {
    Path a = write("with space/ä.txt", "x\n");
    List<Row> rows = session.read().text(a.toString()).select(input_file_name()).collectAsList();
    assertThat(rows.get(0).getString(0)).isEqualTo(a.toUri().toString()).contains("with%20space");
  }

  @Test
  void groupingByTheFileNameCountsRowsPerFile() throws IOException {
    Path a = write("a.txt", lines("a", 9));
    Path b = write("b.txt", lines("b", 3));
    DataFrame df =
        session.read().text(dir.toString()).groupBy(input_file_name().as("f")).agg(count("*"));
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : df.collectAsList()) counts.put(r.getString(0), r.getLong(1));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(uri(a), 9L, uri(b), 3L));
  }

  @Test
  void afterAnExchangeAndForOtherInputsThereIsNoFile() throws IOException {
    write("a.txt", lines("a", 3));
    DataFrame grouped =
        session
            .read()
            .text(dir.toString())
            .groupBy(col("value"))
            .count()
            .select(input_file_name(), input_file_block_start(), input_file_block_length());
    for (Row r : grouped.collectAsList()) {
      assertThat(r.getString(0)).isEmpty();
      assertThat(r.getLong(1)).isEqualTo(-1L);
      assertThat(r.getLong(2)).isEqualTo(-1L);
    }
    List<Row> range =
        session
            .range(3)
            .select(input_file_name(), input_file_block_start(), input_file_block_length())
            .collectAsList();
    assertThat(range).hasSize(3);
    for (Row r : range) {
      assertThat(r.getString(0)).isEmpty();
      assertThat(r.getLong(1)).isEqualTo(-1L);
    }
  }

  @Test
  void sqlNamesTheFunctions() throws IOException {
    session.conf().set("spark.sql.files.openCostInBytes", "4194304"); // one split for the file
    Path a = write("a.txt", "x\n");
    session.read().text(a.toString()).createOrReplaceTempView("t");
    Row r =
        session
            .sql(
                "SELECT input_file_name(), input_file_block_start(), input_file_block_length()"
                    + " FROM t")
            .collectAsList()
            .get(0);
    assertThat(r.getString(0)).isEqualTo(uri(a));
    assertThat(r.getLong(1)).isZero();
    assertThat(r.getLong(2)).isEqualTo(2L);
  }

  @Test
  void aJoinOfTwoFileSourcesCannotTellWhichFile() throws IOException {
    write("l/a.txt", "x\n");
    write("r/b.txt", "x\n");
    DataFrame l = session.read().text(dir.resolve("l").toString());
    DataFrame r = session.read().text(dir.resolve("r").toString()).withColumnRenamed("value", "v");
    SluiceException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> l.join(r, col("value").equalTo(col("v"))).select(input_file_name()),
            SluiceException.class);
    assertThat(e.getErrorClass()).isEqualTo("MULTI_SOURCES_UNSUPPORTED_FOR_EXPRESSION");
    assertThat(e.getMessageParameters()).containsEntry("expr", "\"input_file_name()\"");
    // below the join each side still knows its file, and a union counts as one source
    List<Row> rows =
        l.select(col("value"), input_file_name().as("f"))
            .join(r, col("value").equalTo(col("v")))
            .collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(1)).endsWith("/l/a.txt");
    assertThat(l.union(r).select(input_file_name()).collectAsList()).hasSize(2);
  }
}
