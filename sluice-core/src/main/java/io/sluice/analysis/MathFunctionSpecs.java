package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLId;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BinaryArithmetic.Op;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.IntegerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registry entries of the math functions; their kernels live in {@code exec.expr.fn} ({@code
 * MathKernels}, {@code RoundingKernels}, {@code RandomKernels}). Generated names follow Spark 4:
 * functions without a registry alias keep Spark's upper-case names ({@code SQRT(x)}, {@code
 * CEIL(x)}, {@code POWER(x, y)}), aliases show the name used ({@code ceiling(x)}).
 */
final class MathFunctionSpecs {
  private MathFunctionSpecs() {}

  private static final List<InputType> ONE_DOUBLE = List.of(InputType.exact(DataTypes.DoubleType));
  private static final List<InputType> TWO_DOUBLES =
      List.of(InputType.exact(DataTypes.DoubleType), InputType.exact(DataTypes.DoubleType));

  /** Unary functions over doubles: registry name, kernel name, name shown. */
  private static final String[][] UNARY_DOUBLE = {
    {"sqrt", "sqrt", "SQRT"},
    {"exp", "exp", "EXP"},
    {"expm1", "expm1", "EXPM1"},
    {"ln", "ln", "ln"},
    {"log10", "log10", "LOG10"},
    {"log2", "log2", "LOG2"},
    {"log1p", "log1p", "LOG1P"},
    {"cbrt", "cbrt", "CBRT"},
    {"sin", "sin", "SIN"},
    {"cos", "cos", "COS"},
    {"tan", "tan", "TAN"},
    {"asin", "asin", "ASIN"},
    {"acos", "acos", "ACOS"},
    {"atan", "atan", "ATAN"},
    {"sinh", "sinh", "SINH"},
    {"cosh", "cosh", "COSH"},
    {"tanh", "tanh", "TANH"},
    {"degrees", "degrees", "DEGREES"},
    {"radians", "radians", "RADIANS"},
    {"rint", "rint", "rint"}
  };

  /** {@code signum} and its alias: a double's sign, or an ANSI interval's, as a double. */
  private static final String[][] SIGNS = {{"signum", "SIGNUM"}, {"sign", "sign"}};

  private static final List<InputType> DOUBLE_OR_ANSI_INTERVAL =
      List.of(
          InputType.oneOf(
              InputType.exact(DataTypes.DoubleType),
              new InputType.AnyOf(InputType.Family.YEAR_MONTH_INTERVAL),
              new InputType.AnyOf(InputType.Family.DAY_TIME_INTERVAL)));

