package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLId;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AggregateCall.Function;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GroupingFunction;
import io.sluice.plan.expr.Literal;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry entries of the aggregate functions beyond the core five. Aliases keep the name they were
 * called by ({@code stddev(x)}, {@code every(x)}, {@code any_value(x)}) through {@link
 * RuntimeReplaceable}; constant parameters ({@code ignoreNulls}, the relative error of {@code
 * approx_count_distinct}, percentages and accuracy) are checked here and kept as literal arguments
 * of the call.
 */
final class AggregateFunctionSpecs {
  private AggregateFunctionSpecs() {}

  private static final List<InputType> ONE_DOUBLE = List.of(InputType.exact(DataTypes.DoubleType));
  private static final List<InputType> TWO_DOUBLES =
      List.of(InputType.exact(DataTypes.DoubleType), InputType.exact(DataTypes.DoubleType));

  static FunctionRegistry register(FunctionRegistry r) {
    List<FunctionSpec> specs = new ArrayList<>();
    firstLast(specs);
    for (String[] m : new String[][] {{"min_by", "MIN_BY"}, {"max_by", "MAX_BY"}}) {
      Function f = Function.valueOf(m[1]);
      specs.add(FunctionSpec.aggregate(m[0], Arity.exactly(2), List.of(), c -> minMaxBy(c, f)));
    }
    specs.add(
        aggregate(
            "collect_list", Arity.exactly(1), List.of(), c -> call(Function.COLLECT_LIST, c)));
    specs.add(
        aggregate(
            "array_agg",
            Arity.exactly(1),
            List.of(),
            c -> alias("array_agg", c, call(Function.COLLECT_LIST, c))));
    specs.add(
        aggregate("collect_set", Arity.exactly(1), List.of(), AggregateFunctionSpecs::collectSet));
    String[][] moments = {
      {"stddev_samp", "STDDEV_SAMP"},
      {"stddev", "STDDEV_SAMP"},
      {"std", "STDDEV_SAMP"},
      {"stddev_pop", "STDDEV_POP"},
      {"var_samp", "VAR_SAMP"},
      {"variance", "VAR_SAMP"},
      {"var_pop", "VAR_POP"}
    };
    for (String[] m : moments) {
      Function f = Function.valueOf(m[1]);
      boolean alias = !m[0].equals(f.sqlName());
      specs.add(
          aggregate(
              m[0],
              Arity.exactly(1),
              ONE_DOUBLE,
              c -> alias ? alias(m[0], c, call(f, c)) : call(f, c)));
    }
    for (Function f : List.of(Function.CORR, Function.COVAR_SAMP, Function.COVAR_POP)) {
      specs.add(aggregate(f.sqlName(), Arity.exactly(2), TWO_DOUBLES, c -> call(f, c)));
    }
    specs.add(
        aggregate(
            "approx_count_distinct",
            Arity.oneOf(1, 2),
            List.of(InputType.ANY, InputType.exact(DataTypes.DoubleType)),
            AggregateFunctionSpecs::approxCountDistinct));
    specs.addAll(PercentileSpecs.specs());
    String[][] bools = {
      {"bool_and", "MIN"}, {"every", "MIN"}, {"bool_or", "MAX"}, {"some", "MAX"}, {"any", "MAX"}
    };
    for (String[] b : bools) {
      Function f = Function.valueOf(b[1]);
      specs.add(
          aggregate(
              b[0], Arity.exactly(1), List.of(InputType.BOOLEAN), c -> alias(b[0], c, call(f, c))));
    }
    // replaced by ResolveGroupingAnalytics; rejected outside GROUPING SETS, ROLLUP and CUBE
    specs.add(
        FunctionSpec.scalar(
            "grouping", Arity.exactly(1), c -> new GroupingFunction(false, c.arguments())));
    specs.add(
        FunctionSpec.scalar(
            "grouping_id", Arity.atLeast(0), c -> new GroupingFunction(true, c.arguments())));
    return r.with(specs.toArray(new FunctionSpec[0]));
  }

  private static FunctionSpec aggregate(
      String name, Arity arity, List<InputType> inputs, FunctionBuilder builder) {
    return FunctionSpec.aggregate(name, arity, inputs, builder);
  }

  static AggregateCall call(Function f, FunctionCall c) {
    return new AggregateCall(f, c.arguments(), c.distinct());
  }

  /** The call under the name it was called by, with the first {@code shown} arguments shown. */
  static Expression alias(String name, FunctionCall c, AggregateCall call) {
    int shown =
        name.startsWith("first") || name.startsWith("last") || name.equals("any_value")
            ? 1
            : c.arguments().size();
    return new RuntimeReplaceable(name, c.arguments().subList(0, shown), c.distinct(), call);
  }

