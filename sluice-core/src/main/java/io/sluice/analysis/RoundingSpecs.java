package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLId;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code round}, {@code bround}, {@code ceil}/{@code ceiling} and {@code floor}. The scale must be
 * a constant: it decides the result type of decimals (Spark's {@code RoundBase}: one more integral
 * digit, the smaller of the two scales). One-argument {@code ceil}/{@code floor} return bigint for
 * doubles and longs and {@code decimal(p - s + 1, 0)} for decimals.
 */
final class RoundingSpecs {
  private RoundingSpecs() {}

  private static final InputType CEIL_INPUT =
      InputType.oneOf(
          InputType.exact(DataTypes.DoubleType),
          InputType.DECIMAL,
          InputType.exact(DataTypes.LongType));

  /** The scale of {@code ceil(x, scale)} is checked by the builder, not coerced. */
  private static final List<InputType> CEIL_INPUTS = List.of(CEIL_INPUT, InputType.ANY);

  static List<FunctionSpec> specs() {
    List<InputType> roundInputs =
        List.of(InputType.NUMERIC, InputType.exact(DataTypes.IntegerType));
    return List.of(
        FunctionSpec.scalar(
            "round", Arity.oneOf(1, 2), roundInputs, c -> round(c, "round", "round")),
        FunctionSpec.scalar(
            "bround", Arity.oneOf(1, 2), roundInputs, c -> round(c, "bround", "bround")),
        FunctionSpec.scalar(
            "ceil", Arity.oneOf(1, 2), CEIL_INPUTS, c -> ceilFloor(c, "ceil", "CEIL")),
        FunctionSpec.scalar(
            "ceiling", Arity.oneOf(1, 2), CEIL_INPUTS, c -> ceilFloor(c, "ceil", "ceiling")),
        FunctionSpec.scalar(
            "floor", Arity.oneOf(1, 2), CEIL_INPUTS, c -> ceilFloor(c, "floor", "FLOOR")));
  }

  /** {@code round(x)} is {@code round(x, 0)}, as Spark names it. */
  private static Expression round(FunctionCall c, String kernel, String name) {
    Expression x = c.arg(0);
    Expression scale = c.arguments().size() == 2 ? c.arg(1) : Literal.of(0);
    Foldables.Constant s = Foldables.constant(scale);
    if (s == null) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_NON_FOLDABLE_INPUT,
          "sqlExpr",
          "\"" + FunctionCall.callSql(name, List.of(x, scale), false) + "\"",
          "inputName",
          toSQLId("scale"),
          "inputType",
          toSQLType(scale.dataType()),
          "inputExpr",
          toSQLExpr(scale));
    }
    Integer scaleValue = Foldables.intValue(s);
    DataType t =
        x.dataType() instanceof DecimalType d && scaleValue != null
            ? MathFunctionSpecs.roundedDecimal(d, scaleValue)
            : x.dataType();
    return ScalarFunction.of(kernel, List.of(x, scale), t, true);
  }

  /**
   * {@code ceil(x)}, or {@code ceil(x, scale)} rounding a decimal towards positive infinity at a
   * constant int scale (Spark's {@code RoundCeil}, shown as {@code ceil(x, scale)}).
   */
  private static Expression ceilFloor(FunctionCall c, String kernel, String shown) {
    Expression x = c.arg(0);
    if (c.arguments().size() == 1) {
      DataType in = x.dataType();
      DataType t =
          in instanceof DecimalType d
              ? d.scale() == 0 ? d : DecimalType.bounded(d.precision() - d.scale() + 1, 0)
              : DataTypes.LongType;
      return new ScalarFunction(kernel, List.of(x), t, true, false, shown);
    }
    Expression scale = c.arg(1);
    Foldables.Constant s = Foldables.constant(scale);
    if (s == null || s.value() == null || !MathFunctionSpecs.isInt(scale)) {
      throw QueryErrors.error(
          ErrorClass.NON_FOLDABLE_ARGUMENT,
          "funcName",
          toSQLId(shown.toLowerCase(Locale.ROOT)),
          "paramName",
          toSQLId("scale"),
          "paramType",
          toSQLType(DataTypes.IntegerType));
    }
    // the scale form takes decimals: undo the cast to double of the one-argument form
    if (x instanceof Cast cast && !cast.userSpecified()) x = cast.child();
    if (!(x.dataType() instanceof DecimalType)) {
      Optional<Expression> asDecimal = new ImplicitCasts(c.ansi()).cast(x, InputType.DECIMAL);
      if (asDecimal.isEmpty()) {
        throw QueryErrors.unexpectedInputType(
            "\"" + c.sql() + "\"", 0, InputType.DECIMAL.toSQLType(), x);
      }
      x = asDecimal.get();
    }
    DecimalType t =
        MathFunctionSpecs.roundedDecimal((DecimalType) x.dataType(), Foldables.intValue(s));
    String name = kernel.equals("ceil") ? "round_ceil" : "round_floor";
    return new ScalarFunction(
        name, List.of(x, scale), t, true, false, shown.toLowerCase(Locale.ROOT));
  }
}
