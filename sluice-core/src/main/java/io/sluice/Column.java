package io.sluice;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.internal.Literals;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.MultiAlias;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.expr.UnresolvedExtractValue;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A column expression of a DataFrame, as Spark's {@code Column}. Columns are built by {@link
 * functions} ({@code col("a")}, {@code lit(1)}) or {@link DataFrame#col} and combined with the
 * methods below into unresolved expressions; a DataFrame method that receives a column resolves it
 * against its input. Arithmetic and casts take the ANSI mode of the session that uses them.
 *
 * <p>{@link #toString()} is the expression's SQL, which is also the name Spark gives an unnamed
 * result column: {@code col("a").plus(1)} shows as {@code (a + 1)}.
 */
public final class Column {
  private final Expression expr;

  /** A column of an expression. */
  public Column(Expression expr) {
    this.expr = Objects.requireNonNull(expr, "expr");
  }

  /** A column by name, as {@link functions#col(String)}. */
  public Column(String name) {
    this(functions.col(name).expr());
  }

  /** The expression this column wraps. */
  public Expression expr() {
    return expr;
  }

  static Expression exprOf(Object o) {
    return o instanceof Column c ? c.expr : Literals.of(o);
  }

  private Column arithmetic(BinaryArithmetic.Op op, Object other) {
    // ANSI is a placeholder: the DataFrame that receives the column sets the session's mode.
    return new Column(new BinaryArithmetic(op, expr, exprOf(other), EvalMode.ANSI));
  }

  private Column compare(Comparison.Op op, Object other) {
    return new Column(new Comparison(op, expr, exprOf(other)));
  }

  /** {@code this + other}; {@code other} is a Column or a literal value. */
  public Column plus(Object other) {
    return arithmetic(BinaryArithmetic.Op.ADD, other);
  }

  /** {@code this - other}. */
  public Column minus(Object other) {
    return arithmetic(BinaryArithmetic.Op.SUBTRACT, other);
  }

  /** {@code this * other}. */
  public Column multiply(Object other) {
    return arithmetic(BinaryArithmetic.Op.MULTIPLY, other);
  }

  /** {@code this / other} (always fractional, as in Spark). */
  public Column divide(Object other) {
    return arithmetic(BinaryArithmetic.Op.DIVIDE, other);
  }

  /** {@code this % other}. */
  public Column mod(Object other) {
    return arithmetic(BinaryArithmetic.Op.REMAINDER, other);
  }

  /** {@code -this}. */
  public Column unary_minus() {
    return new Column(new UnaryMinus(expr, EvalMode.ANSI));
  }

  /** {@code this = other}. */
  public Column equalTo(Object other) {
    return compare(Comparison.Op.EQ, other);
  }

  /** {@code NOT (this = other)}. */
  public Column notEqual(Object other) {
    return new Column(new Not(new Comparison(Comparison.Op.EQ, expr, exprOf(other))));
  }

  /** {@code this > other}. */
  public Column gt(Object other) {
    return compare(Comparison.Op.GT, other);
  }

  /** {@code this >= other}. */
  public Column geq(Object other) {
    return compare(Comparison.Op.GE, other);
  }

  /** {@code this < other}. */
  public Column lt(Object other) {
    return compare(Comparison.Op.LT, other);
  }

  /** {@code this <= other}. */
  public Column leq(Object other) {
    return compare(Comparison.Op.LE, other);
  }

  /** {@code this <=> other}: equality that treats two nulls as equal and is never null. */
  public Column eqNullSafe(Object other) {
    return compare(Comparison.Op.NULL_SAFE_EQ, other);
  }

  /** {@code this AND other}. */
  public Column and(Column other) {
    return new Column(new And(expr, other.expr));
  }

  /** {@code this OR other}. */
  public Column or(Column other) {
    return new Column(new Or(expr, other.expr));
  }

  /** {@code this IS NULL}. */
  public Column isNull() {
    return new Column(new IsNull(expr));
  }

  /** {@code this IS NOT NULL}. */
  public Column isNotNull() {
    return new Column(new IsNotNull(expr));
  }

  /** {@code this IN (values...)}; values are Columns or literal values. */
  public Column isin(Object... values) {
    List<Expression> list = new ArrayList<>(values.length);
    for (Object v : values) list.add(exprOf(v));
    return new Column(new In(expr, list));
  }

  /** {@code (this >= lower) AND (this <= upper)}. */
  public Column between(Object lower, Object upper) {
    return geq(lower).and(leq(upper));
  }

  /** {@code CAST(this AS to)}. */
  public Column cast(DataType to) {
    return new Column(Cast.user(expr, to, EvalMode.ANSI));
  }

  /** {@code CAST(this AS type)} with the type in DDL, e.g. {@code "decimal(10,2)"}. */
  public Column cast(String ddlType) {
    return cast(DataTypes.fromDDL(ddlType));
  }

  /** {@code TRY_CAST(this AS to)}: null instead of an error for values that do not convert. */
  public Column try_cast(DataType to) {
    return new Column(Cast.user(expr, to, EvalMode.TRY));
  }

  /** {@code TRY_CAST(this AS type)} with the type in DDL. */
  public Column try_cast(String ddlType) {
    return try_cast(DataTypes.fromDDL(ddlType));
  }

  /** This column named {@code name}. */
  public Column alias(String name) {
    return new Column(Alias.of(expr, name));
  }

  /** This column named {@code name} (same as {@link #alias}). */
  public Column as(String name) {
    return alias(name);
  }

  /**
   * Names the columns of a generator, e.g. {@code posexplode(col("a")).as("p", "v")}, as Spark's
   * {@code as(Seq)} / {@code as(Array)}.
   */
  public Column as(String... aliases) {
    return new Column(new MultiAlias(expr, List.of(aliases)));
  }

  /** This column named {@code name} (same as {@link #alias}). */
  public Column name(String name) {
    return alias(name);
  }

  /** Adds a {@code WHEN condition THEN value} branch to a column made by {@link functions#when}. */
  public Column when(Column condition, Object value) {
    CaseWhen cw = caseWhen("when");
    if (cw.elseValue() != null) {
      throw whenError("when() cannot be applied once otherwise() is applied.");
    }
    List<CaseWhen.Branch> branches = new ArrayList<>(cw.branches());
    branches.add(new CaseWhen.Branch(condition.expr, exprOf(value)));
    return new Column(new CaseWhen(branches, null));
  }

  /** The value of rows no branch of a {@link functions#when} column matches. */
  public Column otherwise(Object value) {
    CaseWhen cw = caseWhen("otherwise");
    if (cw.elseValue() != null) {
      throw whenError(
          "otherwise() can only be applied once on a Column previously generated by" + " when().");
    }
    return new Column(new CaseWhen(cw.branches(), exprOf(value)));
  }

  private CaseWhen caseWhen(String method) {
    if (expr instanceof CaseWhen cw) return cw;
    throw whenError(
        method
            + "() can only be applied on a Column previously generated by when()"
            + " function.");
  }

  private static SluiceIllegalArgumentException whenError(String reason) {
    return new SluiceIllegalArgumentException(
        ErrorClass.INVALID_WHEN_USAGE, SluiceException.params("reason", reason));
  }

  /** The field {@code fieldName} of a struct column. */
  public Column getField(String fieldName) {
    return new Column(new UnresolvedExtractValue(expr, Literal.of(fieldName)));
  }

  /** The element at an index of an array column, or the value of a key of a map column. */
  public Column getItem(Object key) {
    return new Column(new UnresolvedExtractValue(expr, exprOf(key)));
  }

  /** Struct field, array element or map value, as {@link #getItem}. */
  public Column apply(Object extraction) {
    return getItem(extraction);
  }

  /** Ascending order, nulls first. */
  public Column asc() {
    return new Column(new SortOrder(expr, true, true));
  }

  /** Ascending order, nulls first. */
  public Column asc_nulls_first() {
    return new Column(new SortOrder(expr, true, true));
  }

  /** Ascending order, nulls last. */
  public Column asc_nulls_last() {
    return new Column(new SortOrder(expr, true, false));
  }

  /** Descending order, nulls last. */
  public Column desc() {
    return new Column(new SortOrder(expr, false, false));
  }

  /** Descending order, nulls first. */
  public Column desc_nulls_first() {
    return new Column(new SortOrder(expr, false, true));
  }

  /** Descending order, nulls last. */
  public Column desc_nulls_last() {
    return new Column(new SortOrder(expr, false, false));
  }

  /**
   * This window function or aggregate evaluated over a window: {@code
   * rank().over(Window.partitionBy("k").orderBy("ts"))}.
   */
  public Column over(io.sluice.expressions.WindowSpec window) {
    return new Column(window.windowExpression(expr));
  }

  /** Over the whole input as one partition: {@code sum("x").over()}. */
  public Column over() {
    return over(io.sluice.expressions.Window.partitionBy());
  }

  /** The expression's SQL, e.g. {@code (a + 1)}. */
  @Override
  public String toString() {
    return expr.sql();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Column c && c.expr.equals(expr);
  }

  @Override
  public int hashCode() {
    return expr.hashCode();
  }

  static List<Expression> exprs(Column... cols) {
    List<Expression> out = new ArrayList<>(cols.length);
    for (Column c : cols) out.add(c.expr);
    return out;
  }

  // ---- string predicates and substrings (string functions) ----

  private Column call(String function, Object... args) {
    List<Expression> a = new ArrayList<>(args.length + 1);
    a.add(expr);
    for (Object o : args) a.add(exprOf(o));
    return new Column(new io.sluice.plan.expr.UnresolvedFunction(function, a, false));
  }

  /** SQL LIKE with {@code literal} as the pattern: {@code _} one character, {@code %} any. */
  public Column like(String literal) {
    return call("like", literal);
  }

  /** Case-insensitive LIKE. */
  public Column ilike(String literal) {
    return call("ilike", literal);
  }

  /** Whether the Java regex {@code literal} matches somewhere in this string. */
  public Column rlike(String literal) {
    return call("rlike", literal);
  }

  /** Whether {@code other} (a Column or a value) occurs in this string. */
  public Column contains(Object other) {
    return call("contains", other);
  }

  /** Whether this string starts with {@code other}. */
  public Column startsWith(Column other) {
    return call("startswith", other);
  }

  /** Whether this string starts with {@code literal}. */
  public Column startsWith(String literal) {
    return call("startswith", literal);
  }

  /** Whether this string ends with {@code other}. */
  public Column endsWith(Column other) {
    return call("endswith", other);
  }

  /** Whether this string ends with {@code literal}. */
  public Column endsWith(String literal) {
    return call("endswith", literal);
  }

  /** {@code len} characters from 1-based position {@code startPos}. */
  public Column substr(Column startPos, Column len) {
    return call("substr", startPos, len);
  }

  /** {@code len} characters from 1-based position {@code startPos}. */
  public Column substr(int startPos, int len) {
    return call("substr", startPos, len);
  }
}
