package io.sluice.sql.parser;

import io.sluice.types.StructType;
import java.util.List;

/**
 * The rows a command returns, in external form (String, Boolean), with Spark's result schema (e.g.
 * {@code namespace, tableName, isTemporary} for {@code SHOW TABLES}). Commands without output
 * ({@code CREATE VIEW}) return no columns and no rows.
 */
public record CommandResult(StructType schema, List<List<Object>> rows) {
  public CommandResult {
    rows = List.copyOf(rows);
  }

  static CommandResult empty() {
    return new CommandResult(new StructType(), List.of());
  }
}
