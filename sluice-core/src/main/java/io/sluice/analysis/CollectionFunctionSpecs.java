package io.sluice.analysis;

import static io.sluice.analysis.CollectionTypes.anyNullable;
import static io.sluice.analysis.CollectionTypes.castTo;
import static io.sluice.analysis.CollectionTypes.requireArray;
import static io.sluice.analysis.CollectionTypes.sqlExpr;
import static io.sluice.analysis.CollectionTypes.typeList;
import static io.sluice.analysis.CollectionTypes.types;

import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.IntegerType;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registry entries of the collection functions (arrays and maps), the generators and the
 * higher-order functions; their kernels live in {@code exec.expr.fn}. Result types, nullability and
 * type errors follow Spark's expressions ({@code CreateArray}, {@code ElementAt}, ...).
 */
final class CollectionFunctionSpecs {
  private CollectionFunctionSpecs() {}

  private static final InputType ARRAY_OR_MAP = InputType.oneOf(InputType.ARRAY, InputType.MAP);
  private static final InputType INT = InputType.exact(DataTypes.IntegerType);
  private static final InputType STRING_ARRAY =
      InputType.exact(new ArrayType(DataTypes.StringType, true));

  static FunctionRegistry register(FunctionRegistry r) {
    FunctionRegistry all =
        r.with(
            FunctionSpec.scalar("array", Arity.atLeast(0), CollectionFunctionSpecs::array),
            FunctionSpec.scalar("map", Arity.atLeast(0), CollectionFunctionSpecs::map),
            FunctionSpec.scalar(
                "size", Arity.exactly(1), List.of(ARRAY_OR_MAP), c -> size(c, "size")),
            FunctionSpec.scalar(
                "cardinality",
                Arity.exactly(1),
                List.of(ARRAY_OR_MAP),
                c -> size(c, "cardinality")),
            FunctionSpec.scalar("element_at", Arity.exactly(2), CollectionFunctionSpecs::elementAt),
            FunctionSpec.scalar(
                "array_contains", Arity.exactly(2), CollectionFunctionSpecs::arrayContains),
            FunctionSpec.scalar(
                "array_distinct",
                Arity.exactly(1),
                List.of(InputType.ARRAY),
                c ->
                    ScalarFunction.of(
                        "array_distinct", c.arguments(), c.arg(0).dataType(), c.arg(0).nullable())),
            FunctionSpec.scalar(
                "array_join",
                Arity.oneOf(2, 3),
                List.of(STRING_ARRAY, InputType.STRING, InputType.STRING),
                c ->
                    ScalarFunction.of(
                        "array_join",
                        c.arguments(),
                        DataTypes.StringType,
                        anyNullable(c.arguments()))),
            FunctionSpec.scalar(
                "sort_array", Arity.oneOf(1, 2), CollectionFunctionSpecs::sortArray),
            FunctionSpec.scalar(
                "slice",
                Arity.exactly(3),
                List.of(InputType.ARRAY, INT, INT),
                c ->
                    ScalarFunction.of(
                        "slice", c.arguments(), c.arg(0).dataType(), anyNullable(c.arguments()))),
            FunctionSpec.scalar("flatten", Arity.exactly(1), CollectionFunctionSpecs::flatten),
            FunctionSpec.scalar(
                "map_keys", Arity.exactly(1), List.of(InputType.MAP), c -> mapPart(c, true)),
            FunctionSpec.scalar(
                "map_values", Arity.exactly(1), List.of(InputType.MAP), c -> mapPart(c, false)),
            FunctionSpec.scalar(
                "map_from_arrays",
                Arity.exactly(2),
                List.of(InputType.ARRAY, InputType.ARRAY),
                CollectionFunctionSpecs::mapFromArrays));
    all = GeneratorSpecs.register(all);
    return HigherOrderFunctionSpecs.register(all);
  }

