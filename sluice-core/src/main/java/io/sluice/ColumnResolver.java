package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import java.util.List;

/**
 * Binds {@code df.col(name)} to the DataFrame's analyzed columns. A plain or qualified name of one
 * top-level column is looked up directly; anything else (struct fields, ambiguous or unknown names)
 * goes through the analyzer, which resolves it or raises the usual error.
 */
final class ColumnResolver {
  private ColumnResolver() {}

  static Expression resolve(DataFrame df, String colName) {
    if (colName.equals("*") || colName.endsWith(".*")) return functions.col(colName).expr();
    List<String> parts = UnresolvedAttribute.parseAttributeName(colName);
    AttributeReference a = findTopLevel(df, parts);
    if (a != null) return a;
    LogicalPlan analyzed =
        df.sparkSession().analyze(new Project(List.of(new UnresolvedAttribute(parts)), df.plan()));
    if (analyzed instanceof Project p && p.projectList().size() == 1) {
      NamedExpression e = p.projectList().get(0);
      return e;
    }
    throw new SluiceRuntimeException(
        ErrorClass.INTERNAL_ERROR,
        SluiceException.params(
            "message", "Resolving column " + colName + " gave " + analyzed.treeString()));
  }

  /** The top-level column an unresolved attribute names, or null. */
  static Expression tryResolveTopLevel(DataFrame df, Expression e) {
    return e instanceof UnresolvedAttribute u ? findTopLevel(df, u.nameParts()) : null;
  }

  /** The one column named {@code parts} ({@code name} or {@code qualifier.name}), or null. */
  private static AttributeReference findTopLevel(DataFrame df, List<String> parts) {
    if (parts.size() > 2) return null;
    String name = parts.get(parts.size() - 1);
    AttributeReference found = null;
    for (AttributeReference a : df.output()) {
      boolean match =
          df.nameMatches(a.name(), name)
              && (parts.size() == 1
                  || !a.qualifier().isEmpty()
                      && df.nameMatches(a.qualifier().get(a.qualifier().size() - 1), parts.get(0)));
      if (match) {
        if (found != null) return null;
        found = a;
      }
    }
    return found;
  }
}
