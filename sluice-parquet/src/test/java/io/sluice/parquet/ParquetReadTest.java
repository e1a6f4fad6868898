package io.sluice.parquet;

import static io.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import io.sluice.error.SluiceException;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.ScanRelation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files DuckDB (and parquet-java's legacy layouts) wrote, read by Sluice. */
class ParquetReadTest {
  private static Session session;
  private static Duck duck;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    session = sessionForTests();
    duck = new Duck();
  }

  @AfterAll
  static void stop() {
    session.stop();
    duck.close();
  }

  static Session sessionForTests() {
    return Session.builder()
        .master("local[2]")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .create();
  }

  static List<String> rows(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(r.toString());
    return out;
  }

  private void duckCopy(String select, Path file, String options) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    duck.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet" + options + ")");
  }

  @Test
  void everyTypeDuckDbWritesReadsAsSparkMapsIt() {
    Path f = tmp.resolve("types.parquet");
    duckCopy(
        "SELECT * FROM (VALUES"
            + " (true, 1::TINYINT, 2::SMALLINT, 3, 4::BIGINT, 1.5::FLOAT, 2.25::DOUBLE, 'héllo',"
            + " '\\x01\\xFF'::BLOB, DATE '2024-02-29', TIMESTAMPTZ '2024-01-02 03:04:05.678901+00',"
            + " TIMESTAMP '2024-01-02 03:04:05.678901', TIMESTAMP_MS '2024-01-02 03:04:05.678',"
            + " TIMESTAMP_NS '2024-01-02 03:04:05.678901234', 12.34::DECIMAL(4,2),"
            + " 123456789012.345::DECIMAL(15,3), -12345678901234567890.1234::DECIMAL(30,4),"
            + " 200::UTINYINT),"
            + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
            + " NULL, NULL, NULL, NULL, NULL))"
            + " t(bo, ti, sm, i, bi, fl, db, s, bl, d, tstz, ts, tsms, tsns, d1, d2, d3, ut)",
        f,
        "");
    DataFrame df = session.read().parquet(f.toString());
    assertThat(df.schema().toDDL())
        .isEqualTo(
            "bo BOOLEAN,ti TINYINT,sm SMALLINT,i INT,bi BIGINT,fl FLOAT,db DOUBLE,s STRING,"
                + "bl BINARY,d DATE,tstz TIMESTAMP,ts TIMESTAMP,tsms TIMESTAMP,tsns TIMESTAMP,"
                + "d1 DECIMAL(4,2),d2 DECIMAL(15,3),d3 DECIMAL(30,4),ut SMALLINT");
    assertThat((byte[]) df.select("bl").collectAsList().get(0).get(0))
        .containsExactly(1, (byte) 0xFF);
    assertThat(rows(df.drop("bl")))
        .containsExactly(
            "[true,1,2,3,4,1.5,2.25,héllo,2024-02-29,2024-01-02 03:04:05.678901,"
                + "2024-01-02 03:04:05.678901,2024-01-02 03:04:05.678,2024-01-02 03:04:05.678901,"
                + "12.34,123456789012.345,-12345678901234567890.1234,200]",
            "[null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,"
                + "null]");
  }

  @Test
  void nestedStructsListsAndMapsWithNullsAndEmptiesReadIdentically() {
    Path f = tmp.resolve("nested.parquet");
    duckCopy(
        "SELECT * FROM (VALUES"
            + " (1, [1, NULL, 3], {'a': 1, 'b': 'x'}, MAP {'k1': 10, 'k2': NULL},"
            + "  [{'p': 1, 'q': ['u', 'v']}, NULL, {'p': NULL, 'q': []}], [[1, 2], [], NULL, [3]]),"
            + " (2, [], {'a': NULL, 'b': NULL}, MAP {}, [], []),"
            + " (3, NULL, NULL, NULL, NULL, NULL))"
            + " t(id, l, st, m, ls, ll)",
        f,
        "");
    DataFrame df = session.read().parquet(f.toString());
    assertThat(df.schema().toDDL())
        .isEqualTo(
            "id INT,l ARRAY<INT>,st STRUCT<a: INT, b: STRING>,m MAP<STRING, INT>,"
                + "ls ARRAY<STRUCT<p: INT, q: ARRAY<STRING>>>,ll ARRAY<ARRAY<INT>>");
    assertThat(rows(df.orderBy("id")))
        .containsExactly(
            "[1,[1, null, 3],[1,x],{k1=10, k2=null},[[1,[u, v]], null, [null,[]]],"
                + "[[1, 2], [], null, [3]]]",
            "[2,[],[null,null],{},[],[]]",
            "[3,null,null,null,null,null]");
    // one nested column alone, and a struct's field
    assertThat(rows(df.select(col("ls")).orderBy(col("ls").isNull())))
        .hasSize(3)
        .first()
        .isEqualTo("[[[1,[u, v]], null, [null,[]]]]");
    assertThat(rows(df.selectExpr("st.b").where("id = 1"))).containsExactly("[x]");
    // a pushed filter beside nested columns (row groups filtered, pages not)
    assertThat(rows(df.where("id >= 2").select("id", "ll", "m").orderBy("id")))
        .containsExactly("[2,[],{}]", "[3,null,null]");
  }

  @Test
  void aUserSchemaWidensAndFillsWhatTheFileLacksWithNulls() {
    Path f = tmp.resolve("narrow.parquet");
    duckCopy("SELECT 7 AS id, 1.5::FLOAT AS x, {'a': 1} AS st, [{'a': 2}] AS ls", f, "");
    DataFrame df =
        session
            .read()
            .schema(
                "id BIGINT, x DOUBLE, st STRUCT<a: INT, zz: STRING>,"
                    + " ls ARRAY<STRUCT<a: INT, zz: INT>>, missing STRING")
            .parquet(f.toString());
    assertThat(rows(df)).containsExactly("[7,1.5,[1,null],[[2,null]],null]");
    assertThat(rows(df.selectExpr("input_file_name() LIKE '%/narrow.parquet'")))
        .containsExactly("[true]");
  }

  @Test
  void legacyTwoLevelListsUnannotatedRepeatedFieldsAndInt96() throws IOException {
    Path f = tmp.resolve("legacy.parquet");
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message m { required int32 id;"
                + " optional group a (LIST) { repeated int32 array; }"
                + " optional group b (LIST) { repeated group b_tuple { required binary s (UTF8); } }"
                + " repeated int64 r;"
                + " optional int96 t; }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(f)).withType(schema).build()) {
      Group g = groups.newGroup().append("id", 1);
      Group a = g.addGroup("a");
      a.append("array", 7);
      a.append("array", 8);
      g.addGroup("b").addGroup("b_tuple").append("s", "z");
      g.append("r", 5L).append("r", 6L);
      // 2024-01-02 00:00:01 UTC: Julian day 2460312, one second of nanos
      g.append("t", new NanoTime(2460312, 1_000_000_000L));
      w.write(g);
      w.write(groups.newGroup().append("id", 2));
    }
    DataFrame df = session.read().parquet(f.toString());
    assertThat(df.schema().toDDL())
        .isEqualTo("id INT,a ARRAY<INT>,b ARRAY<STRUCT<s: STRING>>,r ARRAY<BIGINT>,t TIMESTAMP");
    assertThat(rows(df))
        .containsExactly("[1,[7, 8],[[z]],[5, 6],2024-01-02 00:00:01.0]", "[2,null,null,[],null]");
  }

  @Test
  void manyRowGroupsSplitAcrossTasksReadEachRowOnce() {
    Path dir = tmp.resolve("big");
    duck.execute(
        "CREATE OR REPLACE TABLE big AS SELECT i AS id, 's' || (i % 97) AS s FROM range(200000) t(i)");
    duckCopy("SELECT * FROM big", dir.resolve("part-0.parquet"), ", ROW_GROUP_SIZE 10000");
    DataFrame df = session.read().option("maxPartitionBytes", "200000").parquet(dir.toString());
    ParquetBatchScan scan = scanOf(df);
    assertThat(scan.numPartitions()).isGreaterThan(1);
    assertThat(rows(df.selectExpr("count(*)", "sum(id)", "count(DISTINCT s)")))
        .containsExactly(
            "["
                + duck.rows("SELECT count(*), sum(id), count(DISTINCT s) FROM big")
                    .get(0)
                    .replace('|', ',')
                + "]");
    assertThat(scan.metrics().rowGroupsRead()).isEqualTo(20);
  }

  @Test
  void filtersSkipRowGroupsByTheirStatistics() {
    Path f = tmp.resolve("sorted.parquet");
    duckCopy(
        "SELECT i AS id, i % 10 AS k FROM range(100000) t(i) ORDER BY i",
        f, ", ROW_GROUP_SIZE 10000");
    DataFrame df =
        session
            .read()
            .parquet(f.toString())
            .where(col("id").geq(95000L))
            .selectExpr("count(*)", "min(id)");
    assertThat(rows(df)).containsExactly("[5000,95000]");
    ParquetBatchScan scan = scanOf(df);
    assertThat(scan.pushedFilters()).isNotEmpty();
    assertThat(scan.metrics().rowGroupsSkipped()).isEqualTo(9);
    assertThat(scan.metrics().rowGroupsRead()).isEqualTo(1);

    // IN lists and OR; a filter no statistics can decide reads everything
    DataFrame in =
        session
            .read()
            .parquet(f.toString())
            .where("id IN (5, 99999) OR id < 3")
            .selectExpr("count(*)");
    assertThat(rows(in)).containsExactly("[5]");
    assertThat(scanOf(in).metrics().rowGroupsSkipped()).isEqualTo(8);
    DataFrame mod = session.read().parquet(f.toString()).where("k = 3").selectExpr("count(*)");
    assertThat(rows(mod)).containsExactly("[10000]");
    assertThat(scanOf(mod).metrics().rowGroupsSkipped()).isZero();
  }

  @Test
  void columnIndexesSkipPagesAndDictionariesSkipRowGroups() {
    Path dir = tmp.resolve("paged");
    // one row group of 100,000 sorted ids; parquet-java cuts pages of at most 20,000 rows
    session
        .range(100000)
        .selectExpr("id", "CAST(id % 7 AS STRING) AS k", "CAST(id AS STRING) AS s")
        .coalesce(1)
        .write()
        .parquet(dir.toString());
    DataFrame q =
        session
            .read()
            .parquet(dir.toString())
            .where("id >= 95000 AND s IS NOT NULL")
            .selectExpr("count(*)", "min(id)", "max(s)");
    assertThat(rows(q)).containsExactly("[5000,95000,99999]");
    ParquetBatchScan scan = scanOf(q);
    assertThat(scan.metrics().rowGroupsRead()).isEqualTo(1);
    assertThat(scan.metrics().rowsSkippedByPageIndex()).isEqualTo(80000);
    assertThat(scan.metrics().rowsRead()).isEqualTo(20000);
    // a value in no dictionary: the statistics cannot tell ("10" lies between "0" and "6"),
    // the dictionary can
    DataFrame none =
        session.read().parquet(dir.toString()).where("k = '10'").selectExpr("count(*)");
    assertThat(rows(none)).containsExactly("[0]");
    assertThat(scanOf(none).metrics().rowGroupsSkipped()).isEqualTo(1);
    assertThat(scanOf(none).metrics().rowGroupsRead()).isZero();
  }

  @Test
  void projectionReadsOnlyTheColumnsAsked() {
    Path f = tmp.resolve("wide.parquet");
    duckCopy("SELECT i AS a, 'v' || i AS b, [i] AS c FROM range(10) t(i)", f, "");
    DataFrame df = session.read().parquet(f.toString()).select("b");
    assertThat(df.queryExecution().executedPlan().toString()).contains("[b#");
    assertThat(rows(df.limit(2))).containsExactly("[v0]", "[v1]");
    // a read schema of the partition values only decodes no column chunk
    ParquetBatchScan scan = scanOf(session.read().parquet(f.toString()));
    var it = scan.read(0, new io.sluice.types.StructType(List.of()), 1024);
    assertThat(it.next().numRows()).isEqualTo(10);
  }

  @Test
  void partitionDirectoriesBecomeColumns() {
    Path dir = tmp.resolve("parts");
    duckCopy(
        "SELECT i AS v, DATE '2024-01-01' + (i % 2)::INT AS date, i % 3 AS hour FROM range(12)"
            + " t(i)",
        dir, ", PARTITION_BY (date, hour)");
    DataFrame df = session.read().parquet(dir.toString());
    assertThat(df.schema().toDDL()).isEqualTo("v BIGINT,date DATE,hour INT");
    DataFrame one = df.where("date = DATE'2024-01-02' AND hour = 1 AND v > 0").orderBy("v");
    assertThat(rows(one)).containsExactly("[1,2024-01-02,1]", "[7,2024-01-02,1]");
    // the partition filter pruned the other directories' files; the data filter was pushed too
    ParquetBatchScan scan = scanOf(one);
    assertThat(scan.metrics().rowGroupsRead()).isEqualTo(1);
    assertThat(scan.pushedFilters()).hasSize(1);
  }

  @Test
  void mergeSchemaUnitesTheFilesAndWithoutItTheFirstFileDecides() {
    Path dir = tmp.resolve("merge");
    duckCopy("SELECT 1 AS a, 'x' AS b", dir.resolve("part-0.parquet"), "");
    duckCopy("SELECT 2 AS a, {'n': 5} AS c", dir.resolve("part-1.parquet"), "");
    assertThat(session.read().parquet(dir.toString()).schema().toDDL()).isEqualTo("a INT,b STRING");
    DataFrame merged = session.read().option("mergeSchema", "true").parquet(dir.toString());
    assertThat(merged.schema().toDDL()).isEqualTo("a INT,b STRING,c STRUCT<n: INT>");
    assertThat(rows(merged.orderBy("a"))).containsExactly("[1,x,null]", "[2,null,[5]]");
    assertThatThrownBy(() -> session.read().option("mergeSchema", "maybe").parquet(dir.toString()))
        .hasMessageContaining("mergeSchema");
    session.conf().set("spark.sql.parquet.mergeSchema", "true");
    try {
      assertThat(session.read().parquet(dir.toString()).columns()).containsExactly("a", "b", "c");
    } finally {
      session.conf().unset("spark.sql.parquet.mergeSchema");
    }
  }

  @Test
  void incompatibleFilesFailNamingTheFileAndTheColumn() throws IOException {
    Path dir = tmp.resolve("clash");
    duckCopy("SELECT 1 AS a, {'n': 5} AS s", dir.resolve("part-0.parquet"), "");
    duckCopy("SELECT 2 AS a, {'n': 'five'} AS s", dir.resolve("part-1.parquet"), "");
    assertThatThrownBy(() -> session.read().option("mergeSchema", true).parquet(dir.toString()))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("CANNOT_MERGE_SCHEMAS")
        .hasMessageContaining("`s.n`")
        .hasMessageContaining("part-1.parquet")
        .hasMessageContaining("\"INT\"")
        .hasMessageContaining("\"STRING\"");
    // a user schema the file cannot give
    assertThatThrownBy(
            () ->
                rows(
                    session
                        .read()
                        .schema("a STRING")
                        .parquet(dir.resolve("part-0.parquet").toString())))
        .hasMessageContaining("PARQUET_COLUMN_DATA_TYPE_MISMATCH")
        .hasMessageContaining("part-0.parquet")
        .hasMessageContaining("[a]");
    assertThat(Files.exists(dir)).isTrue();
  }

  static ParquetBatchScan scanOf(DataFrame df) {
    ParquetBatchScan s = find(df.queryExecution().optimizedPlan());
    assertThat(s).as("a Parquet scan in the plan").isNotNull();
    return s;
  }

  private static ParquetBatchScan find(LogicalPlan p) {
    if (p instanceof ScanRelation r && r.scan() instanceof ParquetBatchScan s) return s;
    for (LogicalPlan c : p.children()) {
      ParquetBatchScan s = find(c);
      if (s != null) return s;
    }
    return null;
  }
}
