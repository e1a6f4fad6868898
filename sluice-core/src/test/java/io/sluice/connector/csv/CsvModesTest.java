package io.sluice.connector.csv;

import static io.sluice.connector.csv.CsvTestSupport.readAll;
import static io.sluice.connector.csv.CsvTestSupport.row;
import static io.sluice.connector.csv.CsvTestSupport.scan;
import static io.sluice.connector.csv.CsvTestSupport.schema;
import static io.sluice.connector.csv.CsvTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.error.SluiceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed records in each mode, the corrupt-record column, column pruning's effect on what is
 * malformed, and the header check of {@code enforceSchema}.
 */
class CsvModesTest {
  private static final String DDL = "id INT, name STRING, score DOUBLE";
  private static final String WITH_CORRUPT = DDL + ", _corrupt_record STRING";

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeFile() throws IOException {
    file =
        write(
            dir,
            "people.csv",
            "1,ann,1.5",
            "2,bob", // too few values
            "3,cid,2.5,extra", // too many values
            "x,dan,3.5", // a value that does not convert
            "5,eve,4.5",
            "six,fay", // too few, and a value that does not convert
            "7,gus,5.5");
  }

  @Test
  void permissiveKeepsWhatConvertedAndTheRawRecord() {
    assertThat(readAll(scan(file, schema(WITH_CORRUPT))))
        .containsExactly(
            row(1, "ann", 1.5, null),
            row(2, "bob", null, "2,bob"),
            row(3, "cid", 2.5, "3,cid,2.5,extra"),
            row(null, "dan", 3.5, "x,dan,3.5"),
            row(5, "eve", 4.5, null),
            row(null, null, null, "six,fay"), // wrong count and a bad value: all null
            row(7, "gus", 5.5, null));
  }

  @Test
  void permissiveWithoutTheCorruptColumnReadingEveryColumn() {
    assertThat(readAll(scan(file, schema(DDL))))
        .containsExactly(
            row(1, "ann", 1.5),
            row(2, "bob", null),
            row(3, "cid", 2.5),
            row(null, "dan", 3.5),
            row(5, "eve", 4.5),
            row(null, null, null),
            row(7, "gus", 5.5));
  }

  @Test
  void dropMalformedDropsThem() {
    assertThat(readAll(scan(file, schema(WITH_CORRUPT), "mode", "DROPMALFORMED")))
        .containsExactly(
            row(1, "ann", 1.5, null), row(5, "eve", 4.5, null), row(7, "gus", 5.5, null));
    assertThat(readAll(scan(file, schema(DDL), "mode", "dropmalformed")))
        .containsExactly(row(1, "ann", 1.5), row(5, "eve", 4.5), row(7, "gus", 5.5));
  }

  @Test
  void dropMalformedSkipsBatchesOfOnlyMalformedRecords() throws IOException {
    Path f = write(dir, "bad.csv", "x", "y", "z", "1", "w");
    BatchScan s = scan(f, schema("i INT"), "mode", "DROPMALFORMED");
    assertThat(readAll(s, s.schema(), 2)).containsExactly(row(1));
  }

