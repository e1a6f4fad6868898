package io.sluice.analysis;

import static io.sluice.analysis.QueryErrors.toSQLExpr;
import static io.sluice.analysis.QueryErrors.toSQLType;

import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.SortOrder;
import io.sluice.plan.expr.SpecialFrameBoundary;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.plan.expr.WindowExpression;
import io.sluice.plan.expr.WindowFrame;
import io.sluice.plan.expr.WindowFunction;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.IntegerType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes and checks a window specification once its parts are resolved, as Spark's {@code
 * ResolveWindowOrder}, {@code ResolveWindowFrame}, {@code WindowFrameCoercion} and the type checks
 * of {@code SpecifiedWindowFrame} and {@code WindowSpecDefinition} do: a window function needs an
 * ORDER BY and runs in its own frame (a different one written by the query is an error); other
 * functions get the frame written or the default; constant offsets of a RANGE frame are cast to the
 * ORDER BY type.
 */
final class WindowSpecs {
  private WindowSpecs() {}

  /** {@code w} with its frame decided and checked. */
  static WindowExpression resolve(WindowExpression w) {
    WindowFrame frame = w.frame();
    if (w.function() instanceof WindowFunction wf) {
      if (w.orderSpec().isEmpty()) {
        throw QueryErrors.error(ErrorClass.WINDOW_FUNCTION_REQUIRES_ORDER, "wf", wf.sql());
      }
      WindowFrame required = wf.requiredFrame();
      if (required != null) {
        if (frame != null && !frame.equals(required)) {
          if (wf.isFrameLessOffset()) {
            throw QueryErrors.error(
                ErrorClass.CANNOT_SPECIFY_WINDOW_FRAME, "prettyName", wf.kind().prettyName());
          }
          throw QueryErrors.error(
              ErrorClass.WINDOW_FRAME_NOT_MATCH_REQUIRED_FRAME,
              "wf",
              frame.sql(),
              "required",
              required.sql());
        }
        frame = required;
      }
    }
    if (frame == null) {
      frame = w.orderSpec().isEmpty() ? WindowFrame.UNBOUNDED : WindowFrame.RANGE_TO_CURRENT;
    } else if (frame.type() == WindowFrame.Type.RANGE && w.orderSpec().size() == 1) {
      frame = coerceRange(frame, w.orderSpec().get(0).dataType());
    }
    checkFrame(frame);
    WindowExpression out = w.withFrame(frame);
    checkSpec(out);
    return out;
  }

  /**
   * Casts numeric RANGE offsets to the ORDER BY type (names are unchanged: the cast is implicit).
   */
  private static WindowFrame coerceRange(WindowFrame f, DataType order) {
    return new WindowFrame(f.type(), coerceBound(f.lower(), order), coerceBound(f.upper(), order));
  }

  private static Expression coerceBound(Expression b, DataType order) {
    if (b instanceof SpecialFrameBoundary) return b;
    if (b instanceof UnaryMinus u) {
      Expression c = coerceBound(u.child(), order);
      return c == u.child() ? b : new UnaryMinus(c, u.evalMode());
    }
    DataType t = b.dataType();
    if (t.equals(order) || !t.isNumeric() || !order.isNumeric()) return b;
    return Cast.implicit(b, order, EvalMode.ANSI);
  }