  /** {@code array(a, b, ...)}: the elements are cast to their wider common type. */
  private static Expression array(FunctionCall c) {
    List<Expression> args = c.arguments();
    Optional<List<Expression>> common = CollectionTypes.toCommonType(args, c);
    if (common.isEmpty()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_DATA_DIFF_TYPES,
          "sqlExpr",
          sqlExpr(c),
          "functionName",
          QueryErrors.toSQLId("array"),
          "dataType",
          typeList(types(args)));
    }
    DataType element = commonType(common.get(), c);
    return ScalarFunction.of(
        "array", common.get(), new ArrayType(element, anyNullable(common.get())), false);
  }

  /** The element type of arguments that share a type (nullability flags merged). */
  private static DataType commonType(List<Expression> args, FunctionCall c) {
    if (args.isEmpty()) return DataTypes.NullType;
    return CollectionTypes.widening(c).widerCommonType(types(args)).orElse(args.get(0).dataType());
  }

  /** {@code map(k1, v1, k2, v2, ...)}: keys and values each cast to a common type. */
  private static Expression map(FunctionCall c) {
    List<Expression> args = c.arguments();
    if (args.size() % 2 != 0) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_WRONG_NUM_ARGS,
          "sqlExpr",
          sqlExpr(c),
          "functionName",
          QueryErrors.toSQLId("map"),
          "expectedNum",
          "2n (n > 0)",
          "actualNum",
          String.valueOf(args.size()));
    }
    List<Expression> keys = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    for (int i = 0; i < args.size(); i += 2) {
      keys.add(args.get(i));
      values.add(args.get(i + 1));
    }
    List<Expression> k =
        CollectionTypes.toCommonType(keys, c)
            .orElseThrow(
                () ->
                    QueryErrors.error(
                        ErrorClass.DATATYPE_MISMATCH_CREATE_MAP_KEY_DIFF_TYPES,
                        "sqlExpr",
                        sqlExpr(c),
                        "functionName",
                        QueryErrors.toSQLId("map"),
                        "dataType",
                        typeList(types(keys))));
    List<Expression> v =
        CollectionTypes.toCommonType(values, c)
            .orElseThrow(
                () ->
                    QueryErrors.error(
                        ErrorClass.DATATYPE_MISMATCH_CREATE_MAP_VALUE_DIFF_TYPES,
                        "sqlExpr",
                        sqlExpr(c),
                        "functionName",
                        QueryErrors.toSQLId("map"),
                        "dataType",
                        typeList(types(values))));
    DataType keyType = commonType(k, c);
    checkMapKeyType(c, keyType);
    List<Expression> interleaved = new ArrayList<>(args.size());
    for (int i = 0; i < k.size(); i++) {
      interleaved.add(k.get(i));
      interleaved.add(v.get(i));
    }
    return new ScalarFunction(
        CollectionTypes.mapKernel(c, "map"),
        interleaved,
        new MapType(keyType, commonType(v, c), anyNullable(v)),
        false,
        false,
        "map");
  }

  /** Spark's {@code checkForMapKeyType}: a map key cannot be or contain a map. */
  static void checkMapKeyType(FunctionCall c, DataType keyType) {
    if (containsMap(keyType)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_INVALID_MAP_KEY_TYPE,
          "sqlExpr",
          sqlExpr(c),
          "keyType",
          QueryErrors.toSQLType(keyType));
    }
  }

  private static boolean containsMap(DataType t) {
    if (t instanceof MapType) return true;
    if (t instanceof ArrayType a) return containsMap(a.elementType());
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (containsMap(f.dataType())) return true;
      }
    }
    return false;
  }

  /**
   * {@code size(x)}: elements of an array or entries of a map. Null for a null input, or -1 when
   * {@code spark.sql.legacy.sizeOfNull} is true and ANSI mode is off (Spark's rule).
   */
  private static Expression size(FunctionCall c, String prettyName) {
    boolean legacy = c.conf().get(SQLConf.LEGACY_SIZE_OF_NULL) && !c.ansi();
    return new ScalarFunction(
        legacy ? "size_legacy" : "size",
        c.arguments(),
        DataTypes.IntegerType,
        !legacy && c.arg(0).nullable(),
        false,
        prettyName);
  }

  /**
   * {@code element_at(array, index)} (1-based, negative from the end) or {@code element_at(map,
   * key)}. The index must be an int (byte and short are widened); a map key is widened with the
   * map's key type to their tightest common type.
   */
  private static Expression elementAt(FunctionCall c) {
    Expression x = c.arg(0);
    Expression k = c.arg(1);
    if (x.dataType() instanceof ArrayType a) {
      DataType kt = k.dataType();
      if (kt instanceof ByteType || kt instanceof ShortType || kt instanceof NullType) {
        k = castTo(k, DataTypes.IntegerType, c.ansi());
      } else if (!(kt instanceof IntegerType)) {
        throw CollectionTypes.unexpectedType(c, 1, QueryErrors.toSQLType(DataTypes.IntegerType));
      }
      return ScalarFunction.of("element_at", List.of(x, k), a.elementType(), true);
    }
    if (x.dataType() instanceof MapType m) {
      Optional<DataType> t =
          CollectionTypes.widening(c).tightestCommonType(m.keyType(), k.dataType());
      if (t.isEmpty()) {
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_MAP_FUNCTION_DIFF_TYPES,
            "sqlExpr",
            sqlExpr(c),
            "functionName",
            QueryErrors.toSQLId("element_at"),
            "dataType",
            InputType.MAP.toSQLType(),
            "leftType",
            QueryErrors.toSQLType(m),
            "rightType",
            QueryErrors.toSQLType(k.dataType()));
      }
      x = castTo(x, new MapType(t.get(), m.valueType(), m.valueContainsNull()), c.ansi());
      k = castTo(k, t.get(), c.ansi());
      return ScalarFunction.of("element_at", List.of(x, k), m.valueType(), true);
    }
    throw CollectionTypes.unexpectedType(c, 0, ARRAY_OR_MAP.toSQLType());
  }

  /**
   * {@code array_contains(array, value)}: array and value are widened to the tightest common
   * element type; true when found, else null when the array holds a null, else false.
   */
  private static Expression arrayContains(FunctionCall c) {
    Expression arr = c.arg(0);
    Expression v = c.arg(1);
    if (v.dataType() instanceof NullType) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_NULL_TYPE,
          "sqlExpr",
          sqlExpr(c),
          "functionName",
          QueryErrors.toSQLId("array_contains"));
    }
    if (arr.dataType() instanceof ArrayType a) {
      Optional<DataType> t =
          CollectionTypes.widening(c).tightestCommonType(a.elementType(), v.dataType());
      if (t.isPresent()) {
        arr = castTo(arr, new ArrayType(t.get(), a.containsNull()), c.ansi());
        v = castTo(v, t.get(), c.ansi());
        CollectionTypes.requireOrderable(c, sqlExpr(c), t.get());
        boolean nullable = arr.nullable() || v.nullable() || a.containsNull();
        return ScalarFunction.of(
            "array_contains", List.of(arr, v), DataTypes.BooleanType, nullable);
      }
    }
    throw QueryErrors.error(
        ErrorClass.DATATYPE_MISMATCH_ARRAY_FUNCTION_DIFF_TYPES,
        "sqlExpr",
        sqlExpr(c),
        "functionName",
        QueryErrors.toSQLId("array_contains"),
        "dataType",
        InputType.ARRAY.toSQLType(),
        "leftType",
        QueryErrors.toSQLType(arr.dataType()),
        "rightType",
        QueryErrors.toSQLType(v.dataType()));
  }

  /**
   * {@code sort_array(array[, ascending])}: ascending puts nulls first, descending last. The order
   * must be a boolean literal; it defaults to {@code true} (and then shows in the name).
   */
  private static Expression sortArray(FunctionCall c) {
    List<Expression> args =
        c.arguments().size() == 1 ? List.of(c.arg(0), Literal.TRUE) : c.arguments();
    FunctionCall full = new FunctionCall(c.name(), args, false, c.ansi(), c.conf());
    ArrayType a = requireArray(full, 0);
    CollectionTypes.requireOrderable(full, sqlExpr(full), a.elementType());
    if (!(args.get(1) instanceof Literal l && l.value() instanceof Boolean)) {
      throw CollectionTypes.unexpectedType(full, 1, InputType.BOOLEAN.toSQLType());
    }
    return ScalarFunction.of("sort_array", args, a, args.get(0).nullable());
  }

  /** {@code flatten(array<array<T>>)}: null when the array or any inner array is null. */
  private static Expression flatten(FunctionCall c) {
    if (c.arg(0).dataType() instanceof ArrayType a && a.elementType() instanceof ArrayType in) {
      return ScalarFunction.of(
          "flatten",
          c.arguments(),
          new ArrayType(in.elementType(), in.containsNull()),
          c.arg(0).nullable() || a.containsNull());
    }
    throw CollectionTypes.unexpectedType(
        c, 0, InputType.ARRAY.toSQLType() + " of " + InputType.ARRAY.toSQLType());
  }

  /** {@code map_keys(m)} / {@code map_values(m)}. */
  private static Expression mapPart(FunctionCall c, boolean keys) {
    MapType m = (MapType) c.arg(0).dataType();
    ArrayType t =
        keys
            ? new ArrayType(m.keyType(), false)
            : new ArrayType(m.valueType(), m.valueContainsNull());
    return ScalarFunction.of(
        keys ? "map_keys" : "map_values", c.arguments(), t, c.arg(0).nullable());
  }

  /** {@code map_from_arrays(keys, values)}. */
  private static Expression mapFromArrays(FunctionCall c) {
    ArrayType k = (ArrayType) c.arg(0).dataType();
    ArrayType v = (ArrayType) c.arg(1).dataType();
    checkMapKeyType(c, k.elementType());
    return new ScalarFunction(
        CollectionTypes.mapKernel(c, "map_from_arrays"),
        c.arguments(),
        new MapType(k.elementType(), v.elementType(), v.containsNull()),
        anyNullable(c.arguments()),
        false,
        "map_from_arrays");
  }
}
