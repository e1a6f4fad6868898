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
import java.util.ArrayList;
import java.util.List;

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
   * The greatest non-null value of the columns (at least two), null when all are null; the
   * columns are cast to their wider common type.
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
   * The approximate percentile(s) at constant {@code percentage} (a double or an array of
   * doubles in [0, 1]) with relative error {@code 1 / accuracy}; exact for small groups.
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
}
