package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLId;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.WindowFunction;
import io.sluice.plan.expr.WindowFunction.Kind;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.NullType;
import java.util.ArrayList;
import java.util.List;

/**
 * The window functions, usable only with {@code OVER}: {@code row_number()}, {@code rank()}, {@code
 * dense_rank()}, {@code percent_rank()}, {@code cume_dist()}, {@code ntile([n])}, {@code
 * lag/lead(input[, offset[, default[, ignoreNulls]]])} and {@code nth_value(input, offset[,
 * ignoreNulls])} (the boolean is what {@code IGNORE NULLS} sets). Their builders check constant
 * arguments as Spark does and build a {@link WindowFunction}.
 */
final class WindowFunctionSpecs {
  private WindowFunctionSpecs() {}

  static FunctionRegistry register(FunctionRegistry r) {
    List<FunctionSpec> specs = new ArrayList<>();
    for (Kind k : List.of(Kind.ROW_NUMBER, Kind.CUME_DIST)) {
      specs.add(
          FunctionSpec.scalar(
              k.prettyName(), Arity.exactly(0), c -> new WindowFunction(k, List.of(), false)));
    }
    // Spark's rank functions accept arguments, which stand for the ORDER BY keys and are ignored
    for (Kind k : List.of(Kind.RANK, Kind.DENSE_RANK, Kind.PERCENT_RANK)) {
      specs.add(
          FunctionSpec.scalar(
              k.prettyName(), Arity.atLeast(0), c -> new WindowFunction(k, List.of(), false)));
    }
    specs.add(FunctionSpec.scalar("ntile", Arity.oneOf(0, 1), WindowFunctionSpecs::ntile));
    for (Kind k : List.of(Kind.LAG, Kind.LEAD)) {
      specs.add(
          FunctionSpec.scalar(
              k.prettyName(),
              Arity.oneOf(1, 2, 3, 4),
              List.of(
                  InputType.ANY,
                  InputType.exact(DataTypes.IntegerType),
                  InputType.ANY,
                  InputType.BOOLEAN),
              c -> offset(k, c)));
    }
    specs.add(
        FunctionSpec.scalar(
            "nth_value",
            Arity.oneOf(2, 3),
            List.of(InputType.ANY, InputType.exact(DataTypes.IntegerType), InputType.BOOLEAN),
            WindowFunctionSpecs::nthValue));
    return r.with(specs.toArray(new FunctionSpec[0]));
  }

  /** {@code ntile(n)}: a positive constant integer (1 when omitted). */
  private static Expression ntile(FunctionCall c) {
    Expression n = c.arguments().isEmpty() ? Literal.of(1) : c.arg(0);
    String sqlExpr = "\"" + new WindowFunction(Kind.NTILE, List.of(n), false).sql() + "\"";
    Foldables.Constant k = Foldables.constant(n);
    if (k == null) throw nonFoldable(sqlExpr, "buckets", n);
    if (!n.dataType().equals(DataTypes.IntegerType)) {
      throw QueryErrors.unexpectedInputType(sqlExpr, 0, toSQLType(DataTypes.IntegerType), n);
    }
    if (k.value() == null || (Integer) k.value() <= 0) {
      throw outOfRange(
          sqlExpr, "buckets", "(0, " + Integer.MAX_VALUE + "]", String.valueOf(k.value()));
    }
    return new WindowFunction(Kind.NTILE, List.of(Literal.of((Integer) k.value())), false);
  }

  /**
   * {@code lag/lead(input[, offset[, default[, ignoreNulls]]])}: a constant offset (1 by default);
   * the default is cast to the input's type (a null when omitted).
   */
  private static Expression offset(Kind kind, FunctionCall c) {
    Expression input = c.arg(0);
    Expression offset = c.arguments().size() > 1 ? c.arg(1) : Literal.of(1);
    Expression dflt = c.arguments().size() > 2 ? c.arg(2) : Literal.NULL;
    boolean ignoreNulls = c.arguments().size() > 3 && booleanConstant(c, 3, "ignoreNulls");
    Foldables.Constant k = Foldables.constant(offset);
    if (k == null || !(k.value() instanceof Integer)) {
      String sql =
          "\"" + new WindowFunction(kind, List.of(input, offset, dflt), false).sql() + "\"";
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_FRAME_LESS_OFFSET_WITHOUT_FOLDABLE,
          "sqlExpr",
          sql,
          "offset",
          toSQLExpr(offset));
    }
    offset = Literal.of((Integer) k.value());
    dflt = castDefault(kind, input, offset, dflt, c.ansi());
    return new WindowFunction(kind, List.of(input, offset, dflt), ignoreNulls);
  }

  private static Expression castDefault(
      Kind kind, Expression input, Expression offset, Expression dflt, boolean ansi) {
    DataType t = input.dataType();
    if (dflt.dataType().equals(t)) return dflt;
    if (dflt.dataType() instanceof NullType) return new Literal(null, t);
    EvalMode mode = EvalMode.fromAnsi(ansi);
    if (!CastRules.canCast(dflt.dataType(), t, mode)) {
      String sql =
          "\"" + new WindowFunction(kind, List.of(input, offset, dflt), false).sql() + "\"";
      throw QueryErrors.unexpectedInputType(sql, 2, toSQLType(t), dflt);
    }
    return Cast.implicit(dflt, t, mode);
  }

  /** {@code nth_value(input, offset[, ignoreNulls])}: a positive constant offset. */
  private static Expression nthValue(FunctionCall c) {
    Expression input = c.arg(0);
    boolean ignoreNulls = c.arguments().size() > 2 && booleanConstant(c, 2, "ignoreNulls");
    String sqlExpr =
        "\""
            + new WindowFunction(Kind.NTH_VALUE, List.of(input, c.arg(1)), ignoreNulls).sql()
            + "\"";
    Foldables.Constant k = Foldables.constant(c.arg(1));
    if (k == null || !(k.value() instanceof Integer i)) {
      throw nonFoldable(sqlExpr, "offset", c.arg(1));
    }
    if (i <= 0) {
      throw outOfRange(sqlExpr, "offset", "(0, " + Long.MAX_VALUE + "]", i + "L");
    }
    return new WindowFunction(Kind.NTH_VALUE, List.of(input, Literal.of(i)), ignoreNulls);
  }

  private static boolean booleanConstant(FunctionCall c, int i, String name) {
    Foldables.Constant k = Foldables.constant(c.arg(i));
    if (k == null || !(k.value() instanceof Boolean b)) {
      throw nonFoldable("\"" + c.sql() + "\"", name, c.arg(i));
    }
    return b;
  }

  private static RuntimeException nonFoldable(String sqlExpr, String name, Expression e) {
    return QueryErrors.error(
        ErrorClass.DATATYPE_MISMATCH_NON_FOLDABLE_INPUT,
        "sqlExpr",
        sqlExpr,
        "inputName",
        toSQLId(name),
        "inputType",
        toSQLType(e.dataType()),
        "inputExpr",
        toSQLExpr(e));
  }

  private static RuntimeException outOfRange(
      String sqlExpr, String name, String range, String value) {
    return QueryErrors.error(
        ErrorClass.DATATYPE_MISMATCH_VALUE_OUT_OF_RANGE,
        "sqlExpr",
        sqlExpr,
        "exprName",
        toSQLId(name),
        "valueRange",
        range,
        "currentValue",
        value);
  }
}
