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
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonPartitionDiscoveryTest {
  @TempDir Path dir;

  @Test
  void keyValueDirectoriesBecomeTypedColumns() throws Exception {
    write(dir, "year=2024/day=2024-01-02/tag=a%3Db/part-0.json", "{\"v\": 1}");
    write(
        dir,
        "year=2025/day=2025-03-04/tag=__HIVE_DEFAULT_PARTITION__/part-0.json",
        "{\"v\": 2}",
        "oops");
    write(dir, "year=2025/day=2025-03-04/tag=__HIVE_DEFAULT_PARTITION__/_SUCCESS");
    BatchScan scan = scan(dir, null);
    assertThat(scan.schema().toDDL())
        .isEqualTo("_corrupt_record STRING,v BIGINT,year INT,day DATE,tag STRING");
    assertThat(readAll(scan))
        .containsExactlyInAnyOrder(
            row(null, 1L, 2024, 19724, "a=b"),
            row(null, 2L, 2025, 20151, null),
            row("oops", null, 2025, 20151, null));
    // pruned to partition columns only, in another order
    assertThat(readAll(scan, schema("tag STRING, year INT"), 100))
        .containsExactlyInAnyOrder(row("a=b", 2024), row(null, 2025), row(null, 2025));
  }

  @Test
  void userSchemaFixesPartitionTypesAndDataColumnsNamedLikePartitionsStayInPlace()
      throws Exception {
    write(dir, "k=10/a.json", "{\"k\": \"ignored\", \"v\": 1}");
    write(dir, "k=20/a.json", "{\"v\": 2}");
    BatchScan scan = scan(dir, schema("K STRING, v INT"));
    assertThat(scan.schema().toDDL()).isEqualTo("k STRING,v INT");
    assertThat(readAll(scan)).containsExactlyInAnyOrder(row("10", 1), row("20", 2));
    BatchScan inferred = scan(dir, null);
    assertThat(inferred.schema().toDDL()).isEqualTo("k INT,v BIGINT");
  }

  @Test
  void valueTypesWiden() throws Exception {
    write(dir, "n=1/x=1/a.json", "{}");
    write(dir, "n=2.5/x=12345678901/a.json", "{}");
    write(dir, "n=3/x=99999999999999999999/a.json", "{}");
    BatchScan scan = scan(dir, schema("v INT"));
    assertThat(scan.schema().toDDL()).isEqualTo("v INT,n DOUBLE,x DECIMAL(20,0)");
    assertThat(readAll(scan))
        .containsExactlyInAnyOrder(
            row(null, 1.0, new BigDecimal("1")),
            row(null, 2.5, new BigDecimal("12345678901")),
            row(null, 3.0, new BigDecimal("99999999999999999999")));
  }

  @Test
  void conflictingLayoutsFail() throws Exception {
    write(dir, "a=1/x.json", "{}");
    write(dir, "b=1/x.json", "{}");
    SluiceException e =
        catchThrowableOfType(() -> scan(dir, schema("v INT")), SluiceException.class);
    assertThat(e.getErrorClass()).isEqualTo("CONFLICTING_PARTITION_COLUMN_NAMES");
  }

  @Test
  void noPartitionDirectoriesMeansOnlyDirectFilesAndRecursiveLookupReadsAll() throws Exception {
    write(dir, "top.json", "{\"v\": 1}");
    write(dir, "nested/deeper.json", "{\"v\": 2}");
    assertThat(readAll(scan(dir, schema("v INT")))).containsExactly(row(1));
    assertThat(readAll(scan(dir, schema("v INT"), "recursiveFileLookup", "true")))
        .containsExactlyInAnyOrder(row(1), row(2));
    write(dir, "k=1/p.json", "{\"v\": 3}");
    // recursive lookup disables partition discovery
    assertThat(scan(dir, null, "recursiveFileLookup", "true").schema().toDDL())
        .isEqualTo("v BIGINT");
  }
}
