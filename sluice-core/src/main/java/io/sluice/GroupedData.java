package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.UnresolvedAlias;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.plan.logical.Aggregate;
import io.sluice.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of a DataFrame grouped by some columns ({@link DataFrame#groupBy}), to be aggregated, as
 * Spark's {@code RelationalGroupedDataset}. The result has the grouping columns first, then one
 * column per aggregate, named as Spark names them: {@code count}, {@code sum(x)}, {@code avg(x)}...
 */
public final class GroupedData {
  private final DataFrame df;
  private final List<Expression> groupingExprs;
  private final List<Expression> grouping;

  GroupedData(DataFrame df, List<Expression> groupingExprs) {
    this(df, groupingExprs, groupingExprs);
  }

  /**
   * Grouped by {@code grouping} (a {@code ROLLUP} or {@code CUBE}), showing {@code groupingExprs}.
   */
  GroupedData(DataFrame df, List<Expression> groupingExprs, List<Expression> grouping) {
    this.df = df;
    this.groupingExprs = List.copyOf(groupingExprs);
    this.grouping = List.copyOf(grouping);
  }

  private DataFrame toDF(List<NamedExpression> aggregates) {
    List<NamedExpression> all = new ArrayList<>();
    for (Expression g : groupingExprs) {
      all.add(g instanceof NamedExpression n ? n : new UnresolvedAlias(g));
    }
    all.addAll(aggregates);
    return df.withPlan(new Aggregate(grouping, all, df.plan()));
  }

  /** Computes aggregate columns per group: {@code agg(max("a"), count("*").as("n"))}. */
  public DataFrame agg(Column expr, Column... exprs) {
    List<NamedExpression> list = new ArrayList<>();
    list.add(df.named(expr));
    for (Column c : exprs) list.add(df.named(c));
    return toDF(list);
  }

  /**
   * Computes, per group, the function named by each value on the column named by its key: {@code
   * Map.of("age", "max", "*", "count")}. Functions: {@code avg}/{@code mean}, {@code count}, {@code
   * sum}, {@code min}, {@code max} and any other aggregate the registry knows.
   */
  public DataFrame agg(Map<String, String> exprs) {
    List<NamedExpression> list = new ArrayList<>();
    for (Map.Entry<String, String> e : exprs.entrySet()) {
      Expression input = df.col(e.getKey()).expr();
      list.add(new UnresolvedAlias(aggregateByName(e.getValue(), input)));
    }
    return toDF(list);
  }

  private static Expression aggregateByName(String fn, Expression input) {
    String name = fn.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "avg", "average", "mean" -> new UnresolvedFunction("avg", List.of(input), false);
      case "stddev", "std" -> new UnresolvedFunction("stddev", List.of(input), false);
      case "count", "size" ->
          new UnresolvedFunction(
              "count", List.of(input instanceof UnresolvedStar ? Literal.of(1) : input), false);
      default -> new UnresolvedFunction(name, List.of(input), false);
    };
  }

  /** Number of rows per group, in a column named {@code count}. */
  public DataFrame count() {
    return toDF(
        List.of(Alias.of(new UnresolvedFunction("count", List.of(Literal.of(1)), false), "count")));
  }

  /** Sum per group of the named numeric columns (all numeric columns when none is named). */
  public DataFrame sum(String... colNames) {
    return numeric("sum", colNames);
  }

  /** Average per group of the named numeric columns (all when none is named). */
  public DataFrame avg(String... colNames) {
    return numeric("avg", colNames);
  }

  /** Same as {@link #avg}. */
  public DataFrame mean(String... colNames) {
    return numeric("avg", colNames);
  }

  /** Minimum per group of the named numeric columns (all when none is named). */
  public DataFrame min(String... colNames) {
    return numeric("min", colNames);
  }

  /** Maximum per group of the named numeric columns (all when none is named). */
  public DataFrame max(String... colNames) {
    return numeric("max", colNames);
  }

  private DataFrame numeric(String fn, String[] colNames) {
    List<Expression> inputs = new ArrayList<>();
    if (colNames.length == 0) {
      for (StructField f : df.schema().fields()) {
        if (f.dataType().isNumeric()) inputs.add(df.col(quote(f.name())).expr());
      }
    } else {
      for (String n : colNames) {
        Expression e = df.col(n).expr();
        if (!e.dataType().isNumeric()) {
          throw new AnalysisException(
              ErrorClass.AGGREGATE_ON_NON_NUMERIC_COLUMN,
              SluiceException.params("colName", "\"" + n + "\""));
        }
        inputs.add(e);
      }
    }
    List<NamedExpression> list = new ArrayList<>();
    for (Expression in : inputs) {
      list.add(new UnresolvedAlias(new UnresolvedFunction(fn, List.of(in), false)));
    }
    return toDF(list);
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
