package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.NullType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Argument checks and coercions shared by the collection, generator and higher-order function
 * builders: what {@code FunctionSpec} input types cannot express (a common element type of all
 * arguments, an index type that depends on the collection's type).
 */
final class CollectionTypes {
  private CollectionTypes() {}

  /** The session's widening rules for a call. */
  static TypeWidening widening(FunctionCall c) {
    return new TypeWidening(c.ansi(), NameMatcher.of(c.conf().caseSensitive()));
  }

  /** The session's implicit casts for a call. */
  static ImplicitCasts casts(FunctionCall c) {
    return new ImplicitCasts(c.ansi());
  }

  /** The call's SQL in quotes, the {@code sqlExpr} parameter of type errors. */
  /**
   * The kernel of the map-building function {@code name} under the session's {@code
   * spark.sql.mapKeyDedupPolicy}: {@code name}, or {@code name_last_win} for {@code LAST_WIN}.
   */
  static String mapKernel(FunctionCall c, String name) {
    return "LAST_WIN".equals(c.conf().get(io.sluice.config.SQLConf.MAP_KEY_DEDUP_POLICY))
        ? name + "_last_win"
        : name;
  }

  static String sqlExpr(FunctionCall c) {
    return "\"" + c.sql() + "\"";
  }

  /** {@code e} as type {@code t}: itself, a typed null literal, or an implicit cast. */
  static Expression castTo(Expression e, DataType t, boolean ansi) {
    DataType from = e.dataType();
    if (TypeWidening.sameType(from, t)) return e;
    if (from instanceof NullType && e instanceof Literal) return new Literal(null, t);
    return Cast.implicit(e, t, EvalMode.fromAnsi(ansi));
  }

  /** Casts every argument to the wider common type of all, or empty when there is none. */
  static Optional<List<Expression>> toCommonType(List<Expression> args, FunctionCall c) {
    List<DataType> types = types(args);
    if (TypeWidening.haveSameType(types)) return Optional.of(args);
    Optional<DataType> t = widening(c).widerCommonType(types);
    if (t.isEmpty()) return Optional.empty();
    List<Expression> out = new ArrayList<>(args.size());
    for (Expression a : args) {
      out.add(TypeWidening.sameType(a.dataType(), t.get()) ? a : castTo(a, t.get(), c.ansi()));
    }
    return Optional.of(out);
  }

  static List<DataType> types(List<Expression> es) {
    List<DataType> out = new ArrayList<>(es.size());
    for (Expression e : es) out.add(e.dataType());
    return out;
  }

  /** {@code ["INT", "STRING"]}: types as Spark lists them in errors. */
  static String typeList(List<DataType> types) {
    List<String> shown = new ArrayList<>();
    for (DataType t : types) shown.add(QueryErrors.toSQLType(t));
    return "[" + String.join(", ", shown) + "]";
  }

  /** The array type of argument {@code i}, or an {@code UNEXPECTED_INPUT_TYPE} error. */
  static ArrayType requireArray(FunctionCall c, int i) {
    Expression a = c.arg(i);
    if (a.dataType() instanceof ArrayType t) return t;
    throw unexpectedType(c, i, InputType.ARRAY.toSQLType());
  }

  /** The map type of argument {@code i}, or an {@code UNEXPECTED_INPUT_TYPE} error. */
  static io.sluice.types.MapType requireMap(FunctionCall c, int i) {
    Expression a = c.arg(i);
    if (a.dataType() instanceof io.sluice.types.MapType t) return t;
    throw unexpectedType(c, i, InputType.MAP.toSQLType());
  }

  static AnalysisException unexpectedType(FunctionCall c, int i, String requiredType) {
    return QueryErrors.unexpectedInputType(sqlExpr(c), i, requiredType, c.arg(i));
  }

  /** {@code DATATYPE_MISMATCH.INVALID_ORDERING_TYPE} unless {@code t} can be sorted. */
  static void requireOrderable(FunctionCall c, String sqlExpr, DataType t) {
    if (!ExpressionChecks.isOrderable(t)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_INVALID_ORDERING_TYPE,
          "sqlExpr",
          sqlExpr,
          "functionName",
          QueryErrors.toSQLId(List.of(c.name())),
          "dataType",
          QueryErrors.toSQLType(t));
    }
  }

  /** True when any argument may be null. */
  static boolean anyNullable(List<Expression> args) {
    for (Expression a : args) {
      if (a.nullable()) return true;
    }
    return false;
  }
}
