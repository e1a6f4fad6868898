package io.sluice.sql.parser;

import io.sluice.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Objects;

/**
 * A parsed SQL statement: a query, or a command that {@link CommandRunner} executes against the
 * session (views, SHOW, DESCRIBE, EXPLAIN, SET, RESET).
 */
public sealed interface Statement {

  /** {@code SELECT ...}, {@code VALUES ...}, {@code WITH ... SELECT ...}. */
  record Query(LogicalPlan plan) implements Statement {
    public Query {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** {@code CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW name AS query}. */
  record CreateTempView(String name, LogicalPlan query, boolean replace, boolean global)
      implements Statement {}

  /** {@code DROP VIEW [IF EXISTS] name} ({@code global_temp.name} for a global one). */
  record DropView(List<String> name, boolean ifExists) implements Statement {
    public DropView {
      name = List.copyOf(name);
    }
  }

  /**
   * {@code SHOW TABLES|VIEWS [IN namespace] [[LIKE] 'pattern']}; the namespace is empty when not
   * given, the pattern null.
   */
  record ShowTables(List<String> namespace, String pattern, boolean views) implements Statement {
    public ShowTables {
      namespace = List.copyOf(namespace);
    }
  }

  /** {@code SHOW FUNCTIONS [[LIKE] 'pattern']}. */
  record ShowFunctions(String pattern) implements Statement {}

  /** {@code DESCRIBE [TABLE] [EXTENDED] name}. */
  record DescribeRelation(List<String> name, boolean extended) implements Statement {
    public DescribeRelation {
      name = List.copyOf(name);
    }
  }

  /** {@code DESCRIBE FUNCTION [EXTENDED] name}. */
  record DescribeFunction(String name, boolean extended) implements Statement {}

  /** {@code EXPLAIN [EXTENDED|FORMATTED|CODEGEN|COST] statement}; mode in lower case. */
  record Explain(Statement statement, String mode) implements Statement {}

  /**
   * {@code SET} (key null: list the session's values), {@code SET -v} (verbose list), {@code SET
   * key} (value null: show it) or {@code SET key=value}.
   */
  record SetConfig(String key, String value, boolean verbose) implements Statement {}

  /** {@code RESET} (key null: every value) or {@code RESET key}. */
  record ResetConfig(String key) implements Statement {}
}
