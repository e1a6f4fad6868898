package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Formats error parameters the way Spark does ({@code toSQLId}, {@code toSQLExpr}, {@code
 * toSQLType}, ordinal numbers) and builds the analysis errors raised in several places, so the same
 * error always carries the same parameters.
 */
public final class QueryErrors {
  private QueryErrors() {}

  /** {@code `a`.`b`}: every part backquoted (backquotes inside doubled). */
  public static String toSQLId(List<String> parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (sb.length() > 0) sb.append('.');
      sb.append('`').append(p.replace("`", "``")).append('`');
    }
    return sb.toString();
  }

  /** Parses {@code name} as a column name ({@code a.`b.c`}) and backquotes every part. */
  public static String toSQLId(String name) {
    List<String> parts;
    try {
      parts = UnresolvedAttribute.parseAttributeName(name);
    } catch (IllegalArgumentException e) {
      parts = List.of(name);
    }
    return toSQLId(parts);
  }

  /** The expression's SQL in double quotes, e.g. {@code "(a + 1)"}. */
  public static String toSQLExpr(Expression e) {
    return "\"" + e.sql() + "\"";
  }

  /** The type's SQL in double quotes, e.g. {@code "INT"}. */
  public static String toSQLType(DataType t) {
    return "\"" + t.sql() + "\"";
  }

  /** {@code first}, {@code second}, {@code third}, then {@code 4th}, {@code 5th}, ... */
  public static String ordinalNumber(int i) {
    return switch (i) {
      case 0 -> "first";
      case 1 -> "second";
      case 2 -> "third";
      default -> (i + 1) + "th";
    };
  }

  static AnalysisException error(ErrorClass c, String... keysAndValues) {
    return new AnalysisException(c, SluiceException.params(keysAndValues));
  }

  static AnalysisException error(ErrorClass c, Map<String, String> params) {
    return new AnalysisException(c, params);
  }

  /** UNRESOLVED_COLUMN with up to five proposals ordered by similarity. */
  static AnalysisException unresolvedColumn(String missingSql, List<List<String>> candidates) {
    List<String> ordered = Suggestions.orderBySimilarity(missingSql, candidates);
    if (ordered.isEmpty()) {
      return error(
          ErrorClass.UNRESOLVED_COLUMN_WITHOUT_SUGGESTION, "objectName", toSQLId(missingSql));
    }
    List<String> shown = new ArrayList<>();
    for (String s : ordered.subList(0, Math.min(5, ordered.size()))) shown.add(toSQLId(s));
    return error(
        ErrorClass.UNRESOLVED_COLUMN_WITH_SUGGESTION,
        "objectName",
        toSQLId(missingSql),
        "proposal",
        String.join(", ", shown));
  }

  static AnalysisException unexpectedInputType(
      String sqlExpr, int paramIndex, String requiredType, Expression input) {
    return error(
        ErrorClass.DATATYPE_MISMATCH_UNEXPECTED_INPUT_TYPE,
        "sqlExpr",
        sqlExpr,
        "paramIndex",
        ordinalNumber(paramIndex),
        "requiredType",
        requiredType,
        "inputSql",
        toSQLExpr(input),
        "inputType",
        toSQLType(input.dataType()));
  }

  static AnalysisException wrongNumArgs(String functionName, String expected, int actual) {
    return error(
        ErrorClass.WRONG_NUM_ARGS,
        "functionName",
        toSQLId(functionName),
        "expectedNum",
        expected,
        "actualNum",
        String.valueOf(actual),
        "docroot",
        "https://spark.apache.org/docs/latest");
  }
}
