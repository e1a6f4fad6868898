package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLId;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.AnalysisException;
import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetArrayItem;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.ArrayType;
import io.sluice.types.BooleanType;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code checkInputDataTypes} for the expression records of {@code plan.expr}: what
 * coercion could not fix is reported here with Spark's {@code DATATYPE_MISMATCH} subclasses.
 * Expressions built by registry functions had their arguments checked when they were built.
 */
final class ExpressionChecks {
  private ExpressionChecks() {}

  /** Throws for the first type problem of this node (its children are already checked). */
  static void check(Expression e) {
    if (e instanceof BinaryArithmetic || e instanceof And || e instanceof Or) {
      checkBinaryOperator(e);
    } else if (e instanceof Comparison c) {
      checkBinaryOperator(c);
      checkOrderable(c, c.left().dataType(), c.op().symbol());
    } else if (e instanceof Not n) {
      requireInput(n, 0, n.child(), InputType.BOOLEAN);
    } else if (e instanceof UnaryMinus m) {
      requireInput(m, 0, m.child(), InputType.NUMERIC_AND_INTERVAL);
    } else if (e instanceof In in) {
      checkSameTypes(in, in.children(), "in");
    } else if (e instanceof Coalesce c) {
      if (c.arguments().isEmpty()) throw QueryErrors.wrongNumArgs("coalesce", "> 0", 0);
      checkSameTypes(c, c.arguments(), "coalesce");
    } else if (e instanceof CaseWhen cw) {
      checkCaseWhen(cw);
    } else if (e instanceof Cast c) {
      if (!CastRules.canCast(c.child().dataType(), c.dataType(), c.evalMode())) {
        throw CastRules.castError(c);
      }
    } else if (e instanceof AggregateCall a) {
      checkAggregate(a);
    } else if (e instanceof GetArrayItem g) {
      requireInput(g, 1, g.index(), InputType.INTEGRAL);
    } else if (e instanceof GetMapValue g) {
      requireInput(g, 1, g.key(), InputType.exact(((MapType) g.child().dataType()).keyType()));
    } else if (e instanceof SortOrder s) {
      checkOrderable(s, s.dataType(), "sortorder");
    }
  }

  private static void checkBinaryOperator(Expression e) {
    DataType l = e.children().get(0).dataType();
    DataType r = e.children().get(1).dataType();
    InputType input = TypeCoercion.binaryInputType(e);
    if (e instanceof BinaryArithmetic
        && l instanceof DecimalType
        && r instanceof DecimalType
        && input.accepts(l)) {
      return;
    }
    if (DateArithmetic.isTimestampShift(e)) return;
    if (!TypeWidening.sameType(l, r)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_BINARY_OP_DIFF_TYPES,
          "sqlExpr",
          toSQLExpr(e),
          "left",
          toSQLType(l),
          "right",
          toSQLType(r));
    }
    if (!input.accepts(l)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_BINARY_OP_WRONG_TYPE,
          "sqlExpr",
          toSQLExpr(e),
          "inputType",
          input.toSQLType(),
          "actualDataType",
          toSQLType(l));
    }
  }

  private static void requireInput(Expression e, int index, Expression input, InputType t) {
    if (!t.accepts(input.dataType())) {
      throw QueryErrors.unexpectedInputType(toSQLExpr(e), index, t.toSQLType(), input);
    }
  }

  private static void checkSameTypes(Expression e, List<Expression> inputs, String fn) {
    List<DataType> types = new ArrayList<>();
    for (Expression x : inputs) types.add(x.dataType());
    if (!TypeWidening.haveSameType(types)) throw dataDiffTypes(e, fn, types);
  }

  private static AnalysisException dataDiffTypes(Expression e, String fn, List<DataType> types) {
    List<String> shown = new ArrayList<>();
    for (DataType t : types) shown.add(toSQLType(t));
    return QueryErrors.error(
        ErrorClass.DATATYPE_MISMATCH_DATA_DIFF_TYPES,
        "sqlExpr",
        toSQLExpr(e),
        "functionName",
        toSQLId(fn),
        "dataType",
        "[" + String.join(", ", shown) + "]");
  }

  private static void checkCaseWhen(CaseWhen cw) {
    List<DataType> types = new ArrayList<>();
    for (CaseWhen.Branch b : cw.branches()) types.add(b.value().dataType());
    if (cw.elseValue() != null) types.add(cw.elseValue().dataType());
    if (!TypeWidening.haveSameType(types)) throw dataDiffTypes(cw, "casewhen", types);
    for (int i = 0; i < cw.branches().size(); i++) {
      Expression cond = cw.branches().get(i).condition();
      if (!(cond.dataType() instanceof BooleanType)) {
        throw QueryErrors.unexpectedInputType(
            toSQLExpr(cw), i * 2, InputType.BOOLEAN.toSQLType(), cond);
      }
    }
  }

  private static void checkAggregate(AggregateCall a) {
    switch (a.function()) {
      case COUNT -> {
        if (a.arguments().isEmpty()) throw QueryErrors.wrongNumArgs("count", "> 0", 0);
      }
      case SUM, AVG -> {
        if (a.arguments().size() != 1) {
          throw QueryErrors.wrongNumArgs(a.function().sqlName(), "1", a.arguments().size());
        }
        requireInput(a, 0, a.arguments().get(0), InputType.NUMERIC_OR_ANSI_INTERVAL);
      }
      case MIN, MAX -> {
        if (a.arguments().size() != 1) {
          throw QueryErrors.wrongNumArgs(a.function().sqlName(), "1", a.arguments().size());
        }
        checkOrderable(a, a.arguments().get(0).dataType(), a.function().sqlName());
      }
      // the library's aggregates are checked by their registry builders
      case FIRST,
          LAST,
          MIN_BY,
          MAX_BY,
          COLLECT_LIST,
          COLLECT_SET,
          STDDEV_SAMP,
          STDDEV_POP,
          VAR_SAMP,
          VAR_POP,
          CORR,
          COVAR_SAMP,
          COVAR_POP,
          APPROX_COUNT_DISTINCT,
          PERCENTILE_APPROX -> {}
    }
  }

  private static void checkOrderable(Expression e, DataType t, String functionName) {
    if (!isOrderable(t)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_INVALID_ORDERING_TYPE,
          "sqlExpr",
          toSQLExpr(e),
          "functionName",
          toSQLId(List.of(functionName)),
          "dataType",
          toSQLType(t));
    }
  }

  /** Spark's {@code RowOrdering.isOrderable}: no maps or calendar intervals, at any depth. */
  static boolean isOrderable(DataType t) {
    if (t instanceof MapType || t instanceof CalendarIntervalType) return false;
    if (t instanceof ArrayType a) return isOrderable(a.elementType());
    if (t instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (!isOrderable(f.dataType())) return false;
      }
    }
    return true;
  }
}