  @Test
  void failFastNamesTheRecordAndTheFile() throws IOException {
    BatchScan s = scan(file, schema(DDL), "mode", "FAILFAST");
    assertThatThrownBy(() -> readAll(s))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass())
                  .isEqualTo("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
              assertThat(e.getMessageParameters())
                  .containsEntry("badRecord", "2,bob")
                  .containsEntry("path", file.toUri().toString().replace("file:///", "file:/"));
            });
    Path ok = dir.resolve("ok.csv");
    assertThat(readAll(scan(write(dir, "ok.csv", "1,a,2"), schema(DDL), "mode", "FAILFAST")))
        .containsExactly(row(1, "a", 2.0));
    assertThat(ok).exists();
  }

  @Test
  void withColumnPruningOnlyReadValuesMakeARecordMalformed() {
    BatchScan s = scan(file, schema(DDL), "mode", "DROPMALFORMED");
    // reading only `name`: the counts of values do not matter, and every name converts
    assertThat(readAll(s, schema("name STRING"), 100))
        .containsExactly(
            row("ann"), row("bob"), row("cid"), row("dan"), row("eve"), row("fay"), row("gus"));
    // reading `id` too: "x" and "six" do not convert
    assertThat(readAll(s, schema("name STRING, id INT"), 100))
        .containsExactly(row("ann", 1), row("bob", 2), row("cid", 3), row("eve", 5), row("gus", 7));
    // reading no column (count): every record is a row
    assertThat(readAll(s, new io.sluice.types.StructType(), 100)).hasSize(7);
  }

  @Test
  void withoutColumnPruningTheCountsMatterWhateverIsRead() {
    SQLConf conf = CsvTestSupport.conf();
    conf.set(SQLConf.CSV_PARSER_COLUMN_PRUNING, false);
    BatchScan s =
        CsvTestSupport.scan(List.of(file.toString()), schema(DDL), conf, "mode", "DROPMALFORMED");
    assertThat(readAll(s, schema("name STRING"), 100))
        .containsExactly(row("ann"), row("dan"), row("eve"), row("gus"));
  }

  @Test
  void theCorruptColumnCannotBeReadAlone() {
    BatchScan s = scan(file, schema(WITH_CORRUPT));
    assertThatThrownBy(() -> readAll(s, schema("_corrupt_record STRING"), 100))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getErrorClass())
                    .isEqualTo("UNSUPPORTED_FEATURE.QUERY_ONLY_CORRUPT_RECORD_COLUMN"));
    // with another column, records are checked whole: counts matter, unread values do not
    assertThat(readAll(s, schema("name STRING, _corrupt_record STRING"), 100))
        .containsExactly(
            row("ann", null),
            row("bob", "2,bob"),
            row("cid", "3,cid,2.5,extra"),
            row("dan", null),
            row("eve", null),
            row("fay", "six,fay"),
            row("gus", null));
  }

  @Test
  void aCustomCorruptColumnName() {
    BatchScan s = scan(file, schema(DDL + ", bad STRING"), "columnNameOfCorruptRecord", "bad");
    assertThat(readAll(s, schema("id INT, bad STRING"), 100))
        .containsExactly(
            row(1, null),
            row(2, "2,bob"),
            row(3, "3,cid,2.5,extra"),
            row(null, "x,dan,3.5"),
            row(5, null),
            row(null, "six,fay"),
            row(7, null));
  }

  @Test
  void enforceSchemaAppliesTheSchemaByPositionAndWarnsOnHeaderMismatch() throws IOException {
    Path f = write(dir, "h.csv", "name,id", "ann,1");
    assertThat(readAll(scan(f, schema("a STRING, b INT"), "header", "true")))
        .containsExactly(row("ann", 1));
  }

  @Test
  void withoutEnforceSchemaAHeaderMismatchFailsTheRead() throws IOException {
    Path f = write(dir, "h.csv", "name,id", "ann,1");
    assertThatThrownBy(
            () ->
                readAll(
                    scan(
                        f,
                        schema("id INT, name STRING"),
                        "header",
                        "true",
                        "enforceSchema",
                        "false")))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("FAILED_READ_FILE.NO_HINT");
              assertThat(e.getCause())
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("CSV header does not conform to the schema")
                  .hasMessageContaining("Expected: id but found: name")
                  .hasMessageContaining("h.csv");
            });
    assertThatThrownBy(
            () ->
                readAll(scan(f, schema("name STRING"), "header", "true", "enforceSchema", "false")))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e ->
                assertThat(e.getCause())
                    .hasMessageContaining(
                        "Number of column in CSV header is not equal to number of fields in the schema"));
    // names match ignoring case (the session is not case-sensitive)
    assertThat(
            readAll(
                scan(f, schema("NAME STRING, Id INT"), "header", "true", "enforceSchema", "false")))
        .containsExactly(row("ann", 1));
  }
}
