package io.sluice.analysis;

import static io.sluice.analysis.CollectionTypes.requireArray;
import static io.sluice.analysis.CollectionTypes.sqlExpr;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.LambdaFunction;
import io.sluice.plan.expr.LeafExpression;
import io.sluice.plan.expr.NamedLambdaVariable;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.BooleanType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.IntegerType;
import io.sluice.types.MapType;
import java.util.List;
import java.util.Set;

/**
 * Registry entries of the higher-order functions ({@code transform}, {@code filter}, {@code
 * exists}, {@code forall}, {@code aggregate}/{@code reduce}, {@code zip_with}, {@code array_sort},
 * and over maps {@code map_filter}, {@code transform_keys}, {@code transform_values}, {@code
 * map_zip_with}), and the types of the variables each hands to its lambdas, which {@link
 * LambdaBinder} needs before the builder runs. Builders receive bound, resolved lambdas.
 */
final class HigherOrderFunctionSpecs {
  private HigherOrderFunctionSpecs() {}

  /** The type and nullability of one lambda variable. */
  record Variable(DataType type, boolean nullable) {}

  private static final Set<String> NAMES =
      Set.of(
          "transform",
          "filter",
          "exists",
          "forall",
          "aggregate",
          "reduce",
          "zip_with",
          "array_sort",
          "map_filter",
          "transform_keys",
          "transform_values",
          "map_zip_with");

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar(
            "transform",
            Arity.exactly(2),
            c -> {
              LambdaFunction f = lambda(c, 1);
              return ScalarFunction.of(
                  "transform",
                  c.arguments(),
                  new ArrayType(f.dataType(), f.nullable()),
                  c.arg(0).nullable());
            }),
        FunctionSpec.scalar(
            "filter",
            Arity.exactly(2),
            c -> {
              requireBoolean(c, lambda(c, 1));
              return ScalarFunction.of(
                  "filter", c.arguments(), c.arg(0).dataType(), c.arg(0).nullable());
            }),
        FunctionSpec.scalar("exists", Arity.exactly(2), c -> predicate(c, "exists")),
        FunctionSpec.scalar("forall", Arity.exactly(2), c -> predicate(c, "forall")),
        FunctionSpec.scalar("aggregate", Arity.oneOf(3, 4), c -> aggregate(c, "aggregate")),
        FunctionSpec.scalar("reduce", Arity.oneOf(3, 4), c -> aggregate(c, "reduce")),
        FunctionSpec.scalar("map_filter", Arity.exactly(2), HigherOrderFunctionSpecs::mapFilter),
        FunctionSpec.scalar(
            "transform_values", Arity.exactly(2), HigherOrderFunctionSpecs::transformValues),
        FunctionSpec.scalar(
            "transform_keys", Arity.exactly(2), HigherOrderFunctionSpecs::transformKeys),
        FunctionSpec.scalar("map_zip_with", Arity.exactly(3), HigherOrderFunctionSpecs::mapZipWith),
        FunctionSpec.scalar(
            "zip_with",
            Arity.exactly(3),
            c -> {
              LambdaFunction f = lambda(c, 2);
              return ScalarFunction.of(
                  "zip_with",
                  c.arguments(),
                  new ArrayType(f.dataType(), f.nullable()),
                  c.arg(0).nullable() || c.arg(1).nullable());
            }),
        FunctionSpec.scalar("array_sort", Arity.oneOf(1, 2), HigherOrderFunctionSpecs::arraySort));
  }

  static boolean isHigherOrder(String name) {
    return NAMES.contains(name);
  }

  /**
   * The variables of the lambda at argument {@code index} of a call whose other arguments are
   * resolved, for a lambda declaring {@code declared} arguments ({@code transform} and {@code
   * filter} take an optional index). Raises the call's input-type error when an argument that
   * determines the variables has the wrong type.
   */
  static List<Variable> variables(FunctionCall c, int index, int declared) {
    switch (c.name()) {
      case "transform", "filter" -> {
        ArrayType a = requireArray(c, 0);
        Variable element = new Variable(a.elementType(), a.containsNull());
        return declared == 2
            ? List.of(element, new Variable(DataTypes.IntegerType, false))
            : List.of(element);
      }
      case "exists", "forall" -> {
        ArrayType a = requireArray(c, 0);
        return List.of(new Variable(a.elementType(), a.containsNull()));
      }
      case "map_filter", "transform_keys", "transform_values" -> {
        MapType m = CollectionTypes.requireMap(c, 0);
        return List.of(
            new Variable(m.keyType(), false), new Variable(m.valueType(), m.valueContainsNull()));
      }
      case "map_zip_with" -> {
        MapType a = CollectionTypes.requireMap(c, 0);
        MapType b = CollectionTypes.requireMap(c, 1);
        DataType key = zipKeyType(c, a, b); // null: the builder reports the mismatch
        return List.of(
            new Variable(key == null ? a.keyType() : key, false),
            new Variable(a.valueType(), true),
            new Variable(b.valueType(), true));
      }
      case "aggregate", "reduce" -> {
        ArrayType a = requireArray(c, 0);
        Variable acc = new Variable(c.arg(1).dataType(), true);
        return index == 2
            ? List.of(acc, new Variable(a.elementType(), a.containsNull()))
            : List.of(acc);
      }
      case "zip_with" -> {
        ArrayType a = requireArray(c, 0);
        ArrayType b = requireArray(c, 1);
        return List.of(new Variable(a.elementType(), true), new Variable(b.elementType(), true));
      }
      case "array_sort" -> {
        ArrayType a = requireArray(c, 0);
        Variable element = new Variable(a.elementType(), a.containsNull());
        return List.of(element, element);
      }
      default -> throw new IllegalArgumentException("not a higher-order function: " + c.name());
    }
  }

  /** Argument {@code i} as a lambda, or the type error Spark gives for a non-function. */
  private static LambdaFunction lambda(FunctionCall c, int i) {
    requireArray(c, 0);
    return lambdaArg(c, i);
  }

  private static LambdaFunction lambdaArg(FunctionCall c, int i) {
    if (c.arg(i) instanceof LambdaFunction f) return f;
    throw CollectionTypes.unexpectedType(c, i, "\"LAMBDA\"");
  }

  /** {@code map_filter(map, (k, v) -> bool)}: the entries for which the lambda is true. */
  private static Expression mapFilter(FunctionCall c) {
    CollectionTypes.requireMap(c, 0);
    requireBoolean(c, lambdaArg(c, 1));
    return ScalarFunction.of("map_filter", c.arguments(), c.arg(0).dataType(), c.arg(0).nullable());
  }

  /** {@code transform_values(map, (k, v) -> value)}. */
  private static Expression transformValues(FunctionCall c) {
    MapType m = CollectionTypes.requireMap(c, 0);
    LambdaFunction f = lambdaArg(c, 1);
    return ScalarFunction.of(
        "transform_values",
        c.arguments(),
        new MapType(m.keyType(), f.dataType(), f.nullable()),
        c.arg(0).nullable());
  }

  /**
   * {@code transform_keys(map, (k, v) -> key)}: a null key is an error; a repeated key follows
   * {@code spark.sql.mapKeyDedupPolicy}.
   */
  private static Expression transformKeys(FunctionCall c) {
    MapType m = CollectionTypes.requireMap(c, 0);
    LambdaFunction f = lambdaArg(c, 1);
    CollectionFunctionSpecs.checkMapKeyType(c, f.dataType());
    return new ScalarFunction(
        CollectionTypes.mapKernel(c, "transform_keys"),
        c.arguments(),
        new MapType(f.dataType(), m.valueType(), m.valueContainsNull()),
        c.arg(0).nullable(),
        false,
        "transform_keys");
  }

  /**
   * {@code map_zip_with(m1, m2, (k, v1, v2) -> value)}: over the keys of both maps (those of {@code
   * m1} first), a value missing from a map read as null; null when either map is null.
   */
  private static Expression mapZipWith(FunctionCall c) {
    MapType a = CollectionTypes.requireMap(c, 0);
    MapType b = CollectionTypes.requireMap(c, 1);
    DataType key = zipKeyType(c, a, b);
    if (key == null) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_MAP_ZIP_WITH_DIFF_TYPES,
          "sqlExpr",
          sqlExpr(c),
          "functionName",
          QueryErrors.toSQLId("map_zip_with"),
          "leftType",
          QueryErrors.toSQLType(a.keyType()),
          "rightType",
          QueryErrors.toSQLType(b.keyType()));
    }
    LambdaFunction f = lambdaArg(c, 2);
    Expression left = withKeyType(c.arg(0), a, key, c);
    Expression right = withKeyType(c.arg(1), b, key, c);
    return ScalarFunction.of(
        "map_zip_with",
        List.of(left, right, f),
        new MapType(key, f.dataType(), f.nullable()),
        c.arg(0).nullable() || c.arg(1).nullable());
  }

  /** The key type both maps of {@code map_zip_with} are read with: the wider of theirs, or null. */
  private static DataType zipKeyType(FunctionCall c, MapType a, MapType b) {
    if (TypeWidening.equalsStructurally(a.keyType(), b.keyType())) return a.keyType();
    return CollectionTypes.widening(c)
        .widerCommonType(List.of(a.keyType(), b.keyType()))
        .orElse(null);
  }

  private static Expression withKeyType(Expression map, MapType t, DataType key, FunctionCall c) {
    if (TypeWidening.equalsStructurally(t.keyType(), key)) return map;
    return CollectionTypes.castTo(
        map, new MapType(key, t.valueType(), t.valueContainsNull()), c.ansi());
  }

  /** Spark checks a lambda's result type as the first of the function's lambda inputs. */
  private static void requireBoolean(FunctionCall c, LambdaFunction f) {
    if (!(f.dataType() instanceof BooleanType)) {
      throw QueryErrors.unexpectedInputType(sqlExpr(c), 0, InputType.BOOLEAN.toSQLType(), f);
    }
  }

  /** {@code exists} / {@code forall}: three-valued, null when undecided by nulls. */
  private static Expression predicate(FunctionCall c, String name) {
    LambdaFunction f = lambda(c, 1);
    requireBoolean(c, f);
    return ScalarFunction.of(
        name, c.arguments(), DataTypes.BooleanType, c.arg(0).nullable() || f.nullable());
  }

  /**
   * {@code aggregate(array, zero, merge[, finish])}: the merge result must have the zero's type;
   * the result is the finish's (the identity {@code id -> id} when absent; the analyzer adds it
   * before binding, so it shows in the generated name as in Spark). {@code reduce} is the same
   * function under its own name.
   */
  private static Expression aggregate(FunctionCall c, String prettyName) {
    LambdaFunction merge = lambda(c, 2);
    DataType zero = c.arg(1).dataType();
    if (!TypeWidening.equalsStructurally(zero, merge.dataType())) {
      throw QueryErrors.unexpectedInputType(sqlExpr(c), 2, QueryErrors.toSQLType(zero), merge);
    }
    List<Expression> args = c.arguments();
    LambdaFunction finish;
    if (args.size() == 4) {
      finish = lambda(c, 3);
    } else {
      NamedLambdaVariable id = NamedLambdaVariable.create("id", zero, true);
      finish = new LambdaFunction(id, List.of(id));
      args = List.of(args.get(0), args.get(1), args.get(2), finish);
    }
    return new ScalarFunction(
        "aggregate",
        args,
        finish.dataType(),
        c.arg(0).nullable() || finish.nullable(),
        false,
        prettyName);
  }

  /**
   * {@code array_sort(array[, comparator])}. Without a comparator: ascending with nulls last, named
   * (as in Spark) after the default comparator lambda.
   */
  private static Expression arraySort(FunctionCall c) {
    if (c.arguments().size() == 1) {
      String unresolvedSql =
          "\"array_sort(" + c.arg(0).sql() + ", " + defaultComparatorSql("left", "right") + ")\"";
      if (!(c.arg(0).dataType() instanceof ArrayType t)) {
        throw QueryErrors.unexpectedInputType(
            unresolvedSql, 0, InputType.ARRAY.toSQLType(), c.arg(0));
      }
      CollectionTypes.requireOrderable(c, unresolvedSql, t.elementType());
      String v = "namedlambdavariable()";
      Expression sorted = ScalarFunction.of("array_sort", c.arguments(), t, c.arg(0).nullable());
      return new RuntimeReplaceable(
          "array_sort", List.of(c.arg(0), new ShownSql(defaultComparatorSql(v, v))), false, sorted);
    }
    ArrayType a = requireArray(c, 0);
    CollectionTypes.requireOrderable(c, sqlExpr(c), a.elementType());
    LambdaFunction f = lambda(c, 1);
    if (!(f.dataType() instanceof IntegerType)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_UNEXPECTED_RETURN_TYPE,
          "sqlExpr",
          sqlExpr(c),
          "functionName",
          QueryErrors.toSQLId("lambdafunction"),
          "expectedType",
          QueryErrors.toSQLType(DataTypes.IntegerType),
          "actualType",
          QueryErrors.toSQLType(f.dataType()));
    }
    return ScalarFunction.of("array_sort", c.arguments(), a, c.arg(0).nullable());
  }

  /** Spark's default comparator of {@code array_sort}: ascending, nulls last. */
  static String defaultComparatorSql(String l, String r) {
    return "lambdafunction((IF((("
        + l
        + " IS NULL) AND ("
        + r
        + " IS NULL)), 0, (IF(("
        + l
        + " IS NULL), 1, (IF(("
        + r
        + " IS NULL), -1, (IF(("
        + l
        + " < "
        + r
        + "), -1, (IF(("
        + l
        + " > "
        + r
        + "), 1, 0)))))))))), "
        + l
        + ", "
        + r
        + ")";
  }

  /** A fixed text standing for an expression in a generated name. */
  private record ShownSql(String text) implements LeafExpression {
    @Override
    public DataType dataType() {
      return DataTypes.NullType;
    }

    @Override
    public boolean nullable() {
      return true;
    }

    @Override
    public String sql() {
      return text;
    }
  }
}
