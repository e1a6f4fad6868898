package io.sluice.connector.json;

import static io.sluice.connector.json.JsonTestSupport.readAll;
import static io.sluice.connector.json.JsonTestSupport.row;
import static io.sluice.connector.json.JsonTestSupport.scan;
import static io.sluice.connector.json.JsonTestSupport.schema;
import static io.sluice.connector.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.connector.BatchScan;
import io.sluice.error.SluiceException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonMultiLineAndOptionsTest {
  @TempDir Path dir;

  @Test
  void multiLineReadsAnObjectOrAnArrayOfObjectsPerFile() throws Exception {
    Path m = dir.resolve("m");
    write(m, "a-one.json", "{", "  \"a\": 1,", "  \"s\": {\"x\": 1.50}", "}");
    write(m, "b-many.json", "[", " {\"a\": 2},", " {\"a\": 3, \"s\": {\"x\": 2}}", "]");
    write(m, "c-bad.json", "{\"a\": 4,", "oops");
    BatchScan scan =
        scan(
            m,
            schema("a INT, s STRUCT<x: DOUBLE>, _corrupt_record STRING"),
            "multiLine",
            "true",
            "maxPartitionBytes",
            "1");
    assertThat(scan.numPartitions()).isEqualTo(3);
    assertThat(readAll(scan))
        .containsExactlyInAnyOrder(
            row(1, List.of(1.5), null),
            row(2, null, null),
            row(3, List.of(2.0), null),
            row(null, null, "{\"a\": 4,\noops\n"));
  }

  @Test
  void multiLineStringColumnsGetRegeneratedJsonText() throws Exception {
    Path f = write(dir, "s.json", "{\"s\": {\"x\":  1.50}}");
    assertThat(readAll(scan(f, schema("s STRING"), "multiLine", "true")))
        .containsExactly(row("{\"x\":1.5}"));
  }

  @Test
  void optionKeysIgnoreCaseAndBadValuesNameTheOption() throws Exception {
    Path f = write(dir, "o.json", "{\"a\": 1}");
    assertThat(readAll(scan(f, schema("a INT"), "MULTILINE", "FALSE"))).containsExactly(row(1));
    assertInvalid(f, "multiLine", "yes");
    assertInvalid(f, "mode", "LENIENT");
    assertInvalid(f, "samplingRatio", "0");
    assertInvalid(f, "encoding", "UTF-16");
    assertInvalid(f, "lineSep", "");
    assertInvalid(f, "maxPartitionBytes", "lots");
    assertInvalid(f, "dateFormat", "yyyy-MM-dd qqqqqq");
  }

  private void assertInvalid(Path f, String option, String value) {
    SluiceException e =
        catchThrowableOfType(() -> scan(f, schema("a INT"), option, value), SluiceException.class);
    assertThat(e).as(option).isNotNull();
    assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTION_VALUE");
    assertThat(e.getMessageParameters())
        .containsEntry("option", option)
        .containsEntry("value", value);
  }

  @Test
  void modeErrorListsTheAllowedValues() throws Exception {
    Path f = write(dir, "o.json", "{\"a\": 1}");
    SluiceException e =
        catchThrowableOfType(() -> scan(f, schema("a INT"), "mode", "x"), SluiceException.class);
    assertThat(e.getMessage()).contains("PERMISSIVE, DROPMALFORMED, FAILFAST");
  }

  @Test
  void corruptColumnMustBeAString() throws Exception {
    Path f = write(dir, "o.json", "{\"a\": 1}");
    SluiceException e =
        catchThrowableOfType(
            () -> scan(f, schema("a INT, _corrupt_record INT")), SluiceException.class);
    assertThat(e.getErrorClass()).isEqualTo("INVALID_CORRUPT_RECORD_TYPE");
    assertThat(e.getMessageParameters()).containsEntry("columnName", "`_corrupt_record`");
  }

  @Test
  void intervalColumnsAreRejected() throws Exception {
    Path f = write(dir, "o.json", "{\"a\": 1}");
    SluiceException e =
        catchThrowableOfType(
            () -> scan(f, schema("a INTERVAL DAY TO SECOND")), SluiceException.class);
    assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE");
    assertThat(e.getMessageParameters()).containsEntry("columnName", "`a`");
  }
}
