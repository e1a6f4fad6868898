package io.sluice.analysis;

import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The values of constant function arguments that a builder needs while analyzing (a rounding scale,
 * a random seed, a relative error): literals, possibly negated or under casts between numeric
 * types. The analyzer cannot run the execution engine, so only these simple forms are folded here;
 * Spark's users write them as literals.
 */
final class Foldables {
  private Foldables() {}

  /** A folded constant; {@code value} is null for a null literal. */
  record Constant(Object value) {}

  /** The constant value of {@code e}, or null when {@code e} is not a simple constant. */
  static Constant constant(Expression e) {
    if (e instanceof Literal l) return new Constant(l.value());
    if (e instanceof UnaryMinus u) {
      Constant c = constant(u.child());
      if (c == null) return null;
      if (c.value() == null) return c;
      return numeric(negate(c.value()), u.dataType());
    }
    if (e instanceof Cast c) {
      Constant in = constant(c.child());
      if (in == null) return null;
      if (in.value() == null) return in;
      return numeric(in.value(), c.dataType());
    }
    return null;
  }

  private static Object negate(Object v) {
    if (v instanceof Integer i) return -i;
    if (v instanceof Long l) return -l;
    if (v instanceof Short s) return (short) -s;
    if (v instanceof Byte b) return (byte) -b;
    if (v instanceof Double d) return -d;
    if (v instanceof Float f) return -f;
    if (v instanceof BigDecimal d) return d.negate();
    return null;
  }

  /** {@code v} converted to numeric type {@code t}, or null when that is not a simple cast. */
  private static Constant numeric(Object v, DataType t) {
    if (!(v instanceof Number n) || t instanceof NullType) return null;
    BigDecimal exact =
        n instanceof BigDecimal d
            ? d
            : v instanceof Double || v instanceof Float ? null : BigDecimal.valueOf(n.longValue());
    if (t instanceof IntegerType) return new Constant(n.intValue());
    if (t instanceof LongType) return new Constant(n.longValue());
    if (t instanceof ShortType) return new Constant(n.shortValue());
    if (t instanceof ByteType) return new Constant(n.byteValue());
    if (t instanceof DoubleType) return new Constant(n.doubleValue());
    if (t instanceof FloatType) return new Constant(n.floatValue());
    if (t instanceof DecimalType d) {
      BigDecimal b = exact != null ? exact : BigDecimal.valueOf(n.doubleValue());
      return new Constant(b.setScale(d.scale(), RoundingMode.HALF_UP));
    }
    return null;
  }

  /** The constant as an int (null literal → null), or empty-handed (throws) when not one. */
  static Integer intValue(Constant c) {
    return c.value() == null ? null : ((Number) c.value()).intValue();
  }
}
