package io.sluice.analysis;

import static io.sluice.analysis.StringFunctionSpecs.named;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.types.DataTypes;
import io.sluice.types.IntegerType;
import io.sluice.types.StringType;
import java.util.List;

/** Registry entries of {@code format_string} (alias {@code printf}) and {@code format_number}. */
final class FormatFunctionSpecs {
  private FormatFunctionSpecs() {}

  private static final InputType NUMBER_FORMAT =
      InputType.oneOf(StringFunctionSpecs.INT, StringFunctionSpecs.STRING);

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        formatString("format_string"),
        formatString("printf"),
        FunctionSpec.scalar("format_number", Arity.exactly(2), FormatFunctionSpecs::formatNumber));
  }

  /**
   * {@code format_string(fmt, args...)}: Java's {@code Formatter} with the US locale; null when the
   * format is null. A literal format may not use the argument index {@code %0$}.
   */
  private static FunctionSpec formatString(String name) {
    return FunctionSpec.scalar(
        name,
        Arity.atLeast(1),
        List.of(StringFunctionSpecs.STRING, InputType.ANY),
        c -> {
          if (c.arg(0) instanceof Literal l
              && l.value() instanceof String fmt
              && fmt.contains("%0$")) {
            throw QueryErrors.error(
                ErrorClass.INVALID_PARAMETER_VALUE_ZERO_INDEX,
                "parameter",
                QueryErrors.toSQLId("strfmt"),
                "functionName",
                QueryErrors.toSQLId("format_string"));
          }
          return named(
              "format_string", name, c.arguments(), DataTypes.StringType, c.arg(0).nullable());
        });
  }

  /**
   * {@code format_number(x, d)}: {@code x} any number, {@code d} an int (decimal places) or a
   * {@code DecimalFormat} pattern. Spark does not cast these arguments, so neither do we.
   */
  private static Expression formatNumber(FunctionCall c) {
    String sqlExpr = StringFunctionSpecs.sqlExpr("format_number", c.arguments());
    Expression x = c.arg(0);
    Expression d = c.arg(1);
    if (!x.dataType().isNumeric()) {
      throw QueryErrors.unexpectedInputType(sqlExpr, 0, InputType.NUMERIC.toSQLType(), x);
    }
    if (!(d.dataType() instanceof IntegerType || d.dataType() instanceof StringType)) {
      throw QueryErrors.unexpectedInputType(sqlExpr, 1, NUMBER_FORMAT.toSQLType(), d);
    }
    return StringFunctionSpecs.call("format_number", c.arguments(), DataTypes.StringType, true);
  }
}