  /** first/last/any_value with an optional constant boolean {@code ignoreNulls}. */
  private static void firstLast(List<FunctionSpec> specs) {
    String[][] names = {
      {"first", "FIRST"},
      {"first_value", "FIRST"},
      {"any_value", "FIRST"},
      {"last", "LAST"},
      {"last_value", "LAST"}
    };
    for (String[] n : names) {
      Function f = Function.valueOf(n[1]);
      specs.add(
          aggregate(
              n[0],
              Arity.oneOf(1, 2),
              List.of(InputType.ANY, InputType.BOOLEAN),
              c -> {
                List<Expression> args = new ArrayList<>(List.of(c.arg(0)));
                if (c.arguments().size() == 2) {
                  Foldables.Constant k = Foldables.constant(c.arg(1));
                  if (k == null || !(k.value() instanceof Boolean b)) {
                    throw QueryErrors.error(
                        ErrorClass.DATATYPE_MISMATCH_NON_FOLDABLE_INPUT,
                        "sqlExpr",
                        "\"" + c.sql() + "\"",
                        "inputName",
                        toSQLId("ignoreNulls"),
                        "inputType",
                        toSQLType(DataTypes.BooleanType),
                        "inputExpr",
                        toSQLExpr(c.arg(1)));
                  }
                  args.add(Literal.of(b));
                }
                AggregateCall call = new AggregateCall(f, args, c.distinct());
                return n[0].equals(f.sqlName()) ? call : alias(n[0], c, call);
              }));
    }
  }

  /** {@code max_by(x, ord)}: the ordering must be orderable. */
  private static Expression minMaxBy(FunctionCall c, Function f) {
    DataType ord = c.arg(1).dataType();
    if (!ExpressionChecks.isOrderable(ord)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_INVALID_ORDERING_TYPE,
          "sqlExpr",
          "\"" + c.sql() + "\"",
          "functionName",
          toSQLId(List.of(f.sqlName())),
          "dataType",
          toSQLType(ord));
    }
    return call(f, c);
  }

  /** {@code collect_set(x)}: maps cannot be compared for equality. */
  private static Expression collectSet(FunctionCall c) {
    DataType t = c.arg(0).dataType();
    if (containsMap(t)) {
      throw QueryErrors.unexpectedInputType(
          "\"" + c.sql() + "\"", 0, "\"ANY\" without \"MAP\"", c.arg(0));
    }
    return call(Function.COLLECT_SET, c);
  }

  private static boolean containsMap(DataType t) {
    if (t instanceof MapType) return true;
    if (t instanceof ArrayType a) return containsMap(a.elementType());
    if (t instanceof io.sluice.types.StructType s) {
      for (io.sluice.types.StructField f : s.fields()) {
        if (containsMap(f.dataType())) return true;
      }
    }
    return false;
  }

  /**
   * {@code approx_count_distinct(x[, rsd])}: the relative standard deviation must be a constant
   * that gives a precision of 4 to 24 bits (about 0.03% to 39%; Spark sets no upper bound, Sluice
   * stops where one group's sketch would pass 16 MiB).
   */
  private static Expression approxCountDistinct(FunctionCall c) {
    double rsd = 0.05;
    if (c.arguments().size() == 2) {
      Foldables.Constant k = Foldables.constant(c.arg(1));
      if (k == null || !(k.value() instanceof Number num)) {
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_NON_FOLDABLE_INPUT,
            "sqlExpr",
            "\"" + c.sql() + "\"",
            "inputName",
            toSQLId("relativeSD"),
            "inputType",
            toSQLType(DataTypes.DoubleType),
            "inputExpr",
            toSQLExpr(c.arg(1)));
      }
      rsd = num.doubleValue();
      int p = (int) Math.ceil(2.0 * Math.log(1.106 / rsd) / Math.log(2.0));
      if (!(rsd > 0) || p < 4 || p > 24) {
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_VALUE_OUT_OF_RANGE,
            "sqlExpr",
            "\"" + c.sql() + "\"",
            "exprName",
            "relativeSD",
            "valueRange",
            "[0.00027, 0.39]",
            "currentValue",
            String.valueOf(rsd));
      }
      return new AggregateCall(
          Function.APPROX_COUNT_DISTINCT, List.of(c.arg(0), Literal.of(rsd)), c.distinct());
    }
    return new AggregateCall(Function.APPROX_COUNT_DISTINCT, List.of(c.arg(0)), c.distinct());
  }
}