  static FunctionRegistry register(FunctionRegistry r) {
    List<FunctionSpec> specs = new ArrayList<>();
    specs.add(
        FunctionSpec.scalar(
            "abs",
            Arity.exactly(1),
            List.of(InputType.NUMERIC_OR_ANSI_INTERVAL),
            c ->
                ScalarFunction.of("abs", c.arguments(), c.arg(0).dataType(), c.arg(0).nullable())));
    for (String[] u : UNARY_DOUBLE) {
      specs.add(
          FunctionSpec.scalar(
              u[0],
              Arity.exactly(1),
              ONE_DOUBLE,
              c ->
                  new ScalarFunction(
                      u[1], c.arguments(), DataTypes.DoubleType, true, false, u[2])));
    }
    for (String[] u : SIGNS) {
      specs.add(
          FunctionSpec.scalar(
              u[0],
              Arity.exactly(1),
              DOUBLE_OR_ANSI_INTERVAL,
              c ->
                  new ScalarFunction(
                      c.arg(0).dataType() instanceof DoubleType ? "signum" : "interval_signum",
                      c.arguments(),
                      DataTypes.DoubleType,
                      c.arg(0).nullable(),
                      false,
                      u[1])));
    }
    specs.add(FunctionSpec.scalar("e", Arity.exactly(0), c -> constant("e", "E")));
    specs.add(FunctionSpec.scalar("pi", Arity.exactly(0), c -> constant("pi", "PI")));
    specs.add(FunctionSpec.scalar("log", Arity.oneOf(1, 2), TWO_DOUBLES, MathFunctionSpecs::log));
    specs.add(FunctionSpec.scalar("pow", Arity.exactly(2), TWO_DOUBLES, c -> pow(c, "pow")));
    specs.add(FunctionSpec.scalar("power", Arity.exactly(2), TWO_DOUBLES, c -> pow(c, "POWER")));
    specs.add(
        FunctionSpec.scalar(
            "atan2",
            Arity.exactly(2),
            TWO_DOUBLES,
            c ->
                new ScalarFunction(
                    "atan2", c.arguments(), DataTypes.DoubleType, anyNullable(c), false, "ATAN2")));
    specs.add(
        FunctionSpec.scalar(
            "hypot",
            Arity.exactly(2),
            TWO_DOUBLES,
            c ->
                new ScalarFunction(
                    "hypot", c.arguments(), DataTypes.DoubleType, anyNullable(c), false, "HYPOT")));
    specs.addAll(RoundingSpecs.specs());
    specs.add(FunctionSpec.scalar("greatest", Arity.atLeast(0), c -> extremum(c, "greatest")));
    specs.add(FunctionSpec.scalar("least", Arity.atLeast(0), c -> extremum(c, "least")));
    List<InputType> seed =
        List.of(
            InputType.oneOf(
                InputType.exact(DataTypes.IntegerType), InputType.exact(DataTypes.LongType)));
    // random is rand under another name, and Spark names it rand(seed) too
    for (String name : List.of("rand", "randn", "random")) {
      String kernel = name.equals("random") ? "rand" : name;
      specs.add(FunctionSpec.scalar(name, Arity.oneOf(0, 1), seed, c -> random(c, kernel, kernel)));
    }
    specs.addAll(arithmetic());
    return r.with(specs.toArray(new FunctionSpec[0]));
  }

  private static boolean anyNullable(FunctionCall c) {
    return c.arguments().stream().anyMatch(Expression::nullable);
  }

  private static ScalarFunction constant(String kernel, String shown) {
    return new ScalarFunction(kernel, List.of(), DataTypes.DoubleType, false, false, shown);
  }

  /** {@code log(x)} is {@code LOG(E(), x)} in Spark's SQL; {@code log(base, x)}. */
  private static Expression log(FunctionCall c) {
    List<Expression> args =
        c.arguments().size() == 2 ? c.arguments() : List.of(constant("e", "E"), c.arg(0));
    return new ScalarFunction("log", args, DataTypes.DoubleType, true, false, "LOG");
  }

  private static Expression pow(FunctionCall c, String shown) {
    return new ScalarFunction(
        "pow", c.arguments(), DataTypes.DoubleType, anyNullable(c), false, shown);
  }

