package io.sluice.analysis;

import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.ConstantEvaluator;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Generator;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry entries of the JSON functions; their kernels live in {@code exec.expr.fn.JsonKernels}.
 * As in Spark, a schema and options are not children of {@code from_json} and {@code to_json}:
 * names show only the JSON or value argument ({@code from_json(value)}, {@code entries} for a map
 * schema), while the evaluated call carries the options map as its last argument ({@code
 * from_json}'s also the session's corrupt-record column as its second).
 */
final class JsonFunctionSpecs {
  private JsonFunctionSpecs() {}

  private static final List<InputType> STRING_THEN_ANY = List.of(InputType.STRING, InputType.ANY);

  static FunctionRegistry register(FunctionRegistry r) {
    return r.with(
        FunctionSpec.scalar(
            "from_json", Arity.oneOf(2, 3), STRING_THEN_ANY, JsonFunctionSpecs::fromJson),
        FunctionSpec.scalar("to_json", Arity.oneOf(1, 2), JsonFunctionSpecs::toJson),
        FunctionSpec.scalar(
            "schema_of_json", Arity.oneOf(1, 2), STRING_THEN_ANY, JsonFunctionSpecs::schemaOfJson),
        FunctionSpec.scalar("json_tuple", Arity.atLeast(2), JsonFunctionSpecs::jsonTuple),
        FunctionSpec.scalar(
            "get_json_object",
            Arity.exactly(2),
            List.of(InputType.STRING, InputType.STRING),
            c -> ScalarFunction.of("get_json_object", c.arguments(), DataTypes.StringType, true)));
  }

