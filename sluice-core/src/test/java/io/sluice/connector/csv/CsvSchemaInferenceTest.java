package io.sluice.connector.csv;

import static io.sluice.connector.csv.CsvTestSupport.readAll;
import static io.sluice.connector.csv.CsvTestSupport.row;
import static io.sluice.connector.csv.CsvTestSupport.scan;
import static io.sluice.connector.csv.CsvTestSupport.write;
import static io.sluice.connector.csv.CsvTestSupport.writeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.error.SluiceException;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's CSV schema inference: column names, per-column types, options that shape them. */
class CsvSchemaInferenceTest {
  @TempDir Path dir;

  private StructType infer(String content, String... options) throws IOException {
    Path f = writeRaw(dir, "data.csv", content);
    return scan(f, null, options).schema();
  }

  private StructType inferTypes(String content, String... options) throws IOException {
    String[] all = new String[options.length + 2];
    all[0] = "inferSchema";
    all[1] = "true";
    System.arraycopy(options, 0, all, 2, options.length);
    return infer(content, all);
  }

  private static String ddl(StructType s) {
    return s.toDDL();
  }

  @Test
  void withoutInferSchemaEveryColumnIsAStringNamedByPosition() throws IOException {
    assertThat(ddl(infer("1,2.5,x\n3,4,y\n"))).isEqualTo("_c0 STRING,_c1 STRING,_c2 STRING");
  }

  @Test
  void theHeaderNamesTheColumns() throws IOException {
    assertThat(ddl(infer("id,name\n1,x\n", "header", "true"))).isEqualTo("id STRING,name STRING");
  }

  @Test
  void emptyAndDuplicateHeaderNamesAreMadeUnique() throws IOException {
    assertThat(infer("a,,b,A,b,\"\"\n", "header", "true").fieldNames())
        .containsExactly("a0", "_c1", "b2", "A3", "b4", "_c5");
    SQLConf caseSensitive = CsvTestSupport.conf();
    caseSensitive.set(SQLConf.CASE_SENSITIVE, true);
    Path f = writeRaw(dir, "cs.csv", "a,A,NA\n");
    assertThat(
            CsvTestSupport.scan(
                    List.of(f.toString()), null, caseSensitive, "header", "true", "nullValue", "NA")
                .schema()
                .fieldNames())
        .containsExactly("a", "A", "_c2");
  }

  @Test
  void numbersWidenFromIntToDouble() throws IOException {
    assertThat(ddl(inferTypes("1,1,1,1,1\n2,3000000000,99999999999999999999,1.5,x\n")))
        .isEqualTo("_c0 INT,_c1 BIGINT,_c2 DECIMAL(20,0),_c3 DOUBLE,_c4 STRING");
    assertThat(ddl(inferTypes("99999999999999999999\n1.5\n"))).isEqualTo("_c0 DOUBLE");
    assertThat(ddl(inferTypes("1e5,NaN,Inf,-Inf,1d\n")))
        .isEqualTo("_c0 DOUBLE,_c1 DOUBLE,_c2 DOUBLE,_c3 DOUBLE,_c4 DOUBLE");
    assertThat(ddl(inferTypes("123456789012345678901234567890123456789\n")))
        .isEqualTo("_c0 DOUBLE");
  }

  @Test
  void datesTimestampsAndBooleans() throws IOException {
    assertThat(
            ddl(
                inferTypes(
                    "2024-01-02,2024-01-02 03:04:05,2024-01-02T03:04:05Z,true,2024-1-2\n"
                        + "2024-12-31,2024-12-31,2024-12-31 00:00:00,FALSE,2024-1-3\n")))
        .isEqualTo("_c0 DATE,_c1 TIMESTAMP,_c2 TIMESTAMP,_c3 BOOLEAN,_c4 TIMESTAMP");
    // a date after a timestamp widens to the timestamp; the other way round, to a string
    assertThat(ddl(inferTypes("2024-01-02 03:04:05\n2024-01-02\n"))).isEqualTo("_c0 TIMESTAMP");
    assertThat(ddl(inferTypes("2024-01-02\n2024-01-02 03:04:05\n"))).isEqualTo("_c0 STRING");
    assertThat(ddl(inferTypes("true\n1\n"))).isEqualTo("_c0 STRING");
    assertThat(ddl(inferTypes("1\ntrue\n"))).isEqualTo("_c0 STRING");
  }

