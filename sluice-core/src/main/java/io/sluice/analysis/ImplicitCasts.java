package io.sluice.analysis;

import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DecimalType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import io.sluice.types.TimestampType;
import java.util.Optional;

/**
 * Casts an argument to what its position expects (Spark's {@code implicitCast}). ANSI follows
 * store-assignment rules plus string-to-anything; legacy also narrows numbers and turns any atomic
 * value into a string.
 */
final class ImplicitCasts {
  private final boolean ansi;

  ImplicitCasts(boolean ansi) {
    this.ansi = ansi;
  }

  /** The argument, cast when needed, or empty when it cannot be made acceptable. */
  Optional<Expression> cast(Expression e, InputType expected) {
    return targetType(e.dataType(), expected)
        .map(t -> t.equals(e.dataType()) ? e : Cast.implicit(e, t, EvalMode.fromAnsi(ansi)));
  }

  /** The type an argument of type {@code in} is cast to, or empty. */
  Optional<DataType> targetType(DataType in, InputType expected) {
    if (expected.accepts(in)) return Optional.of(in);
    return ansi ? ansiTarget(in, expected) : legacyTarget(in, expected);
  }

  private Optional<DataType> ansiTarget(DataType in, InputType expected) {
    if (in.isNumeric() && isFamily(expected, InputType.Family.DECIMAL)) {
      return Optional.of(DecimalType.forType(in));
    }
    if (TypeWidening.isFractional(in) && isFamily(expected, InputType.Family.INTEGRAL)) {
      return Optional.empty();
    }
    if (in instanceof StringType && stringMayBecome(expected)) {
      return Optional.of(expected.defaultConcreteType());
    }
    if (expected instanceof InputType.OneOf oneOf) {
      for (InputType m : oneOf.members()) {
        Optional<DataType> t = ansiTarget(in, m);
        if (t.isPresent()) return t;
      }
      return Optional.empty();
    }
    DataType concrete = expected.defaultConcreteType();
    return CastRules.canAnsiStoreAssign(in, concrete) ? Optional.of(concrete) : Optional.empty();
  }

  /** ANSI lets a string become any atomic type, any number, decimal or timestamp. */
  private static boolean stringMayBecome(InputType expected) {
    if (expected instanceof InputType.Exact e) return TypeWidening.isAtomic(e.type());
    return isFamily(expected, InputType.Family.NUMERIC)
        || isFamily(expected, InputType.Family.DECIMAL)
        || isFamily(expected, InputType.Family.ANY_TIMESTAMP);
  }

  private Optional<DataType> legacyTarget(DataType in, InputType expected) {
    if (in instanceof NullType) return Optional.of(expected.defaultConcreteType());
    if (expected instanceof InputType.OneOf oneOf) {
      for (InputType m : oneOf.members()) {
        Optional<DataType> t = targetType(in, m);
        if (t.isPresent()) return t;
      }
      return Optional.empty();
    }
    DataType exact = expected instanceof InputType.Exact e ? e.type() : null;
    if (in.isNumeric() && exact != null && exact.isNumeric()) return Optional.of(exact);
    if (in.isNumeric() && isFamily(expected, InputType.Family.DECIMAL)) {
      return Optional.of(DecimalType.forType(in));
    }
    if (in instanceof DateType && exact instanceof TimestampType) return Optional.of(exact);
    if (in instanceof TimestampType && exact instanceof DateType) return Optional.of(exact);
    if (in instanceof StringType) {
      if (isFamily(expected, InputType.Family.DECIMAL)) {
        return Optional.of(DecimalType.SYSTEM_DEFAULT);
      }
      if (isFamily(expected, InputType.Family.NUMERIC)) return Optional.of(DataTypes.DoubleType);
      if (isFamily(expected, InputType.Family.ANY_TIMESTAMP)) {
        return Optional.of(DataTypes.TimestampType);
      }
      if (exact != null
          && (exact.isNumeric()
              || exact instanceof DateType
              || exact instanceof TimestampType
              || exact instanceof BinaryType)) {
        return Optional.of(exact);
      }
    }
    if (exact instanceof StringType && TypeWidening.isAtomic(in)) return Optional.of(exact);
    return Optional.empty();
  }

  private static boolean isFamily(InputType t, InputType.Family f) {
    return t instanceof InputType.AnyOf a && a.family() == f;
  }
}
