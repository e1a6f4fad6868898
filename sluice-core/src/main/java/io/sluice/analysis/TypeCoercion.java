package io.sluice.analysis;

import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BinaryArithmetic.Op;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Coalesce;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetArrayItem;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.In;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inserts the implicit casts Spark's type coercion inserts, one expression node at a time (children
 * first), in Spark's rule order: IN lists, string promotion, decimal precision, boolean equality
 * (legacy), function arguments, CASE branches, division, integral division and implicit input-type
 * casts. Casts are {@link Cast#implicit} so generated names hide them. Coercion never fails: what
 * it cannot fix is left for {@link ExpressionChecks} to report. Applying it to an already coerced
 * node returns the node unchanged.
 */
final class TypeCoercion {
  private final boolean ansi;
  private final EvalMode mode;
  private final TypeWidening widening;
  private final ImplicitCasts casts;

  TypeCoercion(boolean ansi, NameMatcher names) {
    this.ansi = ansi;
    this.mode = EvalMode.fromAnsi(ansi);
    this.widening = new TypeWidening(ansi, names);
    this.casts = new ImplicitCasts(ansi);
  }

  TypeWidening widening() {
    return widening;
  }

  ImplicitCasts casts() {
    return casts;
  }

  /** Coerces every node of the tree whose children are resolved. */
  Expression coerceTree(Expression e) {
    return e.transformUp(this::coerceNode);
  }

  /** Coerces one node whose children are already coerced. */
  Expression coerceNode(Expression e) {
    if (!e.resolved() || e.children().isEmpty()) return e;
    Expression dates = DateArithmetic.rewrite(e, casts, mode);
    if (dates != e) return dates;
    Expression r = inConversion(e);
    r = ansi ? promoteStringsAnsi(r) : promoteStringsLegacy(r);
    r = decimalPrecision(r);
    if (!ansi) r = booleanEquality(r);
    r = functionArguments(r);
    r = caseWhen(r);
    r = division(r);
    r = integralDivision(r);
    r = implicitTypeCasts(r);
    return r.equals(e) ? e : r;
  }

  // --- IN ---

  private Expression inConversion(Expression e) {
    if (!(e instanceof In in)) return e;
    DataType vt = in.value().dataType();
    boolean differ = false;
    for (Expression x : in.list()) differ |= !x.dataType().equals(vt);
    if (!differ) return e;
    List<DataType> types = new ArrayList<>();
    for (Expression c : in.children()) types.add(c.dataType());
    Optional<DataType> t = widening.widerCommonType(types);
    if (t.isEmpty()) return e;
    List<Expression> next = new ArrayList<>();
    for (Expression c : in.children()) next.add(castIfNotSameType(c, t.get()));
    return in.withChildren(next);
  }

  // --- string promotion ---

  private Expression promoteStringsAnsi(Expression e) {
    if (isBinaryOperator(e)) {
      Expression l = e.children().get(0);
      Expression r = e.children().get(1);
      Optional<DataType> t = TypeWidening.widerTypeForString(l.dataType(), r.dataType());
      if (t.isPresent()) return e.withChildren(List.of(castTo(l, t.get()), castTo(r, t.get())));
    }
    if (e instanceof UnaryMinus m && m.child().dataType() instanceof StringType) {
      return new UnaryMinus(Cast.implicit(m.child(), DataTypes.DoubleType, mode), m.evalMode());
    }
    return e;
  }

  private Expression promoteStringsLegacy(Expression e) {
    if (e instanceof BinaryArithmetic a) {
      DataType lt = a.left().dataType();
      DataType rt = a.right().dataType();
      if (lt instanceof StringType && !isInterval(rt)) {
        return a.withChildren(
            List.of(Cast.implicit(a.left(), DataTypes.DoubleType, mode), a.right()));
      }
      if (rt instanceof StringType && !isInterval(lt)) {
        return a.withChildren(
            List.of(a.left(), Cast.implicit(a.right(), DataTypes.DoubleType, mode)));
      }
    }
    if (e instanceof Comparison c) {
      DataType lt = c.left().dataType();
      DataType rt = c.right().dataType();
      Optional<DataType> t = legacyComparisonType(lt, rt);
      if (t.isPresent()) {
        return c.withChildren(List.of(castTo(c.left(), t.get()), castTo(c.right(), t.get())));
      }
    }
    return e;
  }

  /** Spark's legacy {@code findCommonTypeForBinaryComparison}. */
  private static Optional<DataType> legacyComparisonType(DataType l, DataType r) {
    if (l instanceof StringType && r instanceof NullType) return Optional.of(l);
    if (l instanceof NullType && r instanceof StringType) return Optional.of(r);
    if ((l instanceof TimestampType && r instanceof io.sluice.types.DateType)
        || (l instanceof io.sluice.types.DateType && r instanceof TimestampType)) {
      return Optional.of(DataTypes.TimestampType);
    }
    if ((l instanceof DecimalType && r instanceof StringType)
        || (l instanceof StringType && r instanceof DecimalType)) {
      return Optional.of(DataTypes.DoubleType);
    }
    if (l instanceof StringType && TypeWidening.isAtomic(r) && !(r instanceof StringType)) {
      return Optional.of(r);
    }
    if (r instanceof StringType && TypeWidening.isAtomic(l) && !(l instanceof StringType)) {
      return Optional.of(l);
    }
    return Optional.empty();
  }

  // --- decimals ---

  private Expression decimalPrecision(Expression e) {
    if (!(e instanceof BinaryArithmetic || e instanceof Comparison)) return e;
    Expression l = e.children().get(0);
    Expression r = e.children().get(1);
    DataType lt = l.dataType();
    DataType rt = r.dataType();
    if (e instanceof Comparison
        && lt instanceof DecimalType a
        && rt instanceof DecimalType b
        && !a.equals(b)) {
      DecimalType w = TypeWidening.widerDecimalType(a, b);
      return e.withChildren(List.of(castTo(l, w), castTo(r, w)));
    }
    if (lt.equals(rt)) return e;
    if (l instanceof Literal lit && lt.isIntegral() && rt instanceof DecimalType) {
      return e.withChildren(List.of(castTo(l, decimalForLiteral(lit)), r));
    }
    if (r instanceof Literal lit && rt.isIntegral() && lt instanceof DecimalType) {
      return e.withChildren(List.of(l, castTo(r, decimalForLiteral(lit))));
    }
    if (lt.isIntegral() && rt instanceof DecimalType) {
      return e.withChildren(List.of(castTo(l, DecimalType.forType(lt)), r));
    }
    if (lt instanceof DecimalType && rt.isIntegral()) {
      return e.withChildren(List.of(l, castTo(r, DecimalType.forType(rt))));
    }
    if (isFloatOrDouble(lt) && rt instanceof DecimalType) {
      return e.withChildren(List.of(l, castTo(r, DataTypes.DoubleType)));
    }
    if (lt instanceof DecimalType && isFloatOrDouble(rt)) {
      return e.withChildren(List.of(castTo(l, DataTypes.DoubleType), r));
    }
    return e;
  }

  /** The narrowest decimal holding an integral literal's value, e.g. 2 gives decimal(1,0). */
  static DecimalType decimalForLiteral(Literal lit) {
    Object v = lit.value();
    if (v instanceof Short || v instanceof Integer || v instanceof Long) {
      int precision = new BigDecimal(((Number) v).longValue()).precision();
      return new DecimalType(precision, 0);
    }
    return DecimalType.forType(lit.dataType());
  }

  // --- legacy boolean equality ---

  private Expression booleanEquality(Expression e) {
    if (!(e instanceof Comparison c)
        || !(c.op() == Comparison.Op.EQ || c.op() == Comparison.Op.NULL_SAFE_EQ)) {
      return e;
    }
    DataType lt = c.left().dataType();
    DataType rt = c.right().dataType();
    if (lt instanceof io.sluice.types.BooleanType && rt.isNumeric()) {
      return c.withChildren(List.of(castTo(c.left(), rt), c.right()));
    }
    if (lt.isNumeric() && rt instanceof io.sluice.types.BooleanType) {
      return c.withChildren(List.of(c.left(), castTo(c.right(), lt)));
    }
    return e;
  }

  // --- function arguments, CASE ---

  private Expression functionArguments(Expression e) {
    if (e instanceof Coalesce c) {
      List<DataType> types = types(c.arguments());
      if (TypeWidening.haveSameType(types)) return e;
      Optional<DataType> t = widening.widerCommonType(types);
      if (t.isEmpty()) return e;
      List<Expression> next = new ArrayList<>();
      for (Expression a : c.arguments()) next.add(castIfNotSameType(a, t.get()));
      return new Coalesce(next);
    }
    if (!ansi
        && e instanceof AggregateCall a
        && a.arguments().size() == 1
        && (a.function() == AggregateCall.Function.SUM
            || a.function() == AggregateCall.Function.AVG)
        && a.arguments().get(0).dataType() instanceof TimestampType) {
      return a.withChildren(List.of(castTo(a.arguments().get(0), DataTypes.DoubleType)));
    }
    return e;
  }

  private Expression caseWhen(Expression e) {
    if (!(e instanceof CaseWhen cw)) return e;
    List<Expression> values = new ArrayList<>();
    for (CaseWhen.Branch b : cw.branches()) values.add(b.value());
    if (cw.elseValue() != null) values.add(cw.elseValue());
    List<DataType> types = types(values);
    if (TypeWidening.haveSameType(types)) return e;
    Optional<DataType> t = widening.widerCommonType(types);
    if (t.isEmpty()) return e;
    List<CaseWhen.Branch> branches = new ArrayList<>();
    for (CaseWhen.Branch b : cw.branches()) {
      branches.add(new CaseWhen.Branch(b.condition(), castIfNotSameType(b.value(), t.get())));
    }
    Expression elseValue =
        cw.elseValue() == null ? null : castIfNotSameType(cw.elseValue(), t.get());
    return new CaseWhen(branches, elseValue);
  }

  // --- division ---

  private Expression division(Expression e) {
    if (!(e instanceof BinaryArithmetic a) || a.op() != Op.DIVIDE) return e;
    DataType lt = a.left().dataType();
    if (lt.equals(DataTypes.DoubleType) || lt instanceof DecimalType) return e;
    if (numericOrNull(lt) && numericOrNull(a.right().dataType())) {
      return a.withChildren(
          List.of(castTo(a.left(), DataTypes.DoubleType), castTo(a.right(), DataTypes.DoubleType)));
    }
    return e;
  }

  private Expression integralDivision(Expression e) {
    if (!(e instanceof BinaryArithmetic a) || a.op() != Op.INTEGRAL_DIVIDE) return e;
    return a.withChildren(
        List.of(toLongIfSmallIntegral(a.left()), toLongIfSmallIntegral(a.right())));
  }

  private Expression toLongIfSmallIntegral(Expression e) {
    DataType t = e.dataType();
    return t.isIntegral() && !t.equals(DataTypes.LongType) ? castTo(e, DataTypes.LongType) : e;
  }

  // --- implicit input types ---

  private Expression implicitTypeCasts(Expression e) {
    if (isBinaryOperator(e)) {
      Expression l = e.children().get(0);
      Expression r = e.children().get(1);
      DataType lt = l.dataType();
      DataType rt = r.dataType();
      if (!canHandleTypeCoercion(lt, rt)) return e;
      Optional<DataType> common = widening.tightestCommonType(lt, rt);
      if (common.isEmpty() || !binaryInputType(e).accepts(common.get())) return e;
      DataType t = common.get();
      Expression nl = lt.equals(t) ? l : Cast.implicit(l, t, mode);
      Expression nr = rt.equals(t) ? r : Cast.implicit(r, t, mode);
      return e.withChildren(List.of(nl, nr));
    }
    if (e instanceof Not n) {
      return casts.cast(n.child(), InputType.BOOLEAN).<Expression>map(Not::new).orElse(e);
    }
    if (e instanceof UnaryMinus m) {
      return casts
          .cast(m.child(), InputType.NUMERIC_AND_INTERVAL)
          .<Expression>map(c -> new UnaryMinus(c, m.evalMode()))
          .orElse(e);
    }
    if (e instanceof AggregateCall a
        && a.arguments().size() == 1
        && (a.function() == AggregateCall.Function.SUM
            || a.function() == AggregateCall.Function.AVG)) {
      return casts
          .cast(a.arguments().get(0), InputType.NUMERIC_OR_ANSI_INTERVAL)
          .map(c -> a.withChildren(List.of(c)))
          .orElse(e);
    }
    if (e instanceof GetArrayItem g) {
      return casts
          .cast(g.index(), InputType.INTEGRAL)
          .map(i -> g.withChildren(List.of(g.child(), i)))
          .orElse(e);
    }
    if (e instanceof GetMapValue g && g.child().dataType() instanceof MapType mt) {
      return casts
          .cast(g.key(), InputType.exact(mt.keyType()))
          .map(k -> g.withChildren(List.of(g.child(), k)))
          .orElse(e);
    }
    return e;
  }

  /** Spark's {@code canHandleTypeCoercion}: decimals are left to decimal precision rules. */
  private static boolean canHandleTypeCoercion(DataType l, DataType r) {
    if (l instanceof DecimalType && r instanceof NullType) return true;
    if (l instanceof NullType && r instanceof DecimalType) return true;
    return !(l instanceof DecimalType) && !(r instanceof DecimalType) && !l.equals(r);
  }

  /** What a binary operator accepts for both operands (Spark's {@code inputType}). */
  static InputType binaryInputType(Expression e) {
    if (e instanceof And || e instanceof Or) return InputType.BOOLEAN;
    if (e instanceof Comparison) return InputType.ANY;
    BinaryArithmetic a = (BinaryArithmetic) e;
    return switch (a.op()) {
      case ADD, SUBTRACT -> InputType.NUMERIC_AND_INTERVAL;
      case MULTIPLY, REMAINDER, PMOD -> InputType.NUMERIC;
      case DIVIDE -> InputType.oneOf(InputType.exact(DataTypes.DoubleType), InputType.DECIMAL);
      case INTEGRAL_DIVIDE ->
          InputType.oneOf(InputType.exact(DataTypes.LongType), InputType.DECIMAL);
    };
  }

  static boolean isBinaryOperator(Expression e) {
    return e instanceof BinaryArithmetic
        || e instanceof Comparison
        || e instanceof And
        || e instanceof Or;
  }

  // --- helpers ---

  /** A typed null for a null literal, an implicit cast for another type, else {@code e}. */
  private Expression castTo(Expression e, DataType t) {
    DataType from = e.dataType();
    if (from.equals(t)) return e;
    if (from instanceof NullType && e instanceof Literal) return new Literal(null, t);
    return Cast.implicit(e, t, mode);
  }

  private Expression castIfNotSameType(Expression e, DataType t) {
    return TypeWidening.sameType(e.dataType(), t) ? e : castTo(e, t);
  }

  private static List<DataType> types(List<Expression> es) {
    List<DataType> out = new ArrayList<>(es.size());
    for (Expression x : es) out.add(x.dataType());
    return out;
  }

  private static boolean numericOrNull(DataType t) {
    return t.isNumeric() || t instanceof NullType;
  }

  private static boolean isFloatOrDouble(DataType t) {
    return t.equals(DataTypes.FloatType) || t.equals(DataTypes.DoubleType);
  }

  private static boolean isInterval(DataType t) {
    return t instanceof io.sluice.types.CalendarIntervalType
        || t instanceof io.sluice.types.DayTimeIntervalType
        || t instanceof io.sluice.types.YearMonthIntervalType;
  }
}