  @Test
  void preferDateOffInfersTimestamps() throws IOException {
    assertThat(ddl(inferTypes("2024-01-02\n", "preferDate", "false"))).isEqualTo("_c0 TIMESTAMP");
  }

  @Test
  void formatsGuideInference() throws IOException {
    assertThat(
            ddl(
                inferTypes(
                    "02/01/2024,02/01/2024 10:00\n",
                    "dateFormat",
                    "dd/MM/yyyy",
                    "timestampFormat",
                    "dd/MM/yyyy HH:mm")))
        .isEqualTo("_c0 DATE,_c1 TIMESTAMP");
    // with a timestampFormat, lenient texts without a zone still count (Spark's NTZ check)
    assertThat(
            ddl(
                inferTypes(
                    "2024-01-02 10:00,2024-01-02T10:00:00Z\n",
                    "timestampFormat",
                    "dd/MM/yyyy HH:mm")))
        .isEqualTo("_c0 TIMESTAMP,_c1 STRING");
  }

  @Test
  void nullAndEmptyValuesDoNotCount() throws IOException {
    assertThat(ddl(inferTypes("1,,\"\",NA\n,,,2\n", "nullValue", "NA")))
        .isEqualTo("_c0 INT,_c1 STRING,_c2 STRING,_c3 INT");
  }

  @Test
  void theFirstRecordFixesTheColumnCount() throws IOException {
    assertThat(ddl(inferTypes("1,2\n3\n4,5,6\n"))).isEqualTo("_c0 INT,_c1 INT");
  }

  @Test
  void headerLinesAreLeftOutOfTheTypes() throws IOException {
    write(dir, "in/a.csv", "n,x", "1,2");
    write(dir, "in/b.csv", "n,x", "3,4.5");
    BatchScan s =
        scan(List.of(dir.resolve("in").toString()), null, "header", "true", "inferSchema", "true");
    assertThat(ddl(s.schema())).isEqualTo("n INT,x DOUBLE");
    assertThat(readAll(s)).containsExactlyInAnyOrder(row(1, 2.0), row(3, 4.5));
  }

  @Test
  void commentsAndBlankLinesAreSkipped() throws IOException {
    assertThat(ddl(inferTypes("# c,d\n\n1,a\n", "comment", "#"))).isEqualTo("_c0 INT,_c1 STRING");
  }

  @Test
  void samplingRatioReadsSomeRecords() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) sb.append(i).append('\n');
    sb.append("x\n");
    // every record counts with ratio 1; with a small ratio the one string is likely missed
    assertThat(ddl(inferTypes(sb.toString()))).isEqualTo("_c0 STRING");
    assertThat(ddl(inferTypes(sb.toString(), "samplingRatio", "0.01"))).isEqualTo("_c0 INT");
    assertThatThrownBy(() -> inferTypes("1\n", "samplingRatio", "0"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getMessageParameters()).containsEntry("option", "samplingRatio"));
  }

  @Test
  void noFilesCannotBeInferredAndEmptyFilesGiveNoColumns() throws IOException {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    assertThatThrownBy(() -> scan(empty, null))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> {
              assertThat(e.getErrorClass()).isEqualTo("UNABLE_TO_INFER_SCHEMA");
              assertThat(e.getMessageParameters()).containsEntry("format", "CSV");
            });
    assertThat(infer("\n\n").length()).isZero();
  }

  @Test
  void partitionColumnsFollowTheDataColumns() throws IOException {
    write(dir, "t/day=1/a.csv", "x", "1");
    write(dir, "t/day=2/b.csv", "x", "2");
    BatchScan s =
        scan(List.of(dir.resolve("t").toString()), null, "header", "true", "inferSchema", "true");
    assertThat(ddl(s.schema())).isEqualTo("x INT,day INT");
    assertThat(readAll(s)).containsExactlyInAnyOrder(row(1, 1), row(2, 2));
  }
}
