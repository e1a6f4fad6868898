package io.sluice.connector.file;

import static io.sluice.connector.file.StreamFiles.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Session;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON and CSV files checked against DuckDB (in-process, JDBC) as an independent reader and writer:
 * what Sluice writes (types, nulls, quoting, Hive partitions) DuckDB reads with the same values,
 * and what DuckDB writes ({@code COPY ... TO}) Sluice reads with the same values.
 */
class DuckDbInteropTest {
  private static Session session;
  private static Connection duck;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws SQLException {
    session = StreamFiles.session();
    duck = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void stop() throws SQLException {
    session.stop();
    duck.close();
  }

  /** Rows of every type, nulls in every column, text that needs quoting and escaping. */
  private static DataFrame typed() {
    return session.sql(
        "SELECT * FROM VALUES"
            + " (1, 3000000000L, 1.5D, 'plain', true, 12.34BD, DATE'2024-01-02',"
            + "  TIMESTAMP'2024-01-02 03:04:05.678901', 'a'),"
            + " (2, -5L, -0.25D, 'comma, \"quote\" and\nnewline', false, -0.01BD,"
            + "  DATE'1999-12-31', TIMESTAMP'1970-01-01 00:00:00', 'b'),"
            + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            + " (4, 0L, 1e300D, 'ünïcødé ✓', true, 0.00BD, DATE'2024-02-29',"
            + "  TIMESTAMP'2024-02-29 23:59:59.999999', 'a')"
            + " AS t(id, l, d, s, flag, dec, day, ts, k)");
  }

  /**
   * What the typed rows hold, one text per row, as DuckDB reports them below. Timestamps keep
   * milliseconds: Spark's default {@code timestampFormat} for JSON and CSV writes no more.
   */
  private static final List<String> EXPECTED =
      List.of(
          "1|3000000000|1.5|plain|true|12.34|2024-01-02|1704164645678000|a",
          "2|-5|-0.25|comma, \"quote\" and\nnewline|false|-0.01|1999-12-31|0|b",
          "3|null|null|null|null|null|null|null|null",
          "4|0|1.0E300|ünïcødé ✓|true|0.00|2024-02-29|1709251199999000|a");

  /** {@link #EXPECTED} with microseconds, written with a timestampFormat that keeps them. */
  private static final List<String> EXPECTED_MICROS =
      List.of(
          EXPECTED.get(0).replace("678000", "678901"),
          EXPECTED.get(1),
          EXPECTED.get(2),
          EXPECTED.get(3).replace("999000", "999999"));

  private static final String MICROS = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX";

  private static final String SELECT =
      "SELECT id, l, d, s, flag, dec, CAST(day AS VARCHAR), epoch_us(ts), k FROM ";

  private static List<String> duckRows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int c = 1; c <= md.getColumnCount(); c++) {
          if (c > 1) sb.append('|');
          Object v = rs.getObject(c);
          sb.append(v == null ? "null" : v.toString());
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private static void duckExec(String sql) throws SQLException {
    try (Statement st = duck.createStatement()) {
      st.execute(sql);
    }
  }

  private static final String COLUMNS =
      "{'id': 'INTEGER', 'l': 'BIGINT', 'd': 'DOUBLE', 's': 'VARCHAR', 'flag': 'BOOLEAN',"
          + " 'dec': 'DECIMAL(4,2)', 'day': 'DATE', 'ts': 'TIMESTAMPTZ', 'k': 'VARCHAR'}";

  @Test
  void duckDbReadsSluiceJsonWithTheSameValues() throws SQLException {
    Path out = tmp.resolve("json");
    typed().write().json(out.toString());
    assertThat(
            duckRows(
                SELECT
                    + "read_json('"
                    + out
                    + "/*.json', format='newline_delimited', columns="
                    + COLUMNS
                    + ") ORDER BY id"))
        .containsExactlyElementsOf(EXPECTED);
    Path micros = tmp.resolve("micros");
    typed().write().option("timestampFormat", MICROS).json(micros.toString());
    assertThat(
            duckRows(
                SELECT
                    + "read_json('"
                    + micros
                    + "/*.json', format='newline_delimited', columns="
                    + COLUMNS
                    + ") ORDER BY id"))
        .containsExactlyElementsOf(EXPECTED_MICROS);
  }

  @Test
  void duckDbReadsSluiceCsvWithTheSameValues() throws SQLException {
    Path out = tmp.resolve("csv");
    typed().write().option("header", true).option("timestampFormat", MICROS).csv(out.toString());
    assertThat(
            duckRows(
                SELECT
                    + "read_csv('"
                    + out
                    + "/*.csv', header=true, escape='\\', quote='\"', columns="
                    + COLUMNS
                    + ") ORDER BY id"))
        .containsExactlyElementsOf(EXPECTED_MICROS);
  }

  @Test
  void duckDbReadsSluicePartitionsThroughHivePartitioning() throws SQLException {
    Path json = tmp.resolve("pjson");
    Path csv = tmp.resolve("pcsv");
    DataFrame df = typed().selectExpr("id", "s", "k", "day");
    df.write().partitionBy("k", "day").json(json.toString());
    df.write().partitionBy("k", "day").option("header", true).csv(csv.toString());
    List<String> expected =
        List.of(
            "1|plain|a|2024-01-02",
            "2|comma, \"quote\" and\nnewline|b|1999-12-31",
            "3|null|null|null",
            "4|ünïcødé ✓|a|2024-02-29");
    String cols = "SELECT id, s, k, CAST(day AS VARCHAR) FROM ";
    assertThat(
            duckRows(
                cols
                    + "read_json('"
                    + json
                    + "/*/*/*.json', hive_partitioning=true, hive_types={'k': VARCHAR,"
                    + " 'day': DATE}, columns={'id': 'INTEGER', 's': 'VARCHAR'}) ORDER BY id"))
        .containsExactlyElementsOf(expected);
    assertThat(
            duckRows(
                cols
                    + "read_csv('"
                    + csv
                    + "/*/*/*.csv', header=true, escape='\\', hive_partitioning=true,"
                    + " hive_types={'k': VARCHAR, 'day': DATE}, columns={'id': 'INTEGER',"
                    + " 's': 'VARCHAR'}) ORDER BY id"))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void nestedJsonValuesReadTheSameBothWays() throws SQLException {
    Path out = tmp.resolve("nested");
    session
        .sql(
            "SELECT * FROM VALUES"
                + " (1, array(1, NULL, 3), named_struct('a', 1, 'b', 'x'), map('k', 1)),"
                + " (2, array(), named_struct('a', NULL, 'b', NULL), map()),"
                + " (3, NULL, NULL, NULL) AS t(id, arr, st, m)")
        .write()
        .json(out.toString());
    assertThat(
            duckRows(
                "SELECT id, CAST(arr AS VARCHAR), CAST(st AS VARCHAR), CAST(m AS VARCHAR) FROM"
                    + " read_json('"
                    + out
                    + "/*.json', columns={'id': 'INTEGER', 'arr': 'INTEGER[]',"
                    + " 'st': 'STRUCT(a INTEGER, b VARCHAR)', 'm': 'MAP(VARCHAR, INTEGER)'})"
                    + " ORDER BY id"))
        .containsExactly(
            "1|[1, NULL, 3]|{'a': 1, 'b': x}|{k=1}",
            "2|[]|{'a': NULL, 'b': NULL}|{}",
            "3|null|null|null");
    Path file = tmp.resolve("duck-nested.json");
    duckExec(
        "COPY (SELECT * FROM (VALUES (1, [1, NULL, 3], {'a': 1, 'b': 'x'}),"
            + " (2, [], {'a': NULL, 'b': NULL}), (3, NULL, NULL)) t(id, arr, st)) TO '"
            + file
            + "' (FORMAT json)");
    assertThat(
            sorted(
                session
                    .read()
                    .schema("id INT, arr ARRAY<INT>, st STRUCT<a: INT, b: STRING>")
                    .json(file.toString())))
        .containsExactly("[1,[1, null, 3],[1,x]]", "[2,[],[null,null]]", "[3,null,null]");
  }

  private static final String DUCK_ROWS =
      "SELECT * FROM (VALUES"
          + " (1, 3000000000::BIGINT, 1.5::DOUBLE, 'plain', true, DATE '2024-01-02',"
          + "  TIMESTAMP '2024-01-02 03:04:05.678901', 'a'),"
          + " (2, -5, -0.25, 'comma, \"quote\" and' || chr(10) || 'newline', false,"
          + "  DATE '1999-12-31', TIMESTAMP '1970-01-01 00:00:00', 'b'),"
          + " (3, NULL, NULL, NULL, NULL, NULL, NULL, 'b'),"
          + " (4, 0, 1e300, 'ünïcødé ✓', true, DATE '2024-02-29',"
          + "  TIMESTAMP '2024-02-29 23:59:59.999999', 'a'))"
          + " AS t(id, l, d, s, flag, day, ts, k)";

  private static final List<String> DUCK_EXPECTED =
      List.of(
          "[1,3000000000,1.5,plain,true,2024-01-02,2024-01-02 03:04:05.678901,a]",
          "[2,-5,-0.25,comma, \"quote\" and\nnewline,false,1999-12-31,1970-01-01 00:00:00.0,b]",
          "[3,null,null,null,null,null,null,b]",
          "[4,0,1.0E300,ünïcødé ✓,true,2024-02-29,2024-02-29 23:59:59.999999,a]");

  private static final String SCHEMA =
      "id INT, l BIGINT, d DOUBLE, s STRING, flag BOOLEAN, day DATE, ts TIMESTAMP, k STRING";

  @Test
  void sluiceReadsDuckDbJsonWithTheSameValues() throws SQLException {
    Path file = tmp.resolve("duck.json");
    duckExec("COPY (" + DUCK_ROWS + ") TO '" + file + "' (FORMAT json)");
    assertThat(sorted(session.read().schema(SCHEMA).json(file.toString())))
        .containsExactlyElementsOf(DUCK_EXPECTED);
    DataFrame inferred = session.read().json(file.toString());
    assertThat(inferred.schema().toDDL())
        .isEqualTo(
            "d DOUBLE,day STRING,flag BOOLEAN,id BIGINT,k STRING,l BIGINT,s STRING," + "ts STRING");
  }

  @Test
  void sluiceReadsDuckDbCsvWithTheSameValues() throws SQLException {
    Path file = tmp.resolve("duck.csv");
    duckExec("COPY (" + DUCK_ROWS + ") TO '" + file + "' (FORMAT csv, HEADER)");
    assertThat(
            sorted(
                session
                    .read()
                    .schema(SCHEMA)
                    .option("header", true)
                    .option("escape", "\"")
                    .option("multiLine", true)
                    .csv(file.toString())))
        .containsExactlyElementsOf(DUCK_EXPECTED);
  }

  @Test
  void sluiceDiscoversDuckDbHivePartitions() throws SQLException {
    Path dir = tmp.resolve("duckparts");
    duckExec(
        "COPY (SELECT id, s, k FROM ("
            + DUCK_ROWS
            + ")) TO '"
            + dir
            + "' (FORMAT csv, HEADER, PARTITION_BY (k))");
    DataFrame df =
        session
            .read()
            .option("header", true)
            .option("escape", "\"")
            .option("multiLine", true)
            .csv(dir.toString());
    assertThat(df.schema().toDDL()).isEqualTo("id STRING,s STRING,k STRING");
    assertThat(sorted(df.filter("k = 'a'").select("id", "k"))).containsExactly("[1,a]", "[4,a]");
  }
}
