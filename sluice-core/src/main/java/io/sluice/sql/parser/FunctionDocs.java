package io.sluice.sql.parser;

import io.sluice.analysis.FunctionSpec;

/** How a registered function is described in {@code DESCRIBE FUNCTION} and docs/sql.md. */
final class FunctionDocs {
  private FunctionDocs() {}

  /** E.g. {@code count(expr, ...)} or {@code upper(expr)}. */
  static String usage(FunctionSpec spec) {
    String args =
        switch (spec.arity().expectedText()) {
          case "0" -> "";
          case "1" -> "expr";
          case "2" -> "expr1, expr2";
          case "3" -> "expr1, expr2, expr3";
          default -> "expr, ...";
        };
    return spec.name() + "(" + args + ")";
  }

  /** {@code aggregate function, 1 argument(s)} and the like. */
  static String kind(FunctionSpec spec) {
    return (spec.aggregate() ? "aggregate" : "scalar")
        + " function taking "
        + spec.arity().expectedText()
        + " argument(s)";
  }
}
