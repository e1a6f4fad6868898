package io.sluice.analysis;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.CreateNamedStruct;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.IsNotNull;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.NamedExpression;
import io.sluice.plan.expr.Not;
import io.sluice.types.StringType;
import java.util.ArrayList;
import java.util.List;

/** The built-in function specs. */
final class BuiltinFunctions {
  private BuiltinFunctions() {}

  /**
   * The core functions, then each family of the function library (one line per family: add a {@code
   * XxxFunctionSpecs.register} call here for a new family).
   */
  static FunctionRegistry register(FunctionRegistry r) {
    FunctionRegistry all = core(r);
    all = StringFunctionSpecs.register(all);
    all = CollectionFunctionSpecs.register(all);
    all = MiscFunctionSpecs.register(all);
    all = DateTimeFunctionSpecs.register(all);
    all = ExtractSpecs.register(all);
    all = MathFunctionSpecs.register(all);
    all = AggregateFunctionSpecs.register(all);
    all = JsonFunctionSpecs.register(all);
    all = TimeWindowFunctionSpecs.register(all);
    all = WindowFunctionSpecs.register(all);
    return all;
  }

  private static FunctionRegistry core(FunctionRegistry r) {
    List<InputType> numericOrInterval = List.of(InputType.NUMERIC_OR_ANSI_INTERVAL);
    return r.with(
        FunctionSpec.aggregate(
            "count",
            Arity.atLeast(1),
            List.of(),
            c -> new AggregateCall(AggregateCall.Function.COUNT, c.arguments(), c.distinct())),
        FunctionSpec.aggregate(
            "sum",
            Arity.exactly(1),
            numericOrInterval,
            c -> new AggregateCall(AggregateCall.Function.SUM, c.arguments(), c.distinct())),
        FunctionSpec.aggregate(
            "avg",
            Arity.exactly(1),
            numericOrInterval,
            c -> new AggregateCall(AggregateCall.Function.AVG, c.arguments(), c.distinct())),
        FunctionSpec.aggregate(
            "mean",
            Arity.exactly(1),
            numericOrInterval,
            c ->
                new RuntimeReplaceable(
                    "mean",
                    c.arguments(),
                    c.distinct(),
                    new AggregateCall(AggregateCall.Function.AVG, c.arguments(), c.distinct()))),
        FunctionSpec.aggregate(
            "min",
            Arity.exactly(1),
            List.of(),
            c -> new AggregateCall(AggregateCall.Function.MIN, c.arguments(), c.distinct())),
        FunctionSpec.aggregate(
            "max",
            Arity.exactly(1),
            List.of(),
            c -> new AggregateCall(AggregateCall.Function.MAX, c.arguments(), c.distinct())),
        FunctionSpec.scalar("coalesce", Arity.atLeast(1), c -> new Coalesce(c.arguments())),
        FunctionSpec.scalar(
            "nvl",
            Arity.exactly(2),
            c -> new RuntimeReplaceable("nvl", c.arguments(), false, new Coalesce(c.arguments()))),
        FunctionSpec.scalar(
            "ifnull",
            Arity.exactly(2),
            c ->
                new RuntimeReplaceable(
                    "ifnull", c.arguments(), false, new Coalesce(c.arguments()))),
        FunctionSpec.scalar("isnull", Arity.exactly(1), c -> new IsNull(c.arg(0))),
        FunctionSpec.scalar("isnotnull", Arity.exactly(1), c -> new IsNotNull(c.arg(0))),
        FunctionSpec.scalar("not", Arity.exactly(1), c -> new Not(c.arg(0))),
        FunctionSpec.scalar("struct", Arity.atLeast(0), BuiltinFunctions::struct),
        FunctionSpec.scalar("named_struct", Arity.atLeast(0), BuiltinFunctions::namedStruct));
  }

  /** {@code struct(a, b.c, x + 1)}: fields named a, c and col3, as Spark names them. */
  private static Expression struct(FunctionCall c) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < c.arguments().size(); i++) {
      Expression e = c.arg(i);
      String name;
      if (e instanceof NamedExpression ne) {
        name = ne.name();
      } else if (e instanceof GetStructField g) {
        name = g.name();
      } else if (e instanceof GetMapValue g
          && g.key() instanceof Literal l
          && l.dataType() instanceof StringType
          && l.value() != null) {
        name = (String) l.value();
      } else {
        name = "col" + (i + 1);
      }
      names.add(name);
    }
    return new CreateNamedStruct(names, c.arguments(), "struct");
  }

  /** {@code named_struct('x', a, 'y', b)}: names must be string literals. */
  private static Expression namedStruct(FunctionCall c) {
    List<Expression> args = c.arguments();
    if (args.size() % 2 != 0) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_WRONG_NUM_ARGS,
          "sqlExpr",
          "\"" + c.sql() + "\"",
          "functionName",
          QueryErrors.toSQLId("named_struct"),
          "expectedNum",
          "2n (n > 0)",
          "actualNum",
          String.valueOf(args.size()));
    }
    List<String> names = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (int i = 0; i < args.size(); i += 2) {
      Expression n = args.get(i);
      if (n instanceof Literal l && l.dataType() instanceof StringType && l.value() != null) {
        names.add((String) l.value());
      } else {
        invalid.add(QueryErrors.toSQLExpr(n));
      }
      values.add(args.get(i + 1));
    }
    if (!invalid.isEmpty()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING,
          "sqlExpr",
          "\"" + c.sql() + "\"",
          "inputExprs",
          String.join(", ", invalid));
    }
    return new CreateNamedStruct(names, values, "named_struct");
  }
}