  /** {@code from_json(json, schema[, options])}: the schema is a constant string. */
  private static Expression fromJson(FunctionCall c) {
    DataType schema = DataTypes.asNullable(schemaArgument(c.arg(1)));
    Expression json = c.arg(0);
    String shown = schema instanceof MapType ? "entries" : null;
    String sqlExpr = "\"" + (shown != null ? shown : "from_json(" + json.sql() + ")") + "\"";
    if (!(schema instanceof StructType
        || schema instanceof ArrayType
        || schema instanceof MapType)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_INVALID_JSON_SCHEMA,
          "sqlExpr",
          sqlExpr,
          "schema",
          QueryErrors.toSQLType(schema));
    }
    if (hasNonStringMapKey(schema)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_INVALID_JSON_MAP_KEY_TYPE,
          "schema",
          QueryErrors.toSQLType(schema),
          "sqlExpr",
          sqlExpr);
    }
    // the session's corrupt-record column, read now as Spark does, then the options
    List<Expression> args = new ArrayList<>(withOptions(json, c, 2));
    args.add(1, Literal.of(c.conf().get(SQLConf.COLUMN_NAME_OF_CORRUPT_RECORD)));
    ScalarFunction call = new ScalarFunction("from_json", args, schema, true, false, "from_json");
    return new RuntimeReplaceable("from_json", List.of(json), false, call, shown);
  }

  /** {@code to_json(value[, options])} of a struct, array or map. */
  private static Expression toJson(FunctionCall c) {
    Expression value = c.arg(0);
    DataType t = value.dataType();
    if (!(t instanceof StructType || t instanceof ArrayType || t instanceof MapType)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_INVALID_JSON_SCHEMA,
          "sqlExpr",
          "\"" + FunctionCall.callSql("to_json", List.of(value), false) + "\"",
          "schema",
          QueryErrors.toSQLType(t));
    }
    ScalarFunction call =
        ScalarFunction.of("to_json", withOptions(value, c, 1), DataTypes.StringType, true);
    return c.arguments().size() == 1
        ? call
        : new RuntimeReplaceable("to_json", List.of(value), false, call);
  }

  /**
   * {@code json_tuple(json, name1, name2...)}: a generator of one row per input row, whose string
   * columns {@code c0, c1...} hold the named top-level fields. It is an {@code inline} of the
   * one-element array of structs that the {@code json_tuple} kernel builds per row.
   */
  private static Expression jsonTuple(FunctionCall c) {
    for (Expression a : c.arguments()) {
      if (!(a.dataType() instanceof StringType)) {
        throw QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_NON_STRING_TYPE,
            "sqlExpr",
            "\"" + c.sql() + "\"",
            "funcName",
            QueryErrors.toSQLId("json_tuple"));
      }
    }
    StructType row = new StructType();
    for (int i = 1; i < c.arguments().size(); i++) {
      row = row.add("c" + (i - 1), DataTypes.StringType, true);
    }
    ScalarFunction rows =
        ScalarFunction.of("json_tuple", c.arguments(), new ArrayType(row, false), false);
    return new Generator(Generator.Kind.INLINE, rows, false);
  }

  /** {@code schema_of_json(json[, options])}: the JSON must be a constant. */
  private static Expression schemaOfJson(FunctionCall c) {
    Expression json = c.arg(0);
    String sqlExpr = "\"" + FunctionCall.callSql("schema_of_json", List.of(json), false) + "\"";
    if (!json.foldable()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_NON_FOLDABLE_INPUT,
          "sqlExpr",
          sqlExpr,
          "inputName",
          QueryErrors.toSQLId("json"),
          "inputType",
          QueryErrors.toSQLType(DataTypes.StringType),
          "inputExpr",
          QueryErrors.toSQLExpr(json));
    }
    if (json instanceof Literal l && l.value() == null) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_UNEXPECTED_NULL, "sqlExpr", sqlExpr, "exprName", "json");
    }
    ScalarFunction call =
        ScalarFunction.of("schema_of_json", withOptions(json, c, 1), DataTypes.StringType, false);
    return c.arguments().size() == 1
        ? call
        : new RuntimeReplaceable("schema_of_json", List.of(json), false, call);
  }

  /**
   * The data type a schema argument names: a constant string in DDL ({@code a INT, b STRING} or a
   * type such as {@code ARRAY<INT>}) or Spark's JSON form of a type, evaluated now when it is not a
   * literal (e.g. {@code schema_of_json(...)}), as Spark's analyzer does.
   */
  private static DataType schemaArgument(Expression schema) {
    Object value = null;
    boolean string = schema.dataType() instanceof StringType;
    if (string && schema instanceof Literal l) {
      value = l.value();
    } else if (string && schema.foldable()) {
      value = ConstantEvaluator.engine().evaluate(schema);
    }
    if (value == null) {
      throw QueryErrors.error(
          ErrorClass.INVALID_SCHEMA_NON_STRING_LITERAL,
          "inputSchema",
          QueryErrors.toSQLExpr(schema));
    }
    return parseSchema(value.toString());
  }

  /**
   * Spark's reading of a schema string: a data type in DDL, else a list of fields, else Spark's
   * JSON form of a type; the DDL error is reported when none applies.
   */
  static DataType parseSchema(String text) {
    try {
      return DataTypes.fromDDL(text);
    } catch (RuntimeException asType) {
      try {
        return StructType.fromDDL(text);
      } catch (RuntimeException asFields) {
        DataType json = text.trim().startsWith("{") ? JsonSchemaText.parse(text) : null;
        if (json == null) throw asType;
        return json;
      }
    }
  }

  /** The first argument followed by the checked options argument at {@code index}, if any. */
  private static List<Expression> withOptions(Expression first, FunctionCall c, int index) {
    List<Expression> args = new ArrayList<>(2);
    args.add(first);
    if (c.arguments().size() > index) {
      Expression options = c.arg(index);
      checkOptions(options);
      args.add(options);
    }
    return args;
  }

  /** Options must be a constant {@code MAP<STRING, STRING>} (null values allowed). */
  private static void checkOptions(Expression options) {
    if (!(options.dataType() instanceof MapType m) || !options.foldable()) {
      throw QueryErrors.error(ErrorClass.INVALID_OPTIONS_NON_MAP_FUNCTION);
    }
    boolean keys = m.keyType() instanceof StringType;
    boolean values = m.valueType() instanceof StringType || m.valueType() instanceof NullType;
    if (!keys || !values) {
      throw QueryErrors.error(
          ErrorClass.INVALID_OPTIONS_NON_STRING_TYPE, "mapType", QueryErrors.toSQLType(m));
    }
  }

  private static boolean hasNonStringMapKey(DataType t) {
    if (t instanceof MapType m) {
      return !(m.keyType() instanceof StringType) || hasNonStringMapKey(m.valueType());
    }
    if (t instanceof ArrayType a) return hasNonStringMapKey(a.elementType());
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (hasNonStringMapKey(f.dataType())) return true;
      }
    }
    return false;
  }
}
