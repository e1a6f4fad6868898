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
  public static Column make_timestamp(Column years, Column months, Column days, Column hours,
      Column mins, Column secs) {
    return fn("make_timestamp", false, years.expr(), months.expr(), days.expr(), hours.expr(),
        mins.expr(), secs.expr());
  }

  /** The timestamp of local fields in the time zone {@code timezone}. */
  public static Column make_timestamp(Column years, Column months, Column days, Column hours,
      Column mins, Column secs, Column timezone) {
    return fn("make_timestamp", false, years.expr(), months.expr(), days.expr(), hours.expr(),
        mins.expr(), secs.expr(), timezone.expr());
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
}
