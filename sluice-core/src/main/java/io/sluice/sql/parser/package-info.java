/**
 * The SQL dialect: an ANTLR grammar ({@code src/main/antlr4/.../SluiceSql.g4}, generated at build
 * time) and the builders that turn its parse trees into the unresolved logical plans and
 * expressions the DataFrame API builds ({@link io.sluice.sql.parser.SqlParser}), plus the SQL
 * commands ({@link io.sluice.sql.parser.CommandRunner}).
 *
 * <p>Depends on plans, types, errors, the analysis package's catalog and function registry, and the
 * vector classes (for the one-row relation of {@code SELECT 1}); never on evaluation or operators:
 * typed literals that need the session time zone become casts that constant folding evaluates.
 */
package io.sluice.sql.parser;
