package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLId;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AggregateCall.Function;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.types.ArrayType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code percentile_approx(x, percentage[, accuracy])} and its alias {@code approx_percentile}: x
 * is a number, date, timestamp or ANSI interval; the percentage a constant double or array of
 * doubles in [0, 1]; the accuracy a positive constant integer (default 10000, shown in the name as
 * Spark shows it: {@code percentile_approx(x, 0.5, 10000)}).
 */
final class PercentileSpecs {
  private PercentileSpecs() {}

  static final int DEFAULT_ACCURACY = 10_000;

  private static final List<InputType> INPUTS =
      List.of(
          InputType.oneOf(
              InputType.NUMERIC,
              InputType.exact(DataTypes.DateType),
              new InputType.AnyOf(InputType.Family.ANY_TIMESTAMP),
              new InputType.AnyOf(InputType.Family.YEAR_MONTH_INTERVAL),
              new InputType.AnyOf(InputType.Family.DAY_TIME_INTERVAL)),
          InputType.oneOf(
              InputType.exact(DataTypes.DoubleType),
              InputType.exact(new ArrayType(DataTypes.DoubleType, false))),
          InputType.INTEGRAL);

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.aggregate(
            "percentile_approx", Arity.oneOf(2, 3), INPUTS, c -> build(c, "percentile_approx")),
        FunctionSpec.aggregate(
            "approx_percentile", Arity.oneOf(2, 3), INPUTS, c -> build(c, "approx_percentile")));
  }

  private static Expression build(FunctionCall c, String name) {
    List<Expression> args = new ArrayList<>(c.arguments());
    if (args.size() == 2) args.add(Literal.of(DEFAULT_ACCURACY));
    String sqlExpr = "\"" + FunctionCall.callSql(name, args, c.distinct()) + "\"";
    Expression percentage = args.get(1);
    Expression accuracy = args.get(2);
    checkFoldable(sqlExpr, "percentage", percentage);
    checkFoldable(sqlExpr, "accuracy", accuracy);
    Foldables.Constant acc = Foldables.constant(accuracy);
    if (acc != null) {
      long a = acc.value() == null ? 0 : ((Number) acc.value()).longValue();
      if (a <= 0 || a > Integer.MAX_VALUE) {
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_VALUE_OUT_OF_RANGE,
            "sqlExpr",
            sqlExpr,
            "exprName",
            "accuracy",
            "valueRange",
            "(0, " + Integer.MAX_VALUE + "]",
            "currentValue",
            a + "L");
      }
    }
    Foldables.Constant pct = Foldables.constant(percentage);
    if (pct != null) {
      List<Double> values = new ArrayList<>();
      if (pct.value() instanceof Object[] array) {
        for (Object o : array) values.add(o == null ? Double.NaN : ((Number) o).doubleValue());
      } else if (pct.value() instanceof Number n) {
        values.add(n.doubleValue());
      }
      for (double p : values) {
        if (!(p >= 0.0 && p <= 1.0)) {
          List<String> shown = new ArrayList<>();
          for (double v : values) shown.add(String.valueOf(v));
          throw QueryErrors.error(
              ErrorClass.DATATYPE_MISMATCH_VALUE_OUT_OF_RANGE,
              "sqlExpr",
              sqlExpr,
              "exprName",
              "percentage",
              "valueRange",
              "[0.0, 1.0]",
              "currentValue",
              String.join(", ", shown));
        }
      }
    }
    AggregateCall call = new AggregateCall(Function.PERCENTILE_APPROX, args, c.distinct());
    return name.equals("percentile_approx")
        ? call
        : new RuntimeReplaceable(name, args, c.distinct(), call);
  }

  private static void checkFoldable(String sqlExpr, String inputName, Expression e) {
    if (!e.foldable()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_NON_FOLDABLE_INPUT,
          "sqlExpr",
          sqlExpr,
          "inputName",
          toSQLId(inputName),
          "inputType",
          toSQLType(e.dataType()),
          "inputExpr",
          toSQLExpr(e));
    }
  }
}