  /**
   * {@code greatest}/{@code least}: at least two arguments of one orderable type; arguments of
   * different types are cast to their wider common type (ANSI) or the wider type without string
   * promotion (legacy), as Spark's function-argument coercion does.
   */
  private static Expression extremum(FunctionCall c, String name) {
    List<Expression> args = c.arguments();
    String sqlExpr = "\"" + c.sql() + "\"";
    if (args.size() <= 1) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_WRONG_NUM_ARGS,
          "sqlExpr",
          sqlExpr,
          "functionName",
          toSQLId(name),
          "expectedNum",
          "> 1",
          "actualNum",
          String.valueOf(args.size()));
    }
    List<DataType> types = new ArrayList<>();
    for (Expression a : args) types.add(a.dataType());
    DataType target = types.get(0);
    if (!TypeWidening.haveSameType(types)) {
      TypeWidening w = new TypeWidening(c.ansi(), NameMatcher.CASE_INSENSITIVE);
      Optional<DataType> wider =
          c.ansi() ? w.widerCommonType(types) : w.widerTypeWithoutStringPromotion(types);
      if (wider.isEmpty()) {
        List<String> shown = new ArrayList<>();
        for (DataType t : types) shown.add(toSQLType(t));
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_DATA_DIFF_TYPES,
            "sqlExpr",
            sqlExpr,
            "functionName",
            toSQLId(name),
            "dataType",
            "[" + String.join(", ", shown) + "]");
      }
      target = wider.get();
    }
    if (!ExpressionChecks.isOrderable(target)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_INVALID_ORDERING_TYPE,
          "sqlExpr",
          sqlExpr,
          "functionName",
          toSQLId(List.of(name)),
          "dataType",
          toSQLType(target));
    }
    List<Expression> cast = new ArrayList<>();
    boolean nullable = true;
    for (Expression a : args) {
      cast.add(
          a.dataType().equals(target) ? a : Cast.implicit(a, target, EvalMode.fromAnsi(c.ansi())));
      nullable &= a.nullable();
    }
    return ScalarFunction.of(name, cast, target, nullable);
  }

  /**
   * {@code rand(seed)}, {@code randn(seed)}: the seed must be a constant int or bigint (null is 0).
   * Without a seed the kernel draws one.
   */
  private static Expression random(FunctionCall c, String kernel, String shown) {
    if (c.arguments().size() == 1) {
      Expression seed = c.arg(0);
      if (Foldables.constant(seed) == null) {
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_NON_FOLDABLE_INPUT,
            "sqlExpr",
            "\"" + c.sql() + "\"",
            "inputName",
            toSQLId("seed"),
            "inputType",
            "(\"INT\" or \"BIGINT\")",
            "inputExpr",
            toSQLExpr(seed));
      }
    }
    return new ScalarFunction(kernel, c.arguments(), DataTypes.DoubleType, false, true, shown);
  }

  /** pmod, mod, try_* arithmetic and negative/positive: nodes of the arithmetic core. */
  private static List<FunctionSpec> arithmetic() {
    List<FunctionSpec> specs = new ArrayList<>();
    specs.add(
        FunctionSpec.scalar(
            "pmod",
            Arity.exactly(2),
            c -> new BinaryArithmetic(Op.PMOD, c.arg(0), c.arg(1), EvalMode.fromAnsi(c.ansi()))));
    specs.add(
        FunctionSpec.scalar(
            "mod",
            Arity.exactly(2),
            c ->
                new RuntimeReplaceable(
                    "mod",
                    c.arguments(),
                    false,
                    new BinaryArithmetic(
                        Op.REMAINDER, c.arg(0), c.arg(1), EvalMode.fromAnsi(c.ansi())))));
    String[][] tries = {
      {"try_add", "ADD"},
      {"try_subtract", "SUBTRACT"},
      {"try_multiply", "MULTIPLY"},
      {"try_divide", "DIVIDE"},
      {"try_mod", "REMAINDER"}
    };
    for (String[] t : tries) {
      Op op = Op.valueOf(t[1]);
      specs.add(
          FunctionSpec.scalar(
              t[0],
              Arity.exactly(2),
              c -> {
                Expression e = new BinaryArithmetic(op, c.arg(0), c.arg(1), EvalMode.TRY);
                // try_mod has no SQL form of its own on the node: keep the function's name
                return op == Op.REMAINDER
                    ? new RuntimeReplaceable(t[0], c.arguments(), false, e)
                    : e;
              }));
    }
    specs.add(
        FunctionSpec.scalar(
            "negative",
            Arity.exactly(1),
            List.of(InputType.NUMERIC_AND_INTERVAL),
            c ->
                new RuntimeReplaceable(
                    "negative",
                    c.arguments(),
                    false,
                    new UnaryMinus(c.arg(0), EvalMode.fromAnsi(c.ansi())))));
    specs.add(
        FunctionSpec.scalar(
            "positive",
            Arity.exactly(1),
            List.of(InputType.NUMERIC_AND_INTERVAL),
            c -> new RuntimeReplaceable("positive", c.arguments(), false, c.arg(0))));
    return specs;
  }

  /** True for an int-typed argument. */
  static boolean isInt(Expression e) {
    return e.dataType() instanceof IntegerType;
  }

  /** Spark's type of {@code round(d, scale)} and friends for a decimal input. */
  static DecimalType roundedDecimal(DecimalType d, int scale) {
    int p = d.precision();
    int s = d.scale();
    int integral = p - s + 1;
    if (scale < 0) {
      return new DecimalType(
          Math.min(Math.max(integral, -scale + 1), DecimalType.MAX_PRECISION), 0);
    }
    int newScale = Math.min(s, scale);
    return new DecimalType(Math.min(integral + newScale, DecimalType.MAX_PRECISION), newScale);
  }
}
