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
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.plan.expr.UnresolvedFunction;
import io.sluice.plan.expr.UnresolvedNamedLambdaVariable;
import io.sluice.plan.expr.UnresolvedStar;
import io.sluice.sql.parser.SqlParser;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Functions that build {@link Column}s, as Spark's {@code org.apache.spark.sql.functions}. Function
 * calls become unresolved calls that the analyzer's function registry resolves (the same registry
 * serves SQL); structural expressions ({@code when}, {@code coalesce}, {@code struct}) are built
 * directly.
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
   * names, functions and types are resolved when a DataFrame uses the column. Typed literals such
   * as {@code TIMESTAMP '...'} are read in the time zone of the active session, if any.
   */
  public static Column expr(String expr) {
    SqlParser parser =
        Session.getActiveSession()
            .or(Session::getDefaultSession)
            .map(Session::sqlParser)
            .orElseGet(SqlParser::new);
    return new Column(parser.parseExpression(expr));
  }

  /** Same as {@link #col}. */
  public static Column column(String name) {
    return col(name);
  }

  /**
   * A literal column of a Java value: Integer → int, Long → bigint, String → string, BigDecimal →
   * decimal of its precision and scale, Date/LocalDate → date, Timestamp/Instant → timestamp,
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
    return new Column(
        new CaseWhen(List.of(new CaseWhen.Branch(condition.expr(), Column.exprOf(value))), null));
  }

  /** The first non-null value among the columns. */
  public static Column coalesce(Column... cols) {
    return new Column(new Coalesce(Column.exprs(cols)));
  }

  /**
   * A struct of the columns; fields are named after the columns ({@code a} for {@code col("a")},
   * the alias of an aliased column, else {@code col1}, {@code col2}...).
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

  // ---- collection functions ----

  /** A column of arrays of the columns' values (cast to their common type). */
  public static Column array(Column... cols) {
    return fn("array", false, Column.exprs(cols).toArray(new Expression[0]));
  }

  /** An array of the named columns' values. */
  public static Column array(String colName, String... colNames) {
    return array(named(colName, colNames));
  }

  /** A map from alternating keys and values: {@code map(k1, v1, k2, v2, ...)}. */
  public static Column map(Column... cols) {
    return fn("map", false, Column.exprs(cols).toArray(new Expression[0]));
  }

  /** A struct from alternating field names (string literals) and values. */
  public static Column named_struct(Column... cols) {
    return fn("named_struct", false, Column.exprs(cols).toArray(new Expression[0]));
  }

  /** A map from an array of keys and an array of values. */
  public static Column map_from_arrays(Column keys, Column values) {
    return fn("map_from_arrays", false, keys.expr(), values.expr());
  }

  /** The keys of a map, as an array. */
  public static Column map_keys(Column e) {
    return fn("map_keys", false, e.expr());
  }

  /** The values of a map, as an array. */
  public static Column map_values(Column e) {
    return fn("map_values", false, e.expr());
  }

  /** Number of elements of an array or entries of a map; null (or -1, legacy) for null. */
  public static Column size(Column e) {
    return fn("size", false, e.expr());
  }

  /** Same as {@link #size}. */
  public static Column cardinality(Column e) {
    return fn("cardinality", false, e.expr());
  }

  /**
   * The element at a 1-based index of an array (negative counts from the end), or the value of a
   * key of a map.
   */
  public static Column element_at(Column column, Object value) {
    return fn("element_at", false, column.expr(), lit(value).expr());
  }

  /** Whether the array contains the value (null if not found but the array has a null). */
  public static Column array_contains(Column column, Object value) {
    return fn("array_contains", false, column.expr(), lit(value).expr());
  }

  /** The array without duplicate values. */
  public static Column array_distinct(Column e) {
    return fn("array_distinct", false, e.expr());
  }

  /** The array's non-null elements joined by {@code delimiter}. */
  public static Column array_join(Column column, String delimiter) {
    return fn("array_join", false, column.expr(), Literal.of(delimiter));
  }

  /** The array's elements joined by {@code delimiter}, nulls as {@code nullReplacement}. */
  public static Column array_join(Column column, String delimiter, String nullReplacement) {
    return fn(
        "array_join", false, column.expr(), Literal.of(delimiter), Literal.of(nullReplacement));
  }

  /** The array sorted ascending, nulls last. */
  public static Column array_sort(Column e) {
    return fn("array_sort", false, e.expr());
  }

  /**
   * The array sorted by a comparator returning a negative, zero or positive int for less, equal,
   * greater.
   */
  public static Column array_sort(Column e, BiFunction<Column, Column, Column> comparator) {
    return fn("array_sort", false, e.expr(), lambda(comparator));
  }

  /** The array sorted ascending, nulls first. */
  public static Column sort_array(Column e) {
    return sort_array(e, true);
  }

  /** The array sorted ascending (nulls first) or descending (nulls last). */
  public static Column sort_array(Column e, boolean asc) {
    return fn("sort_array", false, e.expr(), Literal.of(asc));
  }

  /** {@code length} elements from the 1-based {@code start} (negative: from the end). */
  public static Column slice(Column x, int start, int length) {
    return slice(x, lit(start), lit(length));
  }

  /** {@code length} elements from the 1-based {@code start} (negative: from the end). */
  public static Column slice(Column x, Column start, Column length) {
    return fn("slice", false, x.expr(), start.expr(), length.expr());
  }

  /** The elements of an array of arrays, in one array. */
  public static Column flatten(Column e) {
    return fn("flatten", false, e.expr());
  }

  /** One row per element (column {@code col}) or map entry ({@code key}, {@code value}). */
  public static Column explode(Column e) {
    return fn("explode", false, e.expr());
  }

  /** As {@link #explode}, with a row of nulls for a null or empty input. */
  public static Column explode_outer(Column e) {
    return fn("explode_outer", false, e.expr());
  }

  /** As {@link #explode}, with the element's position first ({@code pos}). */
  public static Column posexplode(Column e) {
    return fn("posexplode", false, e.expr());
  }

  /** As {@link #posexplode}, with a row of nulls for a null or empty input. */
  public static Column posexplode_outer(Column e) {
    return fn("posexplode_outer", false, e.expr());
  }

  /** One row per struct of an array of structs, one column per field. */
  public static Column inline(Column e) {
    return fn("inline", false, e.expr());
  }

  /** As {@link #inline}, with a row of nulls for a null or empty input. */
  public static Column inline_outer(Column e) {
    return fn("inline_outer", false, e.expr());
  }

  /** The array with {@code f} applied to every element. */
  public static Column transform(Column column, Function<Column, Column> f) {
    return fn("transform", false, column.expr(), lambda(f));
  }

  /** The array with {@code f(element, index)} applied to every element. */
  public static Column transform(Column column, BiFunction<Column, Column, Column> f) {
    return fn("transform", false, column.expr(), lambda(f));
  }

  /** The elements for which {@code f} is true. */
  public static Column filter(Column column, Function<Column, Column> f) {
    return fn("filter", false, column.expr(), lambda(f));
  }

  /** The elements for which {@code f(element, index)} is true. */
  public static Column filter(Column column, BiFunction<Column, Column, Column> f) {
    return fn("filter", false, column.expr(), lambda(f));
  }

  /** Whether {@code f} is true for some element (null if undecided because of nulls). */
  public static Column exists(Column column, Function<Column, Column> f) {
    return fn("exists", false, column.expr(), lambda(f));
  }

  /** Whether {@code f} is true for every element (null if undecided because of nulls). */
  public static Column forall(Column column, Function<Column, Column> f) {
    return fn("forall", false, column.expr(), lambda(f));
  }

  /** Folds the array from {@code initialValue} with {@code merge(acc, element)}. */
  public static Column aggregate(
      Column expr, Column initialValue, BiFunction<Column, Column, Column> merge) {
    return fn("aggregate", false, expr.expr(), initialValue.expr(), lambda(merge));
  }

  /** Folds the array with {@code merge}, then applies {@code finish} to the result. */
  public static Column aggregate(
      Column expr,
      Column initialValue,
      BiFunction<Column, Column, Column> merge,
      Function<Column, Column> finish) {
    return fn("aggregate", false, expr.expr(), initialValue.expr(), lambda(merge), lambda(finish));
  }

  /** Merges two arrays element-wise with {@code f}; the shorter is padded with nulls. */
  public static Column zip_with(Column left, Column right, BiFunction<Column, Column, Column> f) {
    return fn("zip_with", false, left.expr(), right.expr(), lambda(f));
  }

  private static Column[] named(String first, String... rest) {
    Column[] cols = new Column[rest.length + 1];
    cols[0] = col(first);
    for (int i = 0; i < rest.length; i++) cols[i + 1] = col(rest[i]);
    return cols;
  }

  /** A lambda with a fresh variable name no column can capture, as Spark's API builds it. */
  private static Expression lambda(Function<Column, Column> f) {
    UnresolvedNamedLambdaVariable x = UnresolvedNamedLambdaVariable.fresh("x");
    return new LambdaFunction(f.apply(new Column(x)).expr(), List.of(x));
  }

  private static Expression lambda(BiFunction<Column, Column, Column> f) {
    UnresolvedNamedLambdaVariable x = UnresolvedNamedLambdaVariable.fresh("x");
    UnresolvedNamedLambdaVariable y = UnresolvedNamedLambdaVariable.fresh("y");
    return new LambdaFunction(f.apply(new Column(x), new Column(y)).expr(), List.of(x, y));
  }

  // ---- string, hash and misc functions ----

  /** A call of a string/hash/misc function; arguments are Columns or literal values. */
  private static Column strFn(String name, Object... args) {
    Expression[] exprs = new Expression[args.length];
    for (int i = 0; i < args.length; i++) exprs[i] = lit(args[i]).expr();
    return fn(name, false, exprs);
  }

  private static Object[] prepend(Object first, Column[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** The string in upper case (alias of {@link #upper}). */
  public static Column ucase(Column str) {
    return strFn("ucase", str);
  }

  /** The string in lower case (alias of {@link #lower}). */
  public static Column lcase(Column str) {
    return strFn("lcase", str);
  }

  /** Each word's first letter in upper case, the others in lower case (words split at spaces). */
  public static Column initcap(Column e) {
    return strFn("initcap", e);
  }

  /** The concatenation of the values; null if any is null. Strings, binaries or arrays. */
  public static Column concat(Column... exprs) {
    return strFn("concat", (Object[]) exprs);
  }

  /** The strings (or arrays of strings) joined by {@code sep}, skipping nulls. */
  public static Column concat_ws(String sep, Column... exprs) {
    return strFn("concat_ws", prepend(sep, exprs));
  }

  /** Characters of a string, bytes of a binary. */
  public static Column length(Column e) {
    return strFn("length", e);
  }

  /** Same as {@link #length}. */
  public static Column len(Column e) {
    return strFn("len", e);
  }

  /** Same as {@link #length}. */
  public static Column char_length(Column str) {
    return strFn("char_length", str);
  }

  /** Same as {@link #length}. */
  public static Column character_length(Column str) {
    return strFn("character_length", str);
  }

  /** Bytes of a string or binary. */
  public static Column octet_length(Column e) {
    return strFn("octet_length", e);
  }

  /** Bits of a string or binary. */
  public static Column bit_length(Column e) {
    return strFn("bit_length", e);
  }

  /**
   * {@code len} characters from 1-based position {@code pos} (counted from the end when negative);
   * bytes of a binary.
   */
  public static Column substring(Column str, int pos, int len) {
    return strFn("substring", str, pos, len);
  }

  /** {@link #substring} with column arguments. */
  public static Column substring(Column str, Column pos, Column len) {
    return strFn("substring", str, pos, len);
  }

  /** {@code str} from position {@code pos} on. */
  public static Column substr(Column str, Column pos) {
    return strFn("substr", str, pos);
  }

  /** Same as {@link #substring(Column, Column, Column)}, named {@code substr}. */
  public static Column substr(Column str, Column pos, Column len) {
    return strFn("substr", str, pos, len);
  }

  /** The first {@code len} characters. */
  public static Column left(Column str, Column len) {
    return strFn("left", str, len);
  }

  /** The last {@code len} characters; empty when {@code len <= 0}. */
  public static Column right(Column str, Column len) {
    return strFn("right", str, len);
  }

  /** Without leading and trailing spaces. */
  public static Column trim(Column e) {
    return strFn("trim", e);
  }

  /** Without leading and trailing characters of {@code trimString}. */
  public static Column trim(Column e, String trimString) {
    return strFn("trim", trimString, e);
  }

  /** Without leading spaces. */
  public static Column ltrim(Column e) {
    return strFn("ltrim", e);
  }

  /** Without leading characters of {@code trimString}. */
  public static Column ltrim(Column e, String trimString) {
    return strFn("ltrim", trimString, e);
  }

  /** Without trailing spaces. */
  public static Column rtrim(Column e) {
    return strFn("rtrim", e);
  }

  /** Without trailing characters of {@code trimString}. */
  public static Column rtrim(Column e, String trimString) {
    return strFn("rtrim", trimString, e);
  }

  /** Without leading and trailing spaces. */
  public static Column btrim(Column str) {
    return strFn("btrim", str);
  }

  /** Without leading and trailing characters of {@code trim}. */
  public static Column btrim(Column str, Column trim) {
    return strFn("btrim", str, trim);
  }

  /** Left-padded with {@code pad} (or cut) to {@code len} characters. */
  public static Column lpad(Column str, int len, String pad) {
    return strFn("lpad", str, len, pad);
  }

  /** Left-padded with the bytes {@code pad} (or cut) to {@code len} bytes. */
  public static Column lpad(Column str, int len, byte[] pad) {
    return strFn("lpad", str, len, pad);
  }

  /** {@link #lpad(Column, int, String)} with column arguments. */
  public static Column lpad(Column str, Column len, Column pad) {
    return strFn("lpad", str, len, pad);
  }

  /** Right-padded with {@code pad} (or cut) to {@code len} characters. */
  public static Column rpad(Column str, int len, String pad) {
    return strFn("rpad", str, len, pad);
  }

  /** Right-padded with the bytes {@code pad} (or cut) to {@code len} bytes. */
  public static Column rpad(Column str, int len, byte[] pad) {
    return strFn("rpad", str, len, pad);
  }

  /** {@link #rpad(Column, int, String)} with column arguments. */
  public static Column rpad(Column str, Column len, Column pad) {
    return strFn("rpad", str, len, pad);
  }

  /** An array of the parts of {@code str} around matches of the Java regex {@code pattern}. */
  public static Column split(Column str, String pattern) {
    return strFn("split", str, pattern);
  }

  /** {@link #split(Column, String)} with at most {@code limit} parts when it is positive. */
  public static Column split(Column str, String pattern, int limit) {
    return strFn("split", str, pattern, limit);
  }

  /** {@link #split(Column, String)} with column arguments. */
  public static Column split(Column str, Column pattern) {
    return strFn("split", str, pattern);
  }

  /** {@link #split(Column, String, int)} with column arguments. */
  public static Column split(Column str, Column pattern, Column limit) {
    return strFn("split", str, pattern, limit);
  }

  /** Group {@code groupIdx} of the first match of {@code exp}, "" when nothing matches. */
  public static Column regexp_extract(Column e, String exp, int groupIdx) {
    return strFn("regexp_extract", e, exp, groupIdx);
  }

  /** Group 1 of every match of {@code regexp}, as an array. */
  public static Column regexp_extract_all(Column str, Column regexp) {
    return strFn("regexp_extract_all", str, regexp);
  }

  /** Group {@code idx} of every match of {@code regexp}, as an array. */
  public static Column regexp_extract_all(Column str, Column regexp, Column idx) {
    return strFn("regexp_extract_all", str, regexp, idx);
  }

  /** Every match of {@code pattern} replaced ({@code $1} names a group). */
  public static Column regexp_replace(Column e, String pattern, String replacement) {
    return strFn("regexp_replace", e, pattern, replacement);
  }

  /** {@link #regexp_replace(Column, String, String)} with column arguments. */
  public static Column regexp_replace(Column e, Column pattern, Column replacement) {
    return strFn("regexp_replace", e, pattern, replacement);
  }

  /** Whether the Java regex {@code regexp} matches somewhere in {@code str}. */
  public static Column rlike(Column str, Column regexp) {
    return strFn("rlike", str, regexp);
  }

  /** Same as {@link #rlike}. */
  public static Column regexp(Column str, Column regexp) {
    return strFn("regexp", str, regexp);
  }

  /** Same as {@link #rlike}. */
  public static Column regexp_like(Column str, Column regexp) {
    return strFn("regexp_like", str, regexp);
  }

  /** SQL LIKE: {@code _} one character, {@code %} any; {@code \} escapes. */
  public static Column like(Column str, Column pattern) {
    return strFn("like", str, pattern);
  }

  /** SQL LIKE with the escape character {@code escapeChar}. */
  public static Column like(Column str, Column pattern, Column escapeChar) {
    return strFn("like", str, pattern, escapeChar);
  }

  /** Case-insensitive LIKE. */
  public static Column ilike(Column str, Column pattern) {
    return strFn("ilike", str, pattern);
  }

  /** Case-insensitive LIKE with the escape character {@code escapeChar}. */
  public static Column ilike(Column str, Column pattern, Column escapeChar) {
    return strFn("ilike", str, pattern, escapeChar);
  }

  /** 1-based position of the first {@code substring} in {@code str}, 0 if absent. */
  public static Column instr(Column str, String substring) {
    return strFn("instr", str, substring);
  }

  /** {@link #instr(Column, String)} with a column argument. */
  public static Column instr(Column str, Column substring) {
    return strFn("instr", str, substring);
  }

  /** 1-based position of the first {@code substr} in {@code str}, 0 if absent. */
  public static Column locate(String substr, Column str) {
    return strFn("locate", substr, str);
  }

  /** 1-based position of the first {@code substr} in {@code str} at or after {@code pos}. */
  public static Column locate(String substr, Column str, int pos) {
    return strFn("locate", substr, str, pos);
  }

  /** Same as {@link #locate(String, Column)}, named {@code position}. */
  public static Column position(Column substr, Column str) {
    return strFn("position", substr, str);
  }

  /** Same as {@link #locate(String, Column, int)}, named {@code position}. */
  public static Column position(Column substr, Column str, Column start) {
    return strFn("position", substr, str, start);
  }

  /** Every {@code search} in {@code src} removed. */
  public static Column replace(Column src, Column search) {
    return strFn("replace", src, search);
  }

  /** Every {@code search} in {@code src} replaced by {@code replace}. */
  public static Column replace(Column src, Column search, Column replace) {
    return strFn("replace", src, search, replace);
  }

  /** The characters of a string (or the elements of an array) in reverse order. */
  public static Column reverse(Column e) {
    return strFn("reverse", e);
  }

  /**
   * The part of {@code str} before the {@code count}-th {@code delim} (after the {@code -count}-th
   * from the right when negative).
   */
  public static Column substring_index(Column str, String delim, int count) {
    return strFn("substring_index", str, delim, count);
  }

  /** The string {@code n} times. */
  public static Column repeat(Column str, int n) {
    return strFn("repeat", str, n);
  }

  /** {@link #repeat(Column, int)} with a column argument. */
  public static Column repeat(Column str, Column n) {
    return strFn("repeat", str, n);
  }

  /** The code point of the first character, 0 for an empty string. */
  public static Column ascii(Column e) {
    return strFn("ascii", e);
  }

  /** Characters of {@code matchingString} replaced by those of {@code replaceString}. */
  public static Column translate(Column src, String matchingString, String replaceString) {
    return strFn("translate", src, matchingString, replaceString);
  }

  /** printf-style formatting (Java's {@code Formatter}, US locale). */
  public static Column format_string(String format, Column... arguments) {
    return strFn("format_string", prepend(format, arguments));
  }

  /** Same as {@link #format_string}, named {@code printf}. */
  public static Column printf(Column format, Column... arguments) {
    return strFn("printf", prepend(format, arguments));
  }

  /** {@code x} as {@code #,###,##0.00} with {@code d} decimal places (HALF_EVEN rounding). */
  public static Column format_number(Column x, int d) {
    return strFn("format_number", x, d);
  }

  /** Whether {@code str} starts with {@code prefix} (strings or binaries). */
  public static Column startswith(Column str, Column prefix) {
    return strFn("startswith", str, prefix);
  }

  /** Whether {@code str} ends with {@code suffix} (strings or binaries). */
  public static Column endswith(Column str, Column suffix) {
    return strFn("endswith", str, suffix);
  }

  /** Whether {@code right} occurs in {@code left} (strings or binaries). */
  public static Column contains(Column left, Column right) {
    return strFn("contains", left, right);
  }

  /** Null when {@code col1} equals {@code col2}, else {@code col1}. */
  public static Column nullif(Column col1, Column col2) {
    return strFn("nullif", col1, col2);
  }

  /** The type of the value as a DDL string ({@code int}, {@code array<string>}). */
  public static Column typeof(Column col) {
    return strFn("typeof", col);
  }

  /** Spark's Murmur3 hash (seed 42) of the values, an int. */
  public static Column hash(Column... cols) {
    return strFn("hash", (Object[]) cols);
  }

  /** Spark's xxHash64 (seed 42) of the values, a bigint. */
  public static Column xxhash64(Column... cols) {
    return strFn("xxhash64", (Object[]) cols);
  }

  /** MD5 of a binary (or string) as 32 hex digits. */
  public static Column md5(Column e) {
    return strFn("md5", e);
  }

  /** SHA-1 of a binary (or string) as 40 hex digits. */
  public static Column sha1(Column e) {
    return strFn("sha1", e);
  }

  /** SHA-2 ({@code numBits} 224, 256, 384, 512 or 0 for 256) as hex; null for other sizes. */
  public static Column sha2(Column e, int numBits) {
    return strFn("sha2", e, numBits);
  }

  /** CRC-32 of a binary (or string), a bigint. */
  public static Column crc32(Column e) {
    return strFn("crc32", e);
  }

  /** A random UUID string per row. */
  public static Column uuid() {
    return strFn("uuid");
  }

  /** Increasing, unique ids: the partition index in the upper 31 bits, the row number below. */
  public static Column monotonically_increasing_id() {
    return strFn("monotonically_increasing_id");
  }

  /** The index of the partition the row is processed in. */
  public static Column spark_partition_id() {
    return strFn("spark_partition_id");
  }

  /** The URI of the file the row was read from ({@code file:///...}); "" for other inputs. */
  public static Column input_file_name() {
    return strFn("input_file_name");
  }

  /** The start offset of the file block the row was read from; -1 for other inputs. */
  public static Column input_file_block_start() {
    return strFn("input_file_block_start");
  }

  /** The length of the file block the row was read from; -1 for other inputs. */
  public static Column input_file_block_length() {
    return strFn("input_file_block_length");
  }

  // ---- date and time functions ----

  /** The current date in the session time zone, the same for the whole query execution. */
  public static Column current_date() {
    return fn("current_date", false);
  }

  /** The current instant, the same for the whole query execution. */
  public static Column current_timestamp() {
    return fn("current_timestamp", false);
  }

  /** Same as {@link #current_timestamp()}, named {@code now()}. */
  public static Column now() {
    return fn("now", false);
  }

  /** {@code CAST(s AS TIMESTAMP)}, named {@code to_timestamp(s)}. */
  public static Column to_timestamp(Column s) {
    return fn("to_timestamp", false, s.expr());
  }

  /** Parses {@code s} with a Spark datetime pattern; null (or an ANSI error) when it fails. */
  public static Column to_timestamp(Column s, String fmt) {
    return fn("to_timestamp", false, s.expr(), Literal.of(fmt));
  }

  /** {@code CAST(e AS DATE)}, named {@code to_date(e)}. */
  public static Column to_date(Column e) {
    return fn("to_date", false, e.expr());
  }

  /** Parses {@code e} with a Spark datetime pattern to a date. */
  public static Column to_date(Column e, String fmt) {
    return fn("to_date", false, e.expr(), Literal.of(fmt));
  }

  /** Formats a timestamp (or date) with a Spark datetime pattern in the session time zone. */
  public static Column date_format(Column dateExpr, String format) {
    return fn("date_format", false, dateExpr.expr(), Literal.of(format));
  }

  /** The year of a date. */
  public static Column year(Column e) {
    return fn("year", false, e.expr());
  }

  /** The quarter (1-4) of a date. */
  public static Column quarter(Column e) {
    return fn("quarter", false, e.expr());
  }

  /** The month (1-12) of a date. */
  public static Column month(Column e) {
    return fn("month", false, e.expr());
  }

  /** The day of the month of a date. */
  public static Column dayofmonth(Column e) {
    return fn("dayofmonth", false, e.expr());
  }

  /** The day of the month of a date, named {@code day(e)}. */
  public static Column day(Column e) {
    return fn("day", false, e.expr());
  }

  /** The day of the week of a date: 1 = Sunday ... 7 = Saturday. */
  public static Column dayofweek(Column e) {
    return fn("dayofweek", false, e.expr());
  }

  /** The day of the year (1-366) of a date. */
  public static Column dayofyear(Column e) {
    return fn("dayofyear", false, e.expr());
  }

  /** The hour of a timestamp in the session time zone. */
  public static Column hour(Column e) {
    return fn("hour", false, e.expr());
  }

  /** The minute of a timestamp in the session time zone. */
  public static Column minute(Column e) {
    return fn("minute", false, e.expr());
  }

  /** The second of a timestamp. */
  public static Column second(Column e) {
    return fn("second", false, e.expr());
  }

  /**
   * 1 when {@code e} is aggregated over in the row's grouping set of a {@code rollup}, {@code cube}
   * or {@code GROUPING SETS}, else 0 (a tinyint).
   */
  public static Column grouping(Column e) {
    return fn("grouping", false, e.expr());
  }

  /** {@link #grouping} by column name. */
  public static Column grouping(String columnName) {
    return grouping(col(columnName));
  }

  /**
   * The grouping bits of the columns (of every grouping column when none is given), the first the
   * most significant, as a bigint.
   */
  public static Column grouping_id(Column... cols) {
    Expression[] args = new Expression[cols.length];
    for (int i = 0; i < cols.length; i++) args[i] = cols[i].expr();
    return fn("grouping_id", false, args);
  }

  /**
   * A field of a date or timestamp, named by a constant string ({@code YEAR}, {@code MONTH}, {@code
   * DOW}, {@code SECOND}...): SQL's {@code extract(field FROM source)}.
   */
  public static Column extract(Column field, Column source) {
    return fn("extract", false, field.expr(), source.expr());
  }

  /** Same as {@link #extract}, named {@code date_part(field, source)}. */
  public static Column date_part(Column field, Column source) {
    return fn("date_part", false, field.expr(), source.expr());
  }

  /** Same as {@link #extract}, named {@code datepart(field, source)}. */
  public static Column datepart(Column field, Column source) {
    return fn("datepart", false, field.expr(), source.expr());
  }

  /** The ISO-8601 week number of a date (weeks start on Monday). */
  public static Column weekofyear(Column e) {
    return fn("weekofyear", false, e.expr());
  }

  /** The date {@code days} days after {@code start}. */
  public static Column date_add(Column start, int days) {
    return date_add(start, lit(days));
  }

  /** The date {@code days} days after {@code start}. */
  public static Column date_add(Column start, Column days) {
    return fn("date_add", false, start.expr(), days.expr());
  }

  /** Same as {@link #date_add(Column, Column)}, named {@code dateadd}. */
  public static Column dateadd(Column start, Column days) {
    return fn("dateadd", false, start.expr(), days.expr());
  }

  /** The date {@code days} days before {@code start}. */
  public static Column date_sub(Column start, int days) {
    return date_sub(start, lit(days));
  }

  /** The date {@code days} days before {@code start}. */
  public static Column date_sub(Column start, Column days) {
    return fn("date_sub", false, start.expr(), days.expr());
  }

  /** The date {@code numMonths} months after {@code startDate} (day clamped to the month). */
  public static Column add_months(Column startDate, int numMonths) {
    return add_months(startDate, lit(numMonths));
  }

  /** The date {@code numMonths} months after {@code startDate} (day clamped to the month). */
  public static Column add_months(Column startDate, Column numMonths) {
    return fn("add_months", false, startDate.expr(), numMonths.expr());
  }

  /** Days from {@code start} to {@code end}. */
  public static Column datediff(Column end, Column start) {
    return fn("datediff", false, end.expr(), start.expr());
  }

  /** Same as {@link #datediff}, named {@code date_diff}. */
  public static Column date_diff(Column end, Column start) {
    return fn("date_diff", false, end.expr(), start.expr());
  }

  /** Months between two timestamps, rounded to 8 digits. */
  public static Column months_between(Column end, Column start) {
    return fn("months_between", false, end.expr(), start.expr());
  }

  /** Months between two timestamps, rounded to 8 digits when {@code roundOff}. */
  public static Column months_between(Column end, Column start, boolean roundOff) {
    return fn("months_between", false, end.expr(), start.expr(), Literal.of(roundOff));
  }

  /** The last day of the month of a date. */
  public static Column last_day(Column e) {
    return fn("last_day", false, e.expr());
  }

  /** The first date after {@code date} on {@code dayOfWeek} ({@code "Mon"}, {@code "TU"}). */
  public static Column next_day(Column date, String dayOfWeek) {
    return next_day(date, lit(dayOfWeek));
  }

  /** The first date after {@code date} on {@code dayOfWeek}. */
  public static Column next_day(Column date, Column dayOfWeek) {
    return fn("next_day", false, date.expr(), dayOfWeek.expr());
  }

  /** Seconds since the epoch of the current instant. */
  public static Column unix_timestamp() {
    return fn("unix_timestamp", false);
  }

  /** Seconds since the epoch of {@code s} read as {@code yyyy-MM-dd HH:mm:ss}. */
  public static Column unix_timestamp(Column s) {
    return fn("unix_timestamp", false, s.expr());
  }

  /** Seconds since the epoch of {@code s} read with pattern {@code p}. */
  public static Column unix_timestamp(Column s, String p) {
    return fn("unix_timestamp", false, s.expr(), Literal.of(p));
  }

  /** Seconds since the epoch of {@code e} read as {@code yyyy-MM-dd HH:mm:ss}. */
  public static Column to_unix_timestamp(Column e) {
    return fn("to_unix_timestamp", false, e.expr());
  }

  /** Seconds since the epoch of {@code e} read with the pattern {@code format}. */
  public static Column to_unix_timestamp(Column e, Column format) {
    return fn("to_unix_timestamp", false, e.expr(), format.expr());
  }

  /** Seconds since the epoch as {@code yyyy-MM-dd HH:mm:ss} text in the session time zone. */
  public static Column from_unixtime(Column ut) {
    return fn("from_unixtime", false, ut.expr());
  }

  /** Seconds since the epoch as text with pattern {@code f}. */
  public static Column from_unixtime(Column ut, String f) {
    return fn("from_unixtime", false, ut.expr(), Literal.of(f));
  }

  /** The timestamp {@code e} seconds after the epoch. */
  public static Column timestamp_seconds(Column e) {
    return fn("timestamp_seconds", false, e.expr());
  }

  /** The timestamp {@code e} milliseconds after the epoch. */
  public static Column timestamp_millis(Column e) {
    return fn("timestamp_millis", false, e.expr());
  }

  /** The timestamp truncated to a unit ({@code "year"}, {@code "hour"}, ...). */
  public static Column date_trunc(String format, Column timestamp) {
    return fn("date_trunc", false, Literal.of(format), timestamp.expr());
  }

  /** The date truncated to a unit ({@code "year"}, {@code "mm"}, {@code "week"}...). */
  public static Column trunc(Column date, String format) {
    return fn("trunc", false, date.expr(), Literal.of(format));
  }

  /** The date of year, month and day fields. */
  public static Column make_date(Column year, Column month, Column day) {
    return fn("make_date", false, year.expr(), month.expr(), day.expr());
  }

  /** The timestamp of local fields in the session time zone. */
  public static Column make_timestamp(
      Column years, Column months, Column days, Column hours, Column mins, Column secs) {
    return fn(
        "make_timestamp",
        false,
        years.expr(),
        months.expr(),
        days.expr(),
        hours.expr(),
        mins.expr(),
        secs.expr());
  }

  /** The timestamp of local fields in the time zone {@code timezone}. */
  public static Column make_timestamp(
      Column years,
      Column months,
      Column days,
      Column hours,
      Column mins,
      Column secs,
      Column timezone) {
    return fn(
        "make_timestamp",
        false,
        years.expr(),
        months.expr(),
        days.expr(),
        hours.expr(),
        mins.expr(),
        secs.expr(),
        timezone.expr());
  }

  /** Reads {@code ts} as UTC wall-clock time and renders it in zone {@code tz}. */
  public static Column from_utc_timestamp(Column ts, String tz) {
    return from_utc_timestamp(ts, lit(tz));
  }

  /** Reads {@code ts} as UTC wall-clock time and renders it in zone {@code tz}. */
  public static Column from_utc_timestamp(Column ts, Column tz) {
    return fn("from_utc_timestamp", false, ts.expr(), tz.expr());
  }

  /** Reads {@code ts} as wall-clock time in zone {@code tz} and renders it in UTC. */
  public static Column to_utc_timestamp(Column ts, String tz) {
    return to_utc_timestamp(ts, lit(tz));
  }

  /** Reads {@code ts} as wall-clock time in zone {@code tz} and renders it in UTC. */
  public static Column to_utc_timestamp(Column ts, Column tz) {
    return fn("to_utc_timestamp", false, ts.expr(), tz.expr());
  }

  // ---- JSON functions ----

  /**
   * Parses a JSON string column into a struct of {@code schema}; malformed records give a struct of
   * nulls (mode PERMISSIVE, the default).
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
   * The JSON value at {@code path} ({@code $.a.b}, {@code $.a[0]}, {@code $['a']}, {@code $.a[*]})
   * of a JSON string column: strings without quotes, other values as JSON; null when nothing
   * matches or the JSON is malformed.
   */
  public static Column get_json_object(Column e, String path) {
    return fn("get_json_object", false, e.expr(), Literal.of(path));
  }

  /**
   * A generator of one row per input row whose string columns {@code c0, c1...} hold the named
   * top-level fields of the JSON object (strings without quotes, other values as JSON), or null.
   */
  public static Column json_tuple(Column json, String... fields) {
    Expression[] args = new Expression[fields.length + 1];
    args[0] = json.expr();
    for (int i = 0; i < fields.length; i++) args[i + 1] = Literal.of(fields[i]);
    return fn("json_tuple", false, args);
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
    return new Literal(
        new io.sluice.exec.vector.MapValue(keys, values),
        new io.sluice.types.MapType(
            io.sluice.types.DataTypes.StringType, io.sluice.types.DataTypes.StringType, true));
  }

  // ---- math functions ----

  private static Column fn(String name, Column... args) {
    Expression[] e = new Expression[args.length];
    for (int i = 0; i < args.length; i++) e[i] = args[i].expr();
    return fn(name, false, e);
  }

  /** The absolute value; ANSI mode raises {@code ARITHMETIC_OVERFLOW} for the type's minimum. */
  public static Column abs(Column e) {
    return fn("abs", e);
  }

  /** The square root (named {@code SQRT(x)}). */
  public static Column sqrt(Column e) {
    return fn("sqrt", e);
  }

  /** The square root of the named column. */
  public static Column sqrt(String columnName) {
    return sqrt(col(columnName));
  }

  /** The cube root. */
  public static Column cbrt(Column e) {
    return fn("cbrt", e);
  }

  /** The cube root of the named column. */
  public static Column cbrt(String columnName) {
    return cbrt(col(columnName));
  }

  /** e raised to the value. */
  public static Column exp(Column e) {
    return fn("exp", e);
  }

  /** e raised to the named column. */
  public static Column exp(String columnName) {
    return exp(col(columnName));
  }

  /** e raised to the value, minus one. */
  public static Column expm1(Column e) {
    return fn("expm1", e);
  }

  /** The natural logarithm (named {@code ln(x)}); null for values {@code <= 0}. */
  public static Column log(Column e) {
    return ln(e);
  }

  /** The natural logarithm of the named column. */
  public static Column log(String columnName) {
    return log(col(columnName));
  }

  /** The logarithm in {@code base}; null for a non-positive base or value. */
  public static Column log(double base, Column a) {
    return fn("log", lit(base), a);
  }

  /** The logarithm in {@code base} of the named column. */
  public static Column log(double base, String columnName) {
    return log(base, col(columnName));
  }

  /** The natural logarithm; null for values {@code <= 0}. */
  public static Column ln(Column e) {
    return fn("ln", e);
  }

  /** The logarithm in base 10; null for values {@code <= 0}. */
  public static Column log10(Column e) {
    return fn("log10", e);
  }

  /** The logarithm in base 10 of the named column. */
  public static Column log10(String columnName) {
    return log10(col(columnName));
  }

  /** The logarithm in base 2; null for values {@code <= 0}. */
  public static Column log2(Column e) {
    return fn("log2", e);
  }

  /** The logarithm in base 2 of the named column. */
  public static Column log2(String columnName) {
    return log2(col(columnName));
  }

  /** The natural logarithm of the value plus one; null for values {@code <= -1}. */
  public static Column log1p(Column e) {
    return fn("log1p", e);
  }

  /** {@code l} raised to {@code r} (named {@code POWER(l, r)}). */
  public static Column pow(Column l, Column r) {
    return fn("power", l, r);
  }

  /** {@code l} raised to the named column. */
  public static Column pow(Column l, String rightName) {
    return pow(l, col(rightName));
  }

  /** The named column raised to {@code r}. */
  public static Column pow(String leftName, Column r) {
    return pow(col(leftName), r);
  }

  /** One named column raised to another. */
  public static Column pow(String leftName, String rightName) {
    return pow(col(leftName), col(rightName));
  }

  /** {@code l} raised to {@code r}. */
  public static Column pow(Column l, double r) {
    return pow(l, lit(r));
  }

  /** The named column raised to {@code r}. */
  public static Column pow(String leftName, double r) {
    return pow(col(leftName), r);
  }

  /** {@code l} raised to {@code r}. */
  public static Column pow(double l, Column r) {
    return pow(lit(l), r);
  }

  /** {@code l} raised to the named column. */
  public static Column pow(double l, String rightName) {
    return pow(l, col(rightName));
  }

  /** Same as {@link #pow(Column, Column)}. */
  public static Column power(Column l, Column r) {
    return fn("power", l, r);
  }

  /** Rounded to 0 decimal places, HALF_UP (named {@code round(x, 0)}). */
  public static Column round(Column e) {
    return round(e, 0);
  }

  /** Rounded to {@code scale} decimal places (at the integral part when negative), HALF_UP. */
  public static Column round(Column e, int scale) {
    return fn("round", e, lit(scale));
  }

  /** Rounded to a constant {@code scale}, HALF_UP. */
  public static Column round(Column e, Column scale) {
    return fn("round", e, scale);
  }

  /** Rounded to 0 decimal places, HALF_EVEN (banker's rounding). */
  public static Column bround(Column e) {
    return bround(e, 0);
  }

  /** Rounded to {@code scale} decimal places, HALF_EVEN. */
  public static Column bround(Column e, int scale) {
    return fn("bround", e, lit(scale));
  }

  /** Rounded to a constant {@code scale}, HALF_EVEN. */
  public static Column bround(Column e, Column scale) {
    return fn("bround", e, scale);
  }

  /** The smallest integer not below the value: bigint, or a decimal of scale 0. */
  public static Column ceil(Column e) {
    return fn("ceil", e);
  }

  /** The ceiling of the named column. */
  public static Column ceil(String columnName) {
    return ceil(col(columnName));
  }

  /** Rounded up at a constant int {@code scale} (a decimal result). */
  public static Column ceil(Column e, Column scale) {
    return fn("ceil", e, scale);
  }

  /** Same as {@link #ceil(Column)}, named {@code ceiling(x)}. */
  public static Column ceiling(Column e) {
    return fn("ceiling", e);
  }

  /** Same as {@link #ceil(Column, Column)}, named {@code ceiling(x, scale)}. */
  public static Column ceiling(Column e, Column scale) {
    return fn("ceiling", e, scale);
  }

  /** The largest integer not above the value: bigint, or a decimal of scale 0. */
  public static Column floor(Column e) {
    return fn("floor", e);
  }

  /** The floor of the named column. */
  public static Column floor(String columnName) {
    return floor(col(columnName));
  }

  /** Rounded down at a constant int {@code scale} (a decimal result). */
  public static Column floor(Column e, Column scale) {
    return fn("floor", e, scale);
  }

  /** The double closest to the value that is a mathematical integer. */
  public static Column rint(Column e) {
    return fn("rint", e);
  }

  /** -1.0, 0.0 or 1.0 by the sign of the value. */
  public static Column signum(Column e) {
    return fn("signum", e);
  }

  /** The sign of the named column. */
  public static Column signum(String columnName) {
    return signum(col(columnName));
  }

  /** Same as {@link #signum(Column)}, named {@code sign(x)}. */
  public static Column sign(Column e) {
    return fn("sign", e);
  }

  /** The sine of an angle in radians. */
  public static Column sin(Column e) {
    return fn("sin", e);
  }

  /** The cosine of an angle in radians. */
  public static Column cos(Column e) {
    return fn("cos", e);
  }

  /** The tangent of an angle in radians. */
  public static Column tan(Column e) {
    return fn("tan", e);
  }

  /** The arc sine, in radians. */
  public static Column asin(Column e) {
    return fn("asin", e);
  }

  /** The arc cosine, in radians. */
  public static Column acos(Column e) {
    return fn("acos", e);
  }

  /** The arc tangent, in radians. */
  public static Column atan(Column e) {
    return fn("atan", e);
  }

  /** The angle of the point {@code (x, y)}, in radians. */
  public static Column atan2(Column y, Column x) {
    return fn("atan2", y, x);
  }

  /** The hyperbolic sine. */
  public static Column sinh(Column e) {
    return fn("sinh", e);
  }

  /** The hyperbolic cosine. */
  public static Column cosh(Column e) {
    return fn("cosh", e);
  }

  /** The hyperbolic tangent. */
  public static Column tanh(Column e) {
    return fn("tanh", e);
  }

  /** Radians to degrees. */
  public static Column degrees(Column e) {
    return fn("degrees", e);
  }

  /** Degrees to radians. */
  public static Column radians(Column e) {
    return fn("radians", e);
  }

  /** {@code sqrt(l^2 + r^2)} without intermediate overflow. */
  public static Column hypot(Column l, Column r) {
    return fn("hypot", l, r);
  }

  /** Euler's number. */
  public static Column e() {
    return fn("e");
  }

  /** Pi. */
  public static Column pi() {
    return fn("pi");
  }

  /**
   * The greatest non-null value of the columns (at least two), null when all are null; the columns
   * are cast to their wider common type.
   */
  public static Column greatest(Column... exprs) {
    return fn("greatest", exprs);
  }

  /** The greatest non-null value of the named columns. */
  public static Column greatest(String columnName, String... columnNames) {
    return greatest(namedColumns(columnName, columnNames));
  }

  /** The least non-null value of the columns (at least two), null when all are null. */
  public static Column least(Column... exprs) {
    return fn("least", exprs);
  }

  /** The least non-null value of the named columns. */
  public static Column least(String columnName, String... columnNames) {
    return least(namedColumns(columnName, columnNames));
  }

  private static Column[] namedColumns(String first, String... rest) {
    Column[] cols = new Column[rest.length + 1];
    cols[0] = col(first);
    for (int i = 0; i < rest.length; i++) cols[i + 1] = col(rest[i]);
    return cols;
  }

  /**
   * Uniform random values in [0, 1): partition {@code i} draws from Spark's XORShiftRandom seeded
   * with {@code seed + i}, so the same partitioning gives Spark's values.
   */
  public static Column rand(long seed) {
    return fn("rand", lit(seed));
  }

  /** Uniform random values in [0, 1) with a random seed. */
  public static Column rand() {
    return rand(java.util.concurrent.ThreadLocalRandom.current().nextLong());
  }

  /** Standard normal random values, seeded as {@link #rand(long)}. */
  public static Column randn(long seed) {
    return fn("randn", lit(seed));
  }

  /** Standard normal random values with a random seed. */
  public static Column randn() {
    return randn(java.util.concurrent.ThreadLocalRandom.current().nextLong());
  }

  /** The positive remainder of {@code dividend / divisor}. */
  public static Column pmod(Column dividend, Column divisor) {
    return fn("pmod", dividend, divisor);
  }

  /** {@code left + right}, null instead of an overflow error. */
  public static Column try_add(Column left, Column right) {
    return fn("try_add", left, right);
  }

  /** {@code left - right}, null instead of an overflow error. */
  public static Column try_subtract(Column left, Column right) {
    return fn("try_subtract", left, right);
  }

  /** {@code left * right}, null instead of an overflow error. */
  public static Column try_multiply(Column left, Column right) {
    return fn("try_multiply", left, right);
  }

  /** {@code dividend / divisor}, null for a zero divisor or an overflow. */
  public static Column try_divide(Column dividend, Column divisor) {
    return fn("try_divide", dividend, divisor);
  }

  /** {@code dividend % divisor}, null for a zero divisor. */
  public static Column try_mod(Column dividend, Column divisor) {
    return fn("try_mod", dividend, divisor);
  }

  /** The negated value (named {@code negative(x)}). */
  public static Column negative(Column e) {
    return fn("negative", e);
  }

  /** The value itself. */
  public static Column positive(Column e) {
    return fn("positive", e);
  }

  // ---- aggregate functions ----

  /** Number of distinct non-null combinations of the columns ({@code count(DISTINCT x)}). */
  public static Column count_distinct(Column expr, Column... exprs) {
    return countDistinct(expr, exprs);
  }

  /**
   * Approximate number of distinct non-null values (HyperLogLog++, relative standard deviation
   * 0.05); never null.
   */
  public static Column approx_count_distinct(Column e) {
    return fn("approx_count_distinct", e);
  }

  /** Approximate number of distinct values of the named column. */
  public static Column approx_count_distinct(String columnName) {
    return approx_count_distinct(col(columnName));
  }

  /** Approximate number of distinct values with the maximum relative standard deviation. */
  public static Column approx_count_distinct(Column e, double rsd) {
    return fn("approx_count_distinct", e, lit(rsd));
  }

  /** Approximate number of distinct values of the named column. */
  public static Column approx_count_distinct(String columnName, double rsd) {
    return approx_count_distinct(col(columnName), rsd);
  }

  /** The value of {@code e} on the row with the greatest {@code ord}. */
  public static Column max_by(Column e, Column ord) {
    return fn("max_by", e, ord);
  }

  /** The value of {@code e} on the row with the least {@code ord}. */
  public static Column min_by(Column e, Column ord) {
    return fn("min_by", e, ord);
  }

  /** The first value of a group (non-deterministic after a shuffle), null values included. */
  public static Column first(Column e) {
    return first(e, false);
  }

  /** The first value of a group; with {@code ignoreNulls}, the first non-null value. */
  public static Column first(Column e, boolean ignoreNulls) {
    return fn("first", e, lit(ignoreNulls));
  }

  /** The first value of the named column. */
  public static Column first(String columnName) {
    return first(col(columnName));
  }

  /** The first (non-null) value of the named column. */
  public static Column first(String columnName, boolean ignoreNulls) {
    return first(col(columnName), ignoreNulls);
  }

  /** The first value, named {@code first_value(x)}. */
  public static Column first_value(Column e) {
    return fn("first_value", e);
  }

  /** The last value of a group (non-deterministic after a shuffle), null values included. */
  public static Column last(Column e) {
    return last(e, false);
  }

  /** The last value of a group; with {@code ignoreNulls}, the last non-null value. */
  public static Column last(Column e, boolean ignoreNulls) {
    return fn("last", e, lit(ignoreNulls));
  }

  /** The last value of the named column. */
  public static Column last(String columnName) {
    return last(col(columnName));
  }

  /** The last (non-null) value of the named column. */
  public static Column last(String columnName, boolean ignoreNulls) {
    return last(col(columnName), ignoreNulls);
  }

  /** The last value, named {@code last_value(x)}. */
  public static Column last_value(Column e) {
    return fn("last_value", e);
  }

  /** Some value of the group. */
  public static Column any_value(Column e) {
    return fn("any_value", e);
  }

  /** Some value of the group; non-null when {@code ignoreNulls} is true and one exists. */
  public static Column any_value(Column e, Column ignoreNulls) {
    return fn("any_value", e, ignoreNulls);
  }

  /** The non-null values of a group as an array (empty for none), duplicates kept. */
  public static Column collect_list(Column e) {
    return fn("collect_list", e);
  }

  /** The non-null values of the named column as an array. */
  public static Column collect_list(String columnName) {
    return collect_list(col(columnName));
  }

  /** The distinct non-null values of a group as an array. */
  public static Column collect_set(Column e) {
    return fn("collect_set", e);
  }

  /** The distinct non-null values of the named column as an array. */
  public static Column collect_set(String columnName) {
    return collect_set(col(columnName));
  }

  /** Sample standard deviation, named {@code stddev(x)}; null for fewer than two values. */
  public static Column stddev(Column e) {
    return fn("stddev", e);
  }

  /** Sample standard deviation of the named column. */
  public static Column stddev(String columnName) {
    return stddev(col(columnName));
  }

  /** Sample standard deviation, named {@code std(x)}. */
  public static Column std(Column e) {
    return fn("std", e);
  }

  /** Sample standard deviation; null for fewer than two values. */
  public static Column stddev_samp(Column e) {
    return fn("stddev_samp", e);
  }

  /** Sample standard deviation of the named column. */
  public static Column stddev_samp(String columnName) {
    return stddev_samp(col(columnName));
  }

  /** Population standard deviation; null for no values. */
  public static Column stddev_pop(Column e) {
    return fn("stddev_pop", e);
  }

  /** Population standard deviation of the named column. */
  public static Column stddev_pop(String columnName) {
    return stddev_pop(col(columnName));
  }

  /** Sample variance, named {@code variance(x)}; null for fewer than two values. */
  public static Column variance(Column e) {
    return fn("variance", e);
  }

  /** Sample variance of the named column. */
  public static Column variance(String columnName) {
    return variance(col(columnName));
  }

  /** Sample variance; null for fewer than two values. */
  public static Column var_samp(Column e) {
    return fn("var_samp", e);
  }

  /** Sample variance of the named column. */
  public static Column var_samp(String columnName) {
    return var_samp(col(columnName));
  }

  /** Population variance; null for no values. */
  public static Column var_pop(Column e) {
    return fn("var_pop", e);
  }

  /** Population variance of the named column. */
  public static Column var_pop(String columnName) {
    return var_pop(col(columnName));
  }

  /** Pearson correlation of the pairs where both are non-null. */
  public static Column corr(Column column1, Column column2) {
    return fn("corr", column1, column2);
  }

  /** Pearson correlation of two named columns. */
  public static Column corr(String columnName1, String columnName2) {
    return corr(col(columnName1), col(columnName2));
  }

  /** Sample covariance of the pairs where both are non-null. */
  public static Column covar_samp(Column column1, Column column2) {
    return fn("covar_samp", column1, column2);
  }

  /** Sample covariance of two named columns. */
  public static Column covar_samp(String columnName1, String columnName2) {
    return covar_samp(col(columnName1), col(columnName2));
  }

  /** Population covariance of the pairs where both are non-null. */
  public static Column covar_pop(Column column1, Column column2) {
    return fn("covar_pop", column1, column2);
  }

  /** Population covariance of two named columns. */
  public static Column covar_pop(String columnName1, String columnName2) {
    return covar_pop(col(columnName1), col(columnName2));
  }

  /**
   * The approximate percentile(s) at constant {@code percentage} (a double or an array of doubles
   * in [0, 1]) with relative error {@code 1 / accuracy}; exact for small groups.
   */
  public static Column percentile_approx(Column e, Column percentage, Column accuracy) {
    return fn("percentile_approx", e, percentage, accuracy);
  }

  /** Same as {@link #percentile_approx}, named {@code approx_percentile(...)}. */
  public static Column approx_percentile(Column e, Column percentage, Column accuracy) {
    return fn("approx_percentile", e, percentage, accuracy);
  }

  /** True when every non-null value is true; null for none. */
  public static Column bool_and(Column e) {
    return fn("bool_and", e);
  }

  /** Same as {@link #bool_and}, named {@code every(x)}. */
  public static Column every(Column e) {
    return fn("every", e);
  }

  /** True when some non-null value is true; null for none. */
  public static Column bool_or(Column e) {
    return fn("bool_or", e);
  }

  /** Same as {@link #bool_or}, named {@code some(x)}. */
  public static Column some(Column e) {
    return fn("some", e);
  }

  /** Same as {@link #bool_or}, named {@code any(x)}. */
  public static Column any(Column e) {
    return fn("any", e);
  }

  // ---- window functions ----

  /**
   * Tumbling event-time windows: {@code window(timeColumn, windowDuration)} puts each row in the
   * window {@code [start, end)} of length {@code windowDuration} (interval text such as {@code "10
   * minutes"}) that contains its time; the result is a struct column named {@code window}.
   */
  public static Column window(Column timeColumn, String windowDuration) {
    return window(timeColumn, windowDuration, windowDuration, "0 second");
  }

  /** Sliding event-time windows: a new window every {@code slideDuration}. */
  public static Column window(Column timeColumn, String windowDuration, String slideDuration) {
    return window(timeColumn, windowDuration, slideDuration, "0 second");
  }

  /**
   * Sliding event-time windows whose starts are offset by {@code startTime} from the epoch (e.g.
   * hourly windows from 15 minutes past the hour).
   */
  public static Column window(
      Column timeColumn, String windowDuration, String slideDuration, String startTime) {
    return fn("window", timeColumn, lit(windowDuration), lit(slideDuration), lit(startTime));
  }

  /**
   * Session windows: rows of a group whose times are within {@code gapDuration} (interval text) of
   * each other form one session; the result is a struct column named {@code session_window}.
   */
  public static Column session_window(Column timeColumn, String gapDuration) {
    return fn("session_window", timeColumn, lit(gapDuration));
  }

  /**
   * Session windows with a gap computed per row (an interval or its text); rows whose gap is not
   * positive (or null) are left out.
   */
  public static Column session_window(Column timeColumn, Column gapDuration) {
    return fn("session_window", timeColumn, gapDuration);
  }

  /** The event time of a window column: its end minus one microsecond. */
  public static Column window_time(Column windowColumn) {
    return fn("window_time", windowColumn);
  }

  /** The position of each row in its window partition, from 1 ({@code row_number()}). */
  public static Column row_number() {
    return fn("row_number");
  }

  /** The rank with gaps: one plus the rows ordered before the current row's peers. */
  public static Column rank() {
    return fn("rank");
  }

  /** The rank without gaps: one plus the peer groups ordered before the current row. */
  public static Column dense_rank() {
    return fn("dense_rank");
  }

  /** {@code (rank - 1) / (rows in partition - 1)}, 0 for a single row. */
  public static Column percent_rank() {
    return fn("percent_rank");
  }

  /** The fraction of the partition's rows ordered at or before the current row (with peers). */
  public static Column cume_dist() {
    return fn("cume_dist");
  }

  /** The bucket (1 to {@code n}) of the row when the partition is split into {@code n} groups. */
  public static Column ntile(int n) {
    return fn("ntile", lit(n));
  }

  /** The value {@code offset} rows before the current row in the partition, else null. */
  public static Column lag(Column e, int offset) {
    return lag(e, offset, null);
  }

  /** {@code lag(col(columnName), offset)}. */
  public static Column lag(String columnName, int offset) {
    return lag(col(columnName), offset);
  }

  /** The value {@code offset} rows before, else {@code defaultValue}. */
  public static Column lag(Column e, int offset, Object defaultValue) {
    return lag(e, offset, defaultValue, false);
  }

  /** {@code lag(col(columnName), offset, defaultValue)}. */
  public static Column lag(String columnName, int offset, Object defaultValue) {
    return lag(col(columnName), offset, defaultValue);
  }

  /** As {@link #lag(Column, int, Object)}, counting only non-null values when asked. */
  public static Column lag(Column e, int offset, Object defaultValue, boolean ignoreNulls) {
    return fn("lag", e, lit(offset), lit(defaultValue), lit(ignoreNulls));
  }

  /** The value {@code offset} rows after the current row in the partition, else null. */
  public static Column lead(Column e, int offset) {
    return lead(e, offset, null);
  }

  /** {@code lead(col(columnName), offset)}. */
  public static Column lead(String columnName, int offset) {
    return lead(col(columnName), offset);
  }

  /** The value {@code offset} rows after, else {@code defaultValue}. */
  public static Column lead(Column e, int offset, Object defaultValue) {
    return lead(e, offset, defaultValue, false);
  }

  /** {@code lead(col(columnName), offset, defaultValue)}. */
  public static Column lead(String columnName, int offset, Object defaultValue) {
    return lead(col(columnName), offset, defaultValue);
  }

  /** As {@link #lead(Column, int, Object)}, counting only non-null values when asked. */
  public static Column lead(Column e, int offset, Object defaultValue, boolean ignoreNulls) {
    return fn("lead", e, lit(offset), lit(defaultValue), lit(ignoreNulls));
  }

  /** The value of the frame's {@code offset}-th row (from 1), else null. */
  public static Column nth_value(Column e, int offset) {
    return fn("nth_value", e, lit(offset));
  }

  /** As {@link #nth_value(Column, int)}, counting only non-null values when asked. */
  public static Column nth_value(Column e, int offset, boolean ignoreNulls) {
    return fn("nth_value", e, lit(offset), lit(ignoreNulls));
  }

  // ---- reduce and the higher-order functions over maps ----

  /** A function of three columns, for {@link #map_zip_with}. */
  @FunctionalInterface
  public interface Function3 {
    Column apply(Column x, Column y, Column z);
  }

  /** Same as {@link #aggregate(Column, Column, BiFunction)}, named {@code reduce(...)}. */
  public static Column reduce(
      Column expr, Column initialValue, BiFunction<Column, Column, Column> merge) {
    return fn("reduce", false, expr.expr(), initialValue.expr(), lambda(merge));
  }

  /** Same as {@link #aggregate(Column, Column, BiFunction, Function)}, named {@code reduce}. */
  public static Column reduce(
      Column expr,
      Column initialValue,
      BiFunction<Column, Column, Column> merge,
      Function<Column, Column> finish) {
    return fn("reduce", false, expr.expr(), initialValue.expr(), lambda(merge), lambda(finish));
  }

  /** The entries {@code (key, value)} of the map for which {@code f} is true. */
  public static Column map_filter(Column expr, BiFunction<Column, Column, Column> f) {
    return fn("map_filter", false, expr.expr(), lambda(f));
  }

  /** The map with every value replaced by {@code f(key, value)}. */
  public static Column transform_values(Column expr, BiFunction<Column, Column, Column> f) {
    return fn("transform_values", false, expr.expr(), lambda(f));
  }

  /**
   * The map with every key replaced by {@code f(key, value)}; a null key is an error, a repeated
   * one follows {@code spark.sql.mapKeyDedupPolicy}.
   */
  public static Column transform_keys(Column expr, BiFunction<Column, Column, Column> f) {
    return fn("transform_keys", false, expr.expr(), lambda(f));
  }

  /**
   * The map of the keys of both maps to {@code f(key, value1, value2)}, a missing value being null.
   */
  public static Column map_zip_with(Column left, Column right, Function3 f) {
    UnresolvedNamedLambdaVariable x = UnresolvedNamedLambdaVariable.fresh("x");
    UnresolvedNamedLambdaVariable y = UnresolvedNamedLambdaVariable.fresh("y");
    UnresolvedNamedLambdaVariable z = UnresolvedNamedLambdaVariable.fresh("z");
    Expression body = f.apply(new Column(x), new Column(y), new Column(z)).expr();
    return fn(
        "map_zip_with",
        false,
        left.expr(),
        right.expr(),
        new LambdaFunction(body, List.of(x, y, z)));
  }
}
