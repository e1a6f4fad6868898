package io.sluice.analysis;

import io.sluice.AnalysisException;
import io.sluice.config.SQLConf;
import io.sluice.error.ErrorClass;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.CalendarIntervalType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.LongType;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;

/**
 * Which casts are legal, per Spark 4's matrices: {@link #canCast} for legacy (non-ANSI) casts,
 * {@link #canAnsiCast} for ANSI casts (no date/timestamp/boolean to and from every type), {@link
 * #canTryCast} for {@code try_cast}, and {@link #canAnsiStoreAssign} for the implicit casts allowed
 * when an ANSI function argument is coerced.
 */
public final class CastRules {
  private CastRules() {}

  /** Whether a cast with this mode is legal. */
  public static boolean canCast(DataType from, DataType to, EvalMode mode) {
    return switch (mode) {
      case LEGACY -> canCast(from, to);
      case ANSI -> canAnsiCast(from, to);
      case TRY -> canTryCast(from, to);
    };
  }

  /** Spark's {@code Cast.canCast}: the legacy (non-ANSI) matrix. */
  public static boolean canCast(DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType || to instanceof StringType) return true;
    if (to instanceof BinaryType) return from instanceof StringType || from.isIntegral();
    if (to instanceof BooleanType) {
      return from instanceof StringType
          || from instanceof DateType
          || from instanceof TimestampType
          || from.isNumeric();
    }
    if (to instanceof TimestampType) {
      return from instanceof StringType
          || from instanceof BooleanType
          || from instanceof DateType
          || from.isNumeric();
    }
    if (to instanceof DateType) {
      return from instanceof StringType || from instanceof TimestampType;
    }
    if (to instanceof CalendarIntervalType) return from instanceof StringType;
    if (to instanceof DayTimeIntervalType) {
      return from instanceof StringType
          || from instanceof DayTimeIntervalType
          || from.isIntegral()
          || from instanceof DecimalType;
    }
    if (to instanceof YearMonthIntervalType) {
      return from instanceof StringType
          || from instanceof YearMonthIntervalType
          || from.isIntegral()
          || from instanceof DecimalType;
    }
    if (to.isNumeric()) {
      return from instanceof StringType
          || from instanceof BooleanType
          || from instanceof DateType
          || from instanceof TimestampType
          || from.isNumeric()
          || (isAnsiInterval(from) && (to.isIntegral() || to instanceof DecimalType));
    }
    return canCastComplex(from, to, false);
  }

  /** Spark's {@code Cast.canAnsiCast}: the ANSI matrix. */
  public static boolean canAnsiCast(DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType || to instanceof StringType) return true;
    if (to instanceof BinaryType) return from instanceof StringType;
    if (to instanceof BooleanType) return from instanceof StringType || from.isNumeric();
    if (to instanceof TimestampType) {
      return from instanceof StringType || from instanceof DateType || from.isNumeric();
    }
    if (to instanceof DateType) {
      return from instanceof StringType || from instanceof TimestampType;
    }
    if (to instanceof CalendarIntervalType) return from instanceof StringType;
    if (to instanceof DayTimeIntervalType) {
      return from instanceof StringType
          || from instanceof DayTimeIntervalType
          || from.isIntegral()
          || from instanceof DecimalType;
    }
    if (to instanceof YearMonthIntervalType) {
      return from instanceof StringType
          || from instanceof YearMonthIntervalType
          || from.isIntegral()
          || from instanceof DecimalType;
    }
    if (to.isNumeric()) {
      return from.isNumeric()
          || from instanceof StringType
          || from instanceof BooleanType
          || from instanceof TimestampType
          || (isAnsiInterval(from) && (to.isIntegral() || to instanceof DecimalType));
    }
    return canCastComplex(from, to, true);
  }

  /** Spark's {@code Cast.canTryCast}: ANSI rules, legacy rules inside complex types. */
  public static boolean canTryCast(DataType from, DataType to) {
    if (from instanceof ArrayType || from instanceof MapType || from instanceof StructType) {
      if (to instanceof ArrayType || to instanceof MapType || to instanceof StructType) {
        return canCastComplex(from, to, false);
      }
    }
    return canAnsiCast(from, to);
  }

  private static boolean canCastComplex(DataType from, DataType to, boolean ansi) {
    if (from instanceof ArrayType a && to instanceof ArrayType b) {
      return canCastElem(a.elementType(), b.elementType(), ansi)
          && resolvableNullability(
              a.containsNull() || (!ansi && forceNullable(a.elementType(), b.elementType())),
              b.containsNull());
    }
    if (from instanceof MapType a && to instanceof MapType b) {
      return canCastElem(a.keyType(), b.keyType(), ansi)
          && (ansi || !forceNullable(a.keyType(), b.keyType()))
          && canCastElem(a.valueType(), b.valueType(), ansi)
          && resolvableNullability(
              a.valueContainsNull() || (!ansi && forceNullable(a.valueType(), b.valueType())),
              b.valueContainsNull());
    }
    if (from instanceof StructType a && to instanceof StructType b) {
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) {
        DataType ft = a.get(i).dataType();
        DataType tt = b.get(i).dataType();
        if (!canCastElem(ft, tt, ansi)) return false;
        boolean fn = a.get(i).nullable() || (!ansi && forceNullable(ft, tt));
        if (!resolvableNullability(fn, b.get(i).nullable())) return false;
      }
      return true;
    }
    return false;
  }

  private static boolean canCastElem(DataType from, DataType to, boolean ansi) {
    return ansi ? canAnsiCast(from, to) : canCast(from, to);
  }

  /** Spark's {@code canANSIStoreAssign}: what ANSI implicit casts of arguments may do. */
  public static boolean canAnsiStoreAssign(DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType) return true;
    if (from.isNumeric() && to.isNumeric()) return true;
    if (to instanceof StringType) {
      return TypeWidening.isAtomic(from) || from instanceof CalendarIntervalType;
    }
    if (isDatetime(from) && isDatetime(to)) return true;
    if (from instanceof ArrayType a && to instanceof ArrayType b) {
      return resolvableNullability(a.containsNull(), b.containsNull())
          && canAnsiStoreAssign(a.elementType(), b.elementType());
    }
    if (from instanceof MapType a && to instanceof MapType b) {
      return resolvableNullability(a.valueContainsNull(), b.valueContainsNull())
          && canAnsiStoreAssign(a.keyType(), b.keyType())
          && canAnsiStoreAssign(a.valueType(), b.valueType());
    }
    if (from instanceof StructType a && to instanceof StructType b) {
      if (a.size() != b.size()) return false;
      for (int i = 0; i < a.size(); i++) {
        if (!resolvableNullability(a.get(i).nullable(), b.get(i).nullable())
            || !canAnsiStoreAssign(a.get(i).dataType(), b.get(i).dataType())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** True when casting a non-null value from {@code from} to {@code to} may give null. */
  public static boolean forceNullable(DataType from, DataType to) {
    if (from instanceof NullType || from.equals(to)) return false;
    if (from instanceof StringType) {
      return !(to instanceof BinaryType || to instanceof StringType);
    }
    if (to instanceof StringType) return false;
    if (from instanceof TimestampType && to.isIntegral() && !(to instanceof LongType)) {
      return true;
    }
    if ((from instanceof FloatType || from instanceof DoubleType) && to instanceof TimestampType) {
      return true;
    }
    if (from instanceof TimestampType && to instanceof DateType) return false;
    if (to instanceof DateType) return true;
    if (from instanceof DateType && to instanceof TimestampType) return false;
    if (from instanceof DateType) return true;
    if (to instanceof CalendarIntervalType) return true;
    if (to instanceof DecimalType d && !canNullSafeCastToDecimal(from, d)) return true;
    return TypeWidening.isFractional(from) && to.isIntegral();
  }

  private static boolean canNullSafeCastToDecimal(DataType from, DecimalType to) {
    if (from instanceof BooleanType) return TypeWidening.isWiderThan(to, new DecimalType(1, 0));
    if (from instanceof DecimalType d) {
      return to.precision() - to.scale() > d.precision() - d.scale();
    }
    if (from.isNumeric()) return TypeWidening.isWiderThan(to, from);
    return false;
  }

  private static boolean resolvableNullability(boolean from, boolean to) {
    return !from || to;
  }

  private static boolean isDatetime(DataType t) {
    return t instanceof DateType || t instanceof TimestampType;
  }

  private static boolean isAnsiInterval(DataType t) {
    return t instanceof DayTimeIntervalType || t instanceof YearMonthIntervalType;
  }

  /**
   * The error for an illegal cast, with Spark's most specific subclass: a function to use instead
   * (numbers and datetimes), the ANSI switch to turn off (when the legacy matrix allows it), or no
   * suggestion.
   */
  static AnalysisException castError(Cast cast) {
    DataType from = cast.child().dataType();
    DataType to = cast.dataType();
    String sqlExpr = QueryErrors.toSQLExpr(cast);
    String src = QueryErrors.toSQLType(from);
    String target = QueryErrors.toSQLType(to);
    if (cast.evalMode() != EvalMode.LEGACY) {
      String fns = null;
      if (from.isNumeric() && to instanceof TimestampType) {
        fns = "`TIMESTAMP_SECONDS`/`TIMESTAMP_MILLIS`/`TIMESTAMP_MICROS`";
      } else if (from instanceof TimestampType && to.isNumeric()) {
        fns = "`UNIX_SECONDS`/`UNIX_MILLIS`/`UNIX_MICROS`";
      } else if (from.isNumeric() && to instanceof DateType) {
        fns = "`DATE_FROM_UNIX_DATE`";
      } else if (from instanceof DateType && to.isNumeric()) {
        fns = "`UNIX_DATE`";
      }
      if (fns != null) {
        return QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_CAST_WITH_FUNC_SUGGESTION,
            "sqlExpr",
            sqlExpr,
            "srcType",
            src,
            "targetType",
            target,
            "functionNames",
            fns);
      }
      if (cast.evalMode() == EvalMode.ANSI && canCast(from, to)) {
        return QueryErrors.error(
            ErrorClass.DATATYPE_MISMATCH_CAST_WITH_CONF_SUGGESTION,
            "sqlExpr",
            sqlExpr,
            "srcType",
            src,
            "targetType",
            target,
            "config",
            "\"" + SQLConf.ANSI_ENABLED.key() + "\"",
            "configVal",
            "'false'");
      }
    }
    return QueryErrors.error(
        ErrorClass.DATATYPE_MISMATCH_CAST_WITHOUT_SUGGESTION,
        "sqlExpr",
        sqlExpr,
        "srcType",
        src,
        "targetType",
        target);
  }
}