  /** Spark's {@code SpecifiedWindowFrame.checkInputDataTypes}. */
  private static void checkFrame(WindowFrame f) {
    checkBoundary(f, f.lower(), "lower");
    checkBoundary(f, f.upper(), "upper");
    Expression l = f.lower();
    Expression u = f.upper();
    if (l == SpecialFrameBoundary.UNBOUNDED_FOLLOWING
        || u == SpecialFrameBoundary.UNBOUNDED_PRECEDING) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_INVALID_BOUND,
          "sqlExpr",
          toSQLExpr(f),
          "upper",
          toSQLExpr(u),
          "lower",
          toSQLExpr(l));
    }
    if (l instanceof SpecialFrameBoundary || u instanceof SpecialFrameBoundary) return;
    if (!l.dataType().equals(u.dataType())) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_DIFF_TYPES,
          "sqlExpr",
          toSQLExpr(f),
          "lower",
          toSQLExpr(l),
          "upper",
          toSQLExpr(u),
          "lowerType",
          toSQLType(l.dataType()),
          "upperType",
          toSQLType(u.dataType()));
    }
    Object lv = value(l);
    Object uv = value(u);
    if (lv != null && uv != null && compare(lv, uv) > 0) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON,
          "sqlExpr",
          toSQLExpr(f),
          "comparison",
          "less than or equal");
    }
  }

  private static void checkBoundary(WindowFrame f, Expression b, String location) {
    if (b instanceof SpecialFrameBoundary) return;
    if (!b.foldable()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE,
          "sqlExpr",
          toSQLExpr(f),
          "location",
          location,
          "expression",
          toSQLExpr(b));
    }
    DataType t = b.dataType();
    boolean accepted =
        f.type() == WindowFrame.Type.ROWS
            ? t instanceof IntegerType
            : t.isNumeric() || isInterval(t);
    if (!accepted) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE,
          "sqlExpr",
          toSQLExpr(f),
          "location",
          location,
          "exprType",
          toSQLType(t),
          "expectedType",
          f.type() == WindowFrame.Type.ROWS
              ? "\"INT\""
              : "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or"
                  + " \"INTERVAL\")");
    }
  }

  private static boolean isInterval(DataType t) {
    return t instanceof CalendarIntervalType
        || t instanceof DayTimeIntervalType
        || t instanceof YearMonthIntervalType;
  }

  /** Spark's {@code WindowSpecDefinition.checkInputDataTypes}. */
  private static void checkSpec(WindowExpression w) {
    WindowFrame f = w.frame();
    if (f.type() != WindowFrame.Type.RANGE) return;
    String sqlExpr = "\"" + w.specSql() + "\"";
    if (!f.isUnbounded() && w.orderSpec().isEmpty()) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_RANGE_FRAME_WITHOUT_ORDER, "sqlExpr", sqlExpr);
    }
    if (!f.isValueBound()) return;
    if (w.orderSpec().size() > 1) {
      List<String> order = new ArrayList<>();
      for (SortOrder o : w.orderSpec()) order.add(o.sql());
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_RANGE_FRAME_MULTI_ORDER,
          "sqlExpr",
          sqlExpr,
          "orderSpec",
          String.join(",", order));
    }
    DataType order = w.orderSpec().get(0).dataType();
    Expression bound = f.lower() instanceof SpecialFrameBoundary ? f.upper() : f.lower();
    DataType b = bound.dataType();
    if (!validRangeType(order, b)) {
      throw QueryErrors.error(
          ErrorClass.DATATYPE_MISMATCH_RANGE_FRAME_INVALID_TYPE,
          "sqlExpr",
          sqlExpr,
          "orderSpecType",
          toSQLType(order),
          "valueBoundaryType",
          toSQLType(b));
    }
  }

  private static boolean validRangeType(DataType order, DataType bound) {
    if (order instanceof DateType) {
      return bound instanceof IntegerType || bound instanceof YearMonthIntervalType;
    }
    if (order instanceof TimestampType) {
      return bound instanceof CalendarIntervalType
          || bound instanceof YearMonthIntervalType
          || bound instanceof DayTimeIntervalType;
    }
    return order.equals(bound);
  }

  /** The value of a constant offset (numbers and ANSI intervals), or null when not comparable. */
  static Object value(Expression e) {
    if (e instanceof Literal l)
      return l.dataType() instanceof CalendarIntervalType ? null : l.value();
    if (e instanceof UnaryMinus u) {
      Object v = value(u.child());
      if (v instanceof Integer i) return -i;
      if (v instanceof Long x) return -x;
      if (v instanceof Short s) return (short) -s;
      if (v instanceof Byte x) return (byte) -x;
      if (v instanceof Double d) return -d;
      if (v instanceof Float x) return -x;
      if (v instanceof BigDecimal d) return d.negate();
      return null;
    }
    Foldables.Constant c = Foldables.constant(e);
    return c == null ? null : c.value();
  }

  private static int compare(Object a, Object b) {
    if (a instanceof BigDecimal || b instanceof BigDecimal) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
        return Double.compare(x.doubleValue(), y.doubleValue());
      }
      return Long.compare(x.longValue(), y.longValue());
    }
    return 0;
  }
}
