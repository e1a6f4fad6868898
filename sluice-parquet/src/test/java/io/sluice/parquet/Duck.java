package io.sluice.parquet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB in-process through JDBC: the independent Parquet reader and writer of the tests. */
final class Duck implements AutoCloseable {
  private final Connection connection;

  Duck() {
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Each row as its columns' texts ({@code getString}, null as "null") joined by "|". */
  List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          if (i > 1) sb.append('|');
          String v = rs.getString(i);
          sb.append(rs.wasNull() ? "null" : v);
        }
        out.add(sb.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing an in-memory database
    }
  }
}
