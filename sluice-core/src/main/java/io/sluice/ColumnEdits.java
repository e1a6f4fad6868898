package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.logical.LogicalPlan;
import io.sluice.plan.logical.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The projections behind {@code withColumn(s)}, {@code withColumnRenamed}, {@code drop} and the key
 * lookup of {@code dropDuplicates}: they match names against the DataFrame's top-level columns
 * (case-insensitively unless the session is case-sensitive), as Spark does.
 */
final class ColumnEdits {
  private ColumnEdits() {}

  static LogicalPlan withColumns(DataFrame df, Map<String, Column> colsMap) {
    List<String> names = new ArrayList<>(colsMap.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (df.nameMatches(names.get(i), names.get(j))) {
          throw new AnalysisException(
              ErrorClass.COLUMN_ALREADY_EXISTS,
              SluiceException.params("columnName", "`" + names.get(i) + "`"));
        }
      }
    }
    List<NamedExpression> list = new ArrayList<>();
    boolean[] used = new boolean[names.size()];
    for (AttributeReference a : df.output()) {
      NamedExpression replacement = a;
      for (int i = 0; i < names.size(); i++) {
        if (df.nameMatches(a.name(), names.get(i))) {
          replacement = Alias.of(df.expr(colsMap.get(names.get(i))), names.get(i));
          used[i] = true;
        }
      }
      list.add(replacement);
    }
    for (int i = 0; i < names.size(); i++) {
      if (!used[i]) list.add(Alias.of(df.expr(colsMap.get(names.get(i))), names.get(i)));
    }
    return new Project(list, df.plan());
  }

  /** The renaming projection, or null when no name matches. */
  static LogicalPlan rename(DataFrame df, Map<String, String> colsMap) {
    List<NamedExpression> list = new ArrayList<>();
    boolean changed = false;
    for (AttributeReference a : df.output()) {
      NamedExpression e = a;
      for (Map.Entry<String, String> r : colsMap.entrySet()) {
        if (df.nameMatches(a.name(), r.getKey())) {
          e = Alias.of(a, r.getValue());
          changed = true;
        }
      }
      list.add(e);
    }
    return changed ? new Project(list, df.plan()) : null;
  }

  /** The projection without the named columns, or null when none matches. */
  static LogicalPlan dropNames(DataFrame df, String[] colNames) {
    List<NamedExpression> keep = new ArrayList<>();
    for (AttributeReference a : df.output()) {
      boolean dropped = false;
      for (String n : colNames) dropped |= df.nameMatches(a.name(), n);
      if (!dropped) keep.add(a);
    }
    return keep.size() == df.output().size() ? null : new Project(keep, df.plan());
  }

  /** The projection without the given columns, or null when none of them is the DataFrame's. */
  static LogicalPlan dropColumns(DataFrame df, List<Column> cols) {
    List<Long> ids = new ArrayList<>();
    for (Column c : cols) {
      Expression e =
          c.expr() instanceof AttributeReference
              ? c.expr()
              : ColumnResolver.tryResolveTopLevel(df, c.expr());
      if (e instanceof AttributeReference a) ids.add(a.exprId());
    }
    List<NamedExpression> keep = new ArrayList<>();
    for (AttributeReference a : df.output()) {
      if (!ids.contains(a.exprId())) keep.add(a);
    }
    return keep.size() == df.output().size() ? null : new Project(keep, df.plan());
  }

  /** Every column matching one of {@code colNames}; fails naming an unknown one. */
  static List<AttributeReference> keys(DataFrame df, List<String> colNames) {
    List<AttributeReference> keys = new ArrayList<>();
    for (String n : colNames) {
      boolean found = false;
      for (AttributeReference a : df.output()) {
        if (df.nameMatches(a.name(), n)) {
          if (!keys.contains(a)) keys.add(a);
          found = true;
        }
      }
      if (!found) {
        throw new AnalysisException(
            ErrorClass.UNRESOLVED_COLUMN_AMONG_FIELD_NAMES,
            SluiceException.params("colName", n, "fieldNames", String.join(", ", df.columns())));
      }
    }
    return keys;
  }
}
