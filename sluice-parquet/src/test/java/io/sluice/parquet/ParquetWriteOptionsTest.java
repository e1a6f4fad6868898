package io.sluice.parquet;

import static io.sluice.parquet.ParquetReadTest.rows;
import static io.sluice.testing.QueryTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.streaming.OutputMode;
import io.sluice.testing.StreamTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet write options the other tests leave aside ({@code parquet.enable.dictionary}, {@code
 * parquet.page.size}, the {@code parquet.compression} spelling), the byte target of file writes on
 * Parquet, and a stream reading partitioned Parquet directories.
 */
class ParquetWriteOptionsTest {
  private static Session session;
  private static Duck duck;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    session = ParquetReadTest.sessionForTests();
    duck = new Duck();
  }

  @AfterAll
  static void stop() {
    session.stop();
    duck.close();
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** A few distinct strings repeated: a column parquet-java dictionary-encodes by default. */
  private DataFrame repetitive() {
    return session.range(20000).coalesce(1).selectExpr("id", "concat('v', id % 5) AS s");
  }

  @Test
  void theDictionaryOptionTurnsDictionaryPagesOff() throws IOException {
    Path on = tmp.resolve("dict-on");
    Path off = tmp.resolve("dict-off");
    repetitive().write().parquet(on.toString());
    repetitive().write().option("parquet.enable.dictionary", "false").parquet(off.toString());
    String dictionaryPages =
        "SELECT count(dictionary_page_offset) FROM parquet_metadata('%s/*.parquet')"
            + " WHERE path_in_schema = 's'";
    assertThat(duck.rows(dictionaryPages.formatted(on))).containsExactly("1");
    assertThat(duck.rows(dictionaryPages.formatted(off))).containsExactly("0");
    assertThat(rows(session.read().parquet(off.toString()).selectExpr("count(DISTINCT s)")))
        .containsExactly("[5]");
  }

  @Test
  void thePageSizeOptionCutsColumnChunksIntoMorePages() throws IOException {
    Path big = tmp.resolve("pages-big");
    Path small = tmp.resolve("pages-small");
    DataFrame df = session.range(50000).coalesce(1).selectExpr("id");
    df.write().parquet(big.toString());
    df.write().option("parquet.page.size", "4k").parquet(small.toString());
    assertThat(pagesOfFirstColumn(small)).isGreaterThan(pagesOfFirstColumn(big) * 4);
    assertThat(rows(session.read().parquet(small.toString()).selectExpr("sum(id)")))
        .containsExactly("[1249975000]");
  }

  /** The data pages of the first column chunk of the one file under {@code dir} (offset index). */
  private static int pagesOfFirstColumn(Path dir) throws IOException {
    List<Path> files = parquetFiles(dir);
    assertThat(files).hasSize(1);
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(files.get(0)))) {
      int pages = 0;
      for (BlockMetaData block : r.getFooter().getBlocks()) {
        pages += r.readOffsetIndex(block.getColumns().get(0)).getPageCount();
      }
      return pages;
    }
  }

  @Test
  void theParquetCompressionSpellingIsAcceptedAndCompressionWins() throws IOException {
    Path alias = tmp.resolve("alias");
    Path both = tmp.resolve("both");
    session.range(10).write().option("parquet.compression", "gzip").parquet(alias.toString());
    session
        .range(10)
        .write()
        .option("parquet.compression", "gzip")
        .option("compression", "zstd")
        .parquet(both.toString());
    assertThat(parquetFiles(alias)).allMatch(p -> p.toString().endsWith(".gz.parquet"));
    assertThat(parquetFiles(both)).allMatch(p -> p.toString().endsWith(".zstd.parquet"));
    assertThat(
            duck.rows(
                "SELECT DISTINCT compression FROM parquet_metadata('" + alias + "/*.parquet')"))
        .containsExactly("GZIP");
  }

  /**
   * The byte target ends a Parquet file once it reaches the target, as for the text formats: a
   * task's rows go into several files, each read back whole.
   */
  @Test
  void theByteTargetSplitsParquetFilesToo() throws IOException {
    Path out = tmp.resolve("bytes");
    session
        .range(200000)
        .coalesce(1)
        .selectExpr("id", "sha2(CAST(id AS STRING), 256) AS h")
        .write()
        .option("maxBytesPerFile", "1m")
        .parquet(out.toString());
    List<Path> files = parquetFiles(out);
    assertThat(files).hasSizeGreaterThan(1);
    // checked every 1,024 rows against the row group's size before encoding: never far above
    for (Path f : files) assertThat(Files.size(f)).as(f.toString()).isLessThan(1_200_000);
    assertThat(duck.rows("SELECT count(*), sum(id) FROM read_parquet('" + out + "/*.parquet')"))
        .containsExactly("200000|19999900000");
  }

  /**
   * As in Spark, the partition columns of a file stream are those the directory shows when the
   * stream is defined; files in new directories of the same column later bring their values.
   */
  @Test
  void aStreamReadsPartitionedParquetDirectoriesWithTheirColumns() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    duckPartitioned(dir, "SELECT i AS id, i % 2 AS p FROM range(4) t(i)", "a");
    DataFrame df =
        session.readStream().schema("id BIGINT, p INT").format("parquet").load(dir.toString());
    StreamTest.of(df, OutputMode.Append())
        .checkAnswer(row(0L, 0), row(1L, 1), row(2L, 0), row(3L, 1))
        .execute(q -> duckPartitioned(dir, "SELECT 7::BIGINT AS id, 5 AS p", "b"))
        .checkNewAnswer(row(7L, 5))
        .run();
  }

  /** DuckDB writes {@code select} into {@code p=<value>} directories under {@code dir}. */
  private static void duckPartitioned(Path dir, String select, String prefix) {
    duck.execute(
        "COPY ("
            + select
            + ") TO '"
            + dir
            + "' (FORMAT parquet, PARTITION_BY (p), OVERWRITE_OR_IGNORE,"
            + " FILENAME_PATTERN '"
            + prefix
            + "_{i}')");
  }
}
