package io.sluice.analysis;

import io.sluice.plan.expr.Expression;
import io.sluice.types.DataType;
import java.util.List;

/**
 * A function call that evaluates as another expression but keeps its own name in generated column
 * names and errors, as Spark's {@code RuntimeReplaceable}: {@code mean(x)} is {@code avg(x)},
 * {@code nvl(a, b)} is {@code coalesce(a, b)}. Only the analyzer sees it: names are fixed during
 * analysis, then the analyzer replaces it by {@code replacement}.
 *
 * @param prettyName the name shown, e.g. {@code mean}
 * @param shownArguments the arguments shown in {@link #sql()} (not children)
 * @param distinct whether to show {@code DISTINCT}
 * @param replacement the expression evaluated (the only child)
 * @param sqlText the whole text shown instead of {@code prettyName(arguments)} when the call has a
 *     syntax of its own ({@code s LIKE a%}, {@code TRIM(BOTH x FROM s)}), else null
 */
public record RuntimeReplaceable(
    String prettyName,
    List<Expression> shownArguments,
    boolean distinct,
    Expression replacement,
    String sqlText)
    implements Expression {

  public RuntimeReplaceable {
    shownArguments = List.copyOf(shownArguments);
  }

  public RuntimeReplaceable(
      String prettyName,
      List<Expression> shownArguments,
      boolean distinct,
      Expression replacement) {
    this(prettyName, shownArguments, distinct, replacement, null);
  }

  /**
   * A call shown as {@code sqlText} verbatim (its own syntax) that evaluates {@code replacement}.
   */
  public static RuntimeReplaceable shownAs(String sqlText, Expression replacement) {
    return new RuntimeReplaceable(sqlText, List.of(), false, replacement, sqlText);
  }

  @Override
  public List<Expression> children() {
    return List.of(replacement);
  }

  @Override
  public Expression withChildren(List<Expression> children) {
    return new RuntimeReplaceable(prettyName, shownArguments, distinct, children.get(0), sqlText);
  }

  @Override
  public DataType dataType() {
    return replacement.dataType();
  }

  @Override
  public boolean nullable() {
    return replacement.nullable();
  }

  @Override
  public boolean foldable() {
    return replacement.foldable();
  }

  @Override
  public String sql() {
    if (sqlText != null) return sqlText;
    return FunctionCall.callSql(prettyName, shownArguments, distinct);
  }

  @Override
  public String toString() {
    return sql();
  }
}
