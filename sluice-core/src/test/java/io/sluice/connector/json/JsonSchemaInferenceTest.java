package io.sluice.connector.json;

import static io.sluice.connector.json.JsonTestSupport.readAll;
import static io.sluice.connector.json.JsonTestSupport.row;
import static io.sluice.connector.json.JsonTestSupport.scan;
import static io.sluice.connector.json.JsonTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.error.SluiceException;
import io.sluice.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSchemaInferenceTest {
  @TempDir Path dir;

  private StructType infer(Path p, String... options) {
    return scan(p, null, options).schema();
  }

  @Test
  void infersSortedFieldsAndWidensTypes() throws Exception {
    Path f =
        write(
            dir,
            "i.json",
            "{\"z\": 1, \"a\": \"x\", \"n\": 1, \"m\": 1, \"b\": true}",
            "{\"n\": 2.5, \"m\": \"s\", \"nul\": null, \"e\": \"\"}",
            "{\"b\": false, \"big\": 123456789012345678901234567890}");
    assertThat(infer(f).toDDL())
        .isEqualTo(
            "a STRING,b BOOLEAN,big DECIMAL(30,0),e STRING,m STRING,n DOUBLE,nul STRING,z BIGINT");
  }

  @Test
  void infersNestedStructsAndArraysOfStructs() throws Exception {
    Path f =
        write(
            dir,
            "n.json",
            "{\"s\": {\"y\": 1}, \"arr\": [{\"b\": 1}, {\"a\": \"x\"}], \"e\": [], \"na\": [null]}",
            "{\"s\": {\"x\": [1, 2.0]}, \"arr\": [{\"b\": 2.5}]}");
    assertThat(infer(f).toDDL())
        .isEqualTo(
            "arr ARRAY<STRUCT<a: STRING, b: DOUBLE>>,"
                + "e ARRAY<STRING>,na ARRAY<STRING>,s STRUCT<x: ARRAY<DOUBLE>, y: BIGINT>");
  }

  @Test
  void primitivesAsStringAndPrefersDecimal() throws Exception {
    Path f =
        write(dir, "p.json", "{\"a\": 1, \"b\": 1.25, \"c\": true, \"d\": \"x\"}", "{\"b\": 10.5}");
    assertThat(infer(f, "primitivesAsString", "true").toDDL())
        .isEqualTo("a STRING,b STRING,c STRING,d STRING");
    assertThat(infer(f, "prefersDecimal", "true").toDDL())
        .isEqualTo("a BIGINT,b DECIMAL(4,2),c BOOLEAN,d STRING");
  }

  @Test
  void timestampsOnlyWithInferTimestamp() throws Exception {
    Path f =
        write(
            dir,
            "t.json",
            "{\"t\": \"2026-01-01T00:00:00.123Z\"}",
            "{\"t\": \"2024-01-01 10:00:00\"}");
    assertThat(infer(f).toDDL()).isEqualTo("t STRING");
    assertThat(infer(f, "inferTimestamp", "true").toDDL()).isEqualTo("t TIMESTAMP");
  }

  @Test
  void dropFieldIfAllNull() throws Exception {
    Path f = write(dir, "d.json", "{\"a\": 1, \"n\": null, \"s\": {\"x\": null}, \"e\": []}");
    assertThat(infer(f, "dropFieldIfAllNull", "true").toDDL()).isEqualTo("a BIGINT");
  }

  @Test
  void corruptRecordsAddTheCorruptColumnInPermissiveMode() throws Exception {
    Path f = write(dir, "c.json", "{\"b\": 1}", "oops", "5", "{\"A\": 2}");
    StructType s = infer(f);
    assertThat(s.toDDL()).isEqualTo("A BIGINT,_corrupt_record STRING,b BIGINT");
    assertThat(readAll(scan(f, null)))
        .containsExactly(
            row(null, null, 1L),
            row(null, "oops", null),
            row(null, "5", null),
            row(2L, null, null));
    assertThat(infer(f, "mode", "DROPMALFORMED").toDDL()).isEqualTo("A BIGINT,b BIGINT");
  }

  @Test
  void failFastDuringInference() throws Exception {
    Path f = write(dir, "c.json", "{\"b\": 1}", "oops");
    SluiceException e =
        catchThrowableOfType(() -> infer(f, "mode", "FAILFAST"), SluiceException.class);
    assertThat(e.getErrorClass()).isEqualTo("MALFORMED_RECORD_IN_SCHEMA_INFERENCE");
    assertThat(e.getMessageParameters()).containsEntry("path", "file:" + f);
  }

  @Test
  void topLevelArraysAndMultiLineFiles() throws Exception {
    Path f = write(dir, "a.json", "[{\"a\": 1}, {\"b\": \"x\"}]");
    assertThat(infer(f).toDDL()).isEqualTo("a BIGINT,b STRING");
    Path m = dir.resolve("multi");
    write(m, "one.json", "{", "  \"a\": 1,", "  \"s\": {\"x\": [1]}", "}");
    write(m, "many.json", "[", " {\"a\": 2},", " {\"b\": true}", "]");
    assertThat(infer(m, "multiLine", "true").toDDL())
        .isEqualTo("a BIGINT,b BOOLEAN,s STRUCT<x: ARRAY<BIGINT>>");
  }

  @Test
  void emptyFilesGiveAnEmptySchemaAndNoFilesCannotBeInferred() throws Exception {
    Path e = write(dir, "e/empty.json");
    assertThat(infer(e).length()).isZero();
    Path none = Files.createDirectories(dir.resolve("none"));
    SluiceException ex = catchThrowableOfType(() -> infer(none), SluiceException.class);
    assertThat(ex.getErrorClass()).isEqualTo("UNABLE_TO_INFER_SCHEMA");
    assertThat(ex.getMessageParameters()).containsEntry("format", "JSON");
  }

  @Test
  void samplingRatioReadsASubset() throws Exception {
    String[] lines = new String[200];
    for (int i = 0; i < lines.length; i++) lines[i] = "{\"c" + i + "\": 1}";
    Path f = write(dir, "s.json", lines);
    int sampled = infer(f, "samplingRatio", "0.1").length();
    assertThat(sampled).isBetween(5, 60);
    assertThat(infer(f).length()).isEqualTo(200);
  }

  @Test
  void inferredSchemaReadsBack() throws Exception {
    Path f = write(dir, "r.json", "{\"a\": 1, \"s\": {\"t\": [1.5]}}", "{\"a\": 2.5}");
    assertThat(readAll(scan(f, null)))
        .containsExactly(row(1.0, List.of(List.of(1.5))), row(2.5, null));
  }
}
