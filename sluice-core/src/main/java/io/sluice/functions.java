package io.sluice;

import io.sluice.internal.Literals;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.CreateNamedStruct;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.sql.parser.SqlParser;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Functions that build {@link Column}s, as Spark's {@code org.apache.spark.sql.functions}.
 * Function calls become unresolved calls that the analyzer's function registry resolves (the
 * same registry serves SQL); structural expressions ({@code when}, {@code coalesce}, {@code
 * struct}) are built directly.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
  private functions() {}

  /**
   * The column named {@code name}: {@code a}, {@code t.a} or {@code a.b} (dots separate parts;
   * backquote a part that contains dots: {@code `a.b`}); {@code *} and {@code t.*} select all
   * columns (of {@code t}).
   */
  public static Column col(String name) {
    if (name.equals("*")) return new Column(new UnresolvedStar(List.of()));
    if (name.endsWith(".*")) {
      String target = name.substring(0, name.length() - 2);
      return new Column(new UnresolvedStar(UnresolvedAttribute.parseAttributeName(target)));
    }
    return new Column(UnresolvedAttribute.quoted(name));
  }

  /**
   * A column of a SQL expression: {@code expr("amount * 2 AS doubled")}, {@code expr("a.b[0]")};
   * names, functions and types are resolved when a DataFrame uses the column.
   */
  public static Column expr(String expr) {
    return new Column(new SqlParser().parseExpression(expr));
  }

  /** Same as {@link #col}. */
  public static Column column(String name) {
    return col(name);
  }

  /**
   * A literal column of a Java value: Integer → int, Long → bigint, String → string,
   * BigDecimal → decimal of its precision and scale, Date/LocalDate → date,
   * Timestamp/Instant → timestamp,
   * byte[] → binary, null → void; a Column is returned unchanged.
   */
  public static Column lit(Object value) {
    if (value instanceof Column c) return c;
    return new Column(Literals.of(value));
  }

  private static Column fn(String name, boolean distinct, Expression... args) {
    return new Column(new UnresolvedFunction(name, List.of(args), distinct));
  }

  /** Number of rows where {@code e} is not null; {@code count(col("*"))} counts all rows. */
  public static Column count(Column e) {
    if (e.expr() instanceof UnresolvedStar s && s.target().isEmpty()) {
      return fn("count", false, Literal.of(1));
    }
    return fn("count", false, e.expr());
  }

  /** {@code count(col(columnName))}; {@code count("*")} counts all rows ({@code count(1)}). */
  public static Column count(String columnName) {
    return count(col(columnName));
  }

  /** Number of distinct non-null combinations of the columns. */
  public static Column countDistinct(Column first, Column... rest) {
    Expression[] args = new Expression[rest.length + 1];
    args[0] = first.expr();
    for (int i = 0; i < rest.length; i++) args[i + 1] = rest[i].expr();
    return fn("count", true, args);
  }

  /** Number of distinct non-null combinations of the named columns. */
  public static Column countDistinct(String first, String... rest) {
    Column[] cols = new Column[rest.length];
    for (int i = 0; i < rest.length; i++) cols[i] = col(rest[i]);
    return countDistinct(col(first), cols);
  }

  /** Sum of the values of a group. */
  public static Column sum(Column e) {
    return fn("sum", false, e.expr());
  }

  /** Sum of the values of the named column. */
  public static Column sum(String columnName) {
    return sum(col(columnName));
  }

  /** Sum of the distinct values of a group. */
  public static Column sum_distinct(Column e) {
    return fn("sum", true, e.expr());
  }

  /** Average of the values of a group. */
  public static Column avg(Column e) {
    return fn("avg", false, e.expr());
  }

  /** Average of the values of the named column. */
  public static Column avg(String columnName) {
    return avg(col(columnName));
  }

  /** Average of the values of a group (named {@code avg(x)}, as in Spark). */
  public static Column mean(Column e) {
    return avg(e);
  }

  /** Average of the values of the named column. */
  public static Column mean(String columnName) {
    return avg(columnName);
  }

  /** Minimum of the values of a group. */
  public static Column min(Column e) {
    return fn("min", false, e.expr());
  }

  /** Minimum of the values of the named column. */
  public static Column min(String columnName) {
    return min(col(columnName));
  }

  /** Maximum of the values of a group. */
  public static Column max(Column e) {
    return fn("max", false, e.expr());
  }

  /** Maximum of the values of the named column. */
  public static Column max(String columnName) {
    return max(col(columnName));
  }

  /**
   * {@code CASE WHEN condition THEN value END}; chain {@link Column#when} and {@link
   * Column#otherwise}. Rows no branch matches are null unless {@code otherwise} is given.
   */
  public static Column when(Column condition, Object value) {
    return new Column(new CaseWhen(
        List.of(new CaseWhen.Branch(condition.expr(), Column.exprOf(value))), null));
  }

  /** The first non-null value among the columns. */
  public static Column coalesce(Column... cols) {
    return new Column(new Coalesce(Column.exprs(cols)));
  }

  /**
   * A struct of the columns; fields are named after the columns ({@code a} for {@code
   * col("a")}, the alias of an aliased column, else {@code col1}, {@code col2}...).
   */
  public static Column struct(Column... cols) {
    List<String> names = new ArrayList<>(cols.length);
    List<Expression> values = new ArrayList<>(cols.length);
    for (int i = 0; i < cols.length; i++) {
      Expression e = cols[i].expr();
      names.add(fieldName(e, i));
      values.add(e instanceof Alias a ? a.child() : e);
    }
    return new Column(new CreateNamedStruct(names, values, "struct"));
  }

  /** A struct of the named columns. */
  public static Column struct(String first, String... rest) {
    Column[] cols = new Column[rest.length + 1];
    cols[0] = col(first);
    for (int i = 0; i < rest.length; i++) cols[i + 1] = col(rest[i]);
    return struct(cols);
  }

  private static String fieldName(Expression e, int index) {
    if (e instanceof UnresolvedAttribute u) return u.nameParts().get(u.nameParts().size() - 1);
    if (e instanceof Alias a) return a.name();
    if (e instanceof AttributeReference a) return a.name();
    return "col" + (index + 1);
  }

  /** {@code -e}. */
  public static Column negate(Column e) {
    return new Column(new UnaryMinus(e.expr(), EvalMode.ANSI));
  }

  /** {@code NOT e}. */
  public static Column not(Column e) {
    return new Column(new Not(e.expr()));
  }

  /** Calls a built-in function by its registry name, as Spark's {@code call_function}. */
  public static Column call_function(String funcName, Column... cols) {
    Expression[] args = new Expression[cols.length];
    for (int i = 0; i < cols.length; i++) args[i] = cols[i].expr();
    return fn(funcName, false, args);
  }

  /** The string in upper case. */
  public static Column upper(Column e) {
    return fn("upper", false, e.expr());
  }

  /** The string in lower case. */
  public static Column lower(Column e) {
    return fn("lower", false, e.expr());
  }

  /** {@code e IS NULL}. */
  public static Column isnull(Column e) {
    return new Column(new IsNull(e.expr()));
  }

  /** Ascending order of the named column, nulls first. */
  public static Column asc(String columnName) {
    return new Column(SortOrder.asc(col(columnName).expr()));
  }

  /** Ascending order of the named column, nulls last. */
  public static Column asc_nulls_last(String columnName) {
    return col(columnName).asc_nulls_last();
  }

  /** Descending order of the named column, nulls last. */
  public static Column desc(String columnName) {
    return new Column(SortOrder.desc(col(columnName).expr()));
  }

  /** Descending order of the named column, nulls first. */
  public static Column desc_nulls_first(String columnName) {
    return col(columnName).desc_nulls_first();
  }

  // ---- JSON functions ----

  /**
   * Parses a JSON string column into a struct of {@code schema}; malformed records give a
   * struct of nulls (mode PERMISSIVE, the default).
   */
  public static Column from_json(Column e, StructType schema) {
    return from_json(e, (DataType) schema, Map.of());
  }

  /**
   * Parses a JSON string column into a struct of {@code schema}, with the JSON source's parse
   * options ({@code mode}: PERMISSIVE or FAILFAST, {@code columnNameOfCorruptRecord}, {@code
   * timestampFormat}, {@code dateFormat}, {@code allowComments}...).
   */
  public static Column from_json(Column e, StructType schema, Map<String, String> options) {
    return from_json(e, (DataType) schema, options);
  }

  /** Parses a JSON string column into a struct, array or map of {@code schema}. */
  public static Column from_json(Column e, DataType schema) {
    return from_json(e, schema, Map.of());
  }

  /** Parses a JSON string column into a struct, array or map of {@code schema}, with options. */
  public static Column from_json(Column e, DataType schema, Map<String, String> options) {
    String ddl = schema instanceof StructType s ? s.toDDL() : schema.sql();
    return from_json(e, lit(ddl), options);
  }

  /**
   * Parses a JSON string column with a schema in DDL ({@code "a INT, b ARRAY<STRING>"} or a type
   * such as {@code "MAP<STRING, INT>"}), with options.
   */
  public static Column from_json(Column e, String schema, Map<String, String> options) {
    return from_json(e, lit(schema), options);
  }

  /**
   * Parses a JSON string column with a constant schema column: a DDL string, or {@link
   * #schema_of_json(String)}.
   */
  public static Column from_json(Column e, Column schema) {
    return fn("from_json", false, e.expr(), schema.expr());
  }

  /** Parses a JSON string column with a constant schema column and options. */
  public static Column from_json(Column e, Column schema, Map<String, String> options) {
    return fn("from_json", false, e.expr(), schema.expr(), optionsLiteral(options));
  }

  /** A struct, array or map column as JSON text (null fields are left out of objects). */
  public static Column to_json(Column e) {
    return fn("to_json", false, e.expr());
  }

  /**
   * A struct, array or map column as JSON text, with options ({@code timestampFormat}, {@code
   * dateFormat}, {@code timeZone}, {@code ignoreNullFields}, {@code pretty}).
   */
  public static Column to_json(Column e, Map<String, String> options) {
    return fn("to_json", false, e.expr(), optionsLiteral(options));
  }

  /** The schema of a JSON text, in DDL such as {@code STRUCT<a: BIGINT, b: STRING>}. */
  public static Column schema_of_json(String json) {
    return schema_of_json(lit(json));
  }

  /** The schema of a constant JSON column, in DDL. */
  public static Column schema_of_json(Column json) {
    return fn("schema_of_json", false, json.expr());
  }

  /** The schema of a constant JSON column, in DDL, with parse options. */
  public static Column schema_of_json(Column json, Map<String, String> options) {
    return fn("schema_of_json", false, json.expr(), optionsLiteral(options));
  }

  /**
   * The JSON value at {@code path} ({@code $.a.b}, {@code $.a[0]}, {@code $['a']}, {@code
   * $.a[*]}) of a JSON string column: strings without quotes, other values as JSON; null when
   * nothing matches or the JSON is malformed.
   */
  public static Column get_json_object(Column e, String path) {
    return fn("get_json_object", false, e.expr(), Literal.of(path));
  }

  /** An options map as a {@code MAP<STRING, STRING>} literal, in the map's order. */
  private static Literal optionsLiteral(Map<String, String> options) {
    Object[] keys = new Object[options.size()];
    Object[] values = new Object[options.size()];
    int i = 0;
    for (Map.Entry<String, String> o : options.entrySet()) {
      keys[i] = o.getKey();
      values[i++] = o.getValue();
    }
    return new Literal(new io.sluice.exec.vector.MapValue(keys, values),
        new io.sluice.types.MapType(io.sluice.types.DataTypes.StringType,
            io.sluice.types.DataTypes.StringType, true));
  }
}
