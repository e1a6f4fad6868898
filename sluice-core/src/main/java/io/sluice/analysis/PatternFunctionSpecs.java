package io.sluice.analysis;

import static io.sluice.analysis.StringFunctionSpecs.INT;
import static io.sluice.analysis.StringFunctionSpecs.STRING;
import static io.sluice.analysis.StringFunctionSpecs.anyNullable;
import static io.sluice.analysis.StringFunctionSpecs.call;
import static io.sluice.analysis.StringFunctionSpecs.named;
import static io.sluice.analysis.StringFunctionSpecs.withDefault;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import java.util.List;

/**
 * Registry entries of the pattern functions: {@code like}/{@code ilike} (SQL patterns with an
 * escape character, {@code \} by default), {@code rlike} and the Java-regex functions {@code
 * split}, {@code regexp_extract}, {@code regexp_extract_all}, {@code regexp_replace}.
 */
final class PatternFunctionSpecs {
  private PatternFunctionSpecs() {}

  private static final List<InputType> STRINGS = List.of(STRING);

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar("like", Arity.oneOf(2, 3), STRINGS, c -> like(c, false)),
        FunctionSpec.scalar("ilike", Arity.oneOf(2, 3), STRINGS, c -> like(c, true)),
        rlike("rlike", "RLIKE"),
        rlike("regexp", "REGEXP"),
        rlike("regexp_like", "REGEXP_LIKE"),
        FunctionSpec.scalar(
            "split",
            Arity.oneOf(2, 3),
            List.of(STRING, STRING, INT),
            c -> {
              List<Expression> args = withDefault(c.arguments(), 3, Literal.of(-1));
              return call(
                  "split", args, new ArrayType(DataTypes.StringType, false), anyNullable(args));
            }),
        FunctionSpec.scalar(
            "regexp_extract",
            Arity.oneOf(2, 3),
            List.of(STRING, STRING, INT),
            c ->
                call(
                    "regexp_extract",
                    withDefault(c.arguments(), 3, Literal.of(1)),
                    DataTypes.StringType,
                    anyNullable(c))),
        FunctionSpec.scalar(
            "regexp_extract_all",
            Arity.oneOf(2, 3),
            List.of(STRING, STRING, INT),
            c ->
                call(
                    "regexp_extract_all",
                    withDefault(c.arguments(), 3, Literal.of(1)),
                    new ArrayType(DataTypes.StringType, true),
                    anyNullable(c))),
        FunctionSpec.scalar(
            "regexp_replace",
            Arity.oneOf(3, 4),
            List.of(STRING, STRING, STRING, INT),
            PatternFunctionSpecs::regexpReplace));
  }

  private static FunctionSpec rlike(String name, String prettyName) {
    return FunctionSpec.scalar(
        name,
        Arity.exactly(2),
        STRINGS,
        c -> named("rlike", prettyName, c.arguments(), DataTypes.BooleanType, anyNullable(c)));
  }

  /**
   * {@code str LIKE pattern [ESCAPE e]}, named as Spark writes it; {@code ilike} is {@code like} of
   * the lower-cased sides. The kernel always receives the escape character as its third argument.
   */
  private static Expression like(FunctionCall c, boolean ignoreCase) {
    Expression str = c.arg(0);
    Expression pattern = c.arg(1);
    String escape = "\\";
    if (c.arguments().size() == 3) escape = escapeChar(c.arg(2));
    Literal escapeLit = Literal.of(escape);
    if (ignoreCase) {
      ScalarFunction lower =
          call(
              "like",
              List.of(lower(str), lower(pattern), escapeLit),
              DataTypes.BooleanType,
              str.nullable() || pattern.nullable());
      return new RuntimeReplaceable("ilike", List.of(str, pattern), false, lower);
    }
    ScalarFunction f =
        call(
            "like",
            List.of(str, pattern, escapeLit),
            DataTypes.BooleanType,
            str.nullable() || pattern.nullable());
    String suffix = escape.equals("\\") ? "" : " ESCAPE '" + escape + "'";
    return RuntimeReplaceable.shownAs(str.sql() + " LIKE " + pattern.sql() + suffix, f);
  }

  private static Expression lower(Expression e) {
    return call("lower", List.of(e), DataTypes.StringType, e.nullable());
  }

  private static String escapeChar(Expression e) {
    if (e instanceof Literal l && l.value() instanceof String s && s.length() == 1) return s;
    if (e instanceof Cast cast
        && cast.child() instanceof Literal l
        && l.value() instanceof String s
        && s.length() == 1) {
      return s;
    }
    throw QueryErrors.error(ErrorClass.INVALID_ESCAPE_CHAR, "sqlExpr", QueryErrors.toSQLExpr(e));
  }

  /**
   * {@code regexp_replace(str, regexp, rep[, position])}: {@code position} (default 1) must be a
   * constant greater than 0.
   */
  private static Expression regexpReplace(FunctionCall c) {
    List<Expression> args = withDefault(c.arguments(), 4, Literal.of(1));
    Expression pos = args.get(3);
    if (!pos.foldable()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_NON_FOLDABLE_INPUT,
          "sqlExpr",
          StringFunctionSpecs.sqlExpr("regexp_replace", args),
          "inputName",
          QueryErrors.toSQLId("position"),
          "inputType",
          QueryErrors.toSQLType(pos.dataType()),
          "inputExpr",
          QueryErrors.toSQLExpr(pos));
    }
    Integer p = intConstant(pos);
    if (p != null && p <= 0) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_VALUE_OUT_OF_RANGE,
          "sqlExpr",
          StringFunctionSpecs.sqlExpr("regexp_replace", args),
          "exprName",
          "position",
          "valueRange",
          "(0, " + Integer.MAX_VALUE + "]",
          "currentValue",
          String.valueOf(p));
    }
    return call("regexp_replace", args, DataTypes.StringType, anyNullable(args));
  }

  /** The value of an integral literal, possibly behind an implicit cast; else null. */
  private static Integer intConstant(Expression e) {
    if (e instanceof Cast cast) e = cast.child();
    if (e instanceof Literal l
        && l.value() instanceof Number n
        && !(n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal)) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.longValue()));
    }
    return null;
  }
}
