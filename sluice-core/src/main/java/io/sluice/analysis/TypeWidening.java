package io.sluice.analysis;

import io.sluice.types.ArrayType;
import io.sluice.types.BinaryType;
import io.sluice.types.BooleanType;
import io.sluice.types.ByteType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DayTimeIntervalType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.FloatType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.ShortType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import io.sluice.types.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spark's common-type search for two or more types, in its ANSI flavour (string is promoted to the
 * other side's type) or its legacy flavour (types are promoted all the way to string). {@link
 * #tightestCommonType} loses no precision; {@link #widerType} may (decimal with double gives
 * double) and also promotes strings.
 */
final class TypeWidening {
  private final boolean ansi;
  private final NameMatcher names;

  TypeWidening(boolean ansi, NameMatcher names) {
    this.ansi = ansi;
    this.names = names;
  }

  boolean ansi() {
    return ansi;
  }

  /** Spark's {@code findTightestCommonType}. */
  Optional<DataType> tightestCommonType(DataType t1, DataType t2) {
    if (t1.equals(t2)) return Optional.of(t1);
    if (t1 instanceof NullType) return Optional.of(t2);
    if (t2 instanceof NullType) return Optional.of(t1);
    if (t1.isIntegral() && t2 instanceof DecimalType d && isWiderThan(d, t1)) {
      return Optional.of(d);
    }
    if (t2.isIntegral() && t1 instanceof DecimalType d && isWiderThan(d, t2)) {
      return Optional.of(d);
    }
    if (t1.isNumeric()
        && t2.isNumeric()
        && !(t1 instanceof DecimalType)
        && !(t2 instanceof DecimalType)) {
      DataType wider = numericPrecedence(t1) >= numericPrecedence(t2) ? t1 : t2;
      // ANSI avoids float for integral + float: float cannot hold every int or long exactly.
      if (ansi && wider instanceof FloatType) return Optional.of(DataTypes.DoubleType);
      return Optional.of(wider);
    }
    if ((t1 instanceof TimestampType && t2 instanceof DateType)
        || (t1 instanceof DateType && t2 instanceof TimestampType)) {
      return Optional.of(DataTypes.TimestampType);
    }
    if (t1 instanceof DayTimeIntervalType a && t2 instanceof DayTimeIntervalType b) {
      return Optional.of(
          new DayTimeIntervalType(
              (byte) Math.min(a.startField(), b.startField()),
              (byte) Math.max(a.endField(), b.endField())));
    }
    if (t1 instanceof YearMonthIntervalType a && t2 instanceof YearMonthIntervalType b) {
      return Optional.of(
          new YearMonthIntervalType(
              (byte) Math.min(a.startField(), b.startField()),
              (byte) Math.max(a.endField(), b.endField())));
    }
    return typeForComplex(t1, t2, this::tightestCommonType);
  }

  /** Spark's {@code findWiderTypeForTwo}. */
  Optional<DataType> widerType(DataType t1, DataType t2) {
    Optional<DataType> r = tightestCommonType(t1, t2);
    if (r.isEmpty()) r = widerTypeForDecimal(t1, t2);
    if (r.isEmpty()) r = ansi ? widerTypeForString(t1, t2) : stringPromotion(t1, t2);
    if (r.isEmpty()) r = typeForComplex(t1, t2, this::widerType);
    return r;
  }

  /** Spark's {@code findWiderCommonType}: the wider type of all, or empty. */
  Optional<DataType> widerCommonType(List<DataType> types) {
    List<DataType> ordered = types;
    if (!ansi) {
      // Legacy widening is not associative with strings: (timestamp, int, string) must give
      // string, so strings are folded first.
      ordered = new ArrayList<>();
      for (DataType t : types) {
        if (hasStringType(t) && !ordered.contains(t)) ordered.add(t);
      }
      for (DataType t : types) {
        if (!hasStringType(t)) ordered.add(t);
      }
    }
    Optional<DataType> acc = Optional.of(DataTypes.NullType);
    for (DataType t : ordered) {
      acc = acc.flatMap(a -> widerType(a, t));
      if (acc.isEmpty()) return acc;
    }
    return acc;
  }

  /** Like {@link #widerCommonType} but never promotes to or from string. */
  Optional<DataType> widerTypeWithoutStringPromotion(List<DataType> types) {
    Optional<DataType> acc = Optional.of(DataTypes.NullType);
    for (DataType t : types) {
      acc = acc.flatMap(a -> widerTypeWithoutStringPromotion(a, t));
      if (acc.isEmpty()) return acc;
    }
    return acc;
  }

  private Optional<DataType> widerTypeWithoutStringPromotion(DataType t1, DataType t2) {
    Optional<DataType> r = tightestCommonType(t1, t2);
    if (r.isEmpty()) r = widerTypeForDecimal(t1, t2);
    if (r.isEmpty()) r = typeForComplex(t1, t2, this::widerTypeWithoutStringPromotion);
    return r;
  }

  /** Decimal with integral or decimal widens to a decimal; with float or double to double. */
  static Optional<DataType> widerTypeForDecimal(DataType t1, DataType t2) {
    if (t1 instanceof DecimalType a && t2 instanceof DecimalType b) {
      return Optional.of(widerDecimalType(a, b));
    }
    if (t1.isIntegral() && t2 instanceof DecimalType d) {
      return Optional.of(widerDecimalType(DecimalType.forType(t1), d));
    }
    if (t1 instanceof DecimalType d && t2.isIntegral()) {
      return Optional.of(widerDecimalType(DecimalType.forType(t2), d));
    }
    if ((isFractional(t1) && t2 instanceof DecimalType)
        || (t1 instanceof DecimalType && isFractional(t2))) {
      return Optional.of(DataTypes.DoubleType);
    }
    return Optional.empty();
  }

  /** ANSI: a string meeting another type becomes that type (numbers: bigint or double). */
  static Optional<DataType> widerTypeForString(DataType t1, DataType t2) {
    if (t1 instanceof StringType) {
      if (t2.isIntegral()) return Optional.of(DataTypes.LongType);
      if (isFractional(t2)) return Optional.of(DataTypes.DoubleType);
      if (t2 instanceof NullType) return Optional.of(t1);
      if (t2 instanceof DayTimeIntervalType || t2 instanceof YearMonthIntervalType) {
        return Optional.empty();
      }
      if (isAtomic(t2)) return Optional.of(t2);
      return Optional.empty();
    }
    if (t2 instanceof StringType) return widerTypeForString(t2, t1);
    return Optional.empty();
  }

  /** Legacy: a string meeting an atomic type other than binary or boolean gives string. */
  private static Optional<DataType> stringPromotion(DataType t1, DataType t2) {
    if (t1 instanceof StringType
        && isAtomic(t2)
        && !(t2 instanceof BinaryType)
        && !(t2 instanceof BooleanType)) {
      return Optional.of(DataTypes.StringType);
    }
    if (t2 instanceof StringType
        && isAtomic(t1)
        && !(t1 instanceof BinaryType)
        && !(t1 instanceof BooleanType)) {
      return Optional.of(DataTypes.StringType);
    }
    return Optional.empty();
  }

  private interface Finder {
    Optional<DataType> find(DataType a, DataType b);
  }

  private Optional<DataType> typeForComplex(DataType t1, DataType t2, Finder f) {
    if (t1 instanceof ArrayType a && t2 instanceof ArrayType b) {
      return f.find(a.elementType(), b.elementType())
          .map(
              et ->
                  new ArrayType(
                      et,
                      a.containsNull()
                          || b.containsNull()
                          || CastRules.forceNullable(a.elementType(), et)
                          || CastRules.forceNullable(b.elementType(), et)));
    }
    if (t1 instanceof MapType a && t2 instanceof MapType b) {
      Optional<DataType> kt =
          f.find(a.keyType(), b.keyType())
              .filter(
                  k ->
                      !CastRules.forceNullable(a.keyType(), k)
                          && !CastRules.forceNullable(b.keyType(), k));
      if (kt.isEmpty()) return Optional.empty();
      return f.find(a.valueType(), b.valueType())
          .map(
              vt ->
                  new MapType(
                      kt.get(),
                      vt,
                      a.valueContainsNull()
                          || b.valueContainsNull()
                          || CastRules.forceNullable(a.valueType(), vt)
                          || CastRules.forceNullable(b.valueType(), vt)));
    }
    if (t1 instanceof StructType a && t2 instanceof StructType b && a.size() == b.size()) {
      StructType out = new StructType();
      for (int i = 0; i < a.size(); i++) {
        StructField f1 = a.get(i);
        StructField f2 = b.get(i);
        if (!names.matches(f1.name(), f2.name())) return Optional.empty();
        Optional<DataType> dt = f.find(f1.dataType(), f2.dataType());
        if (dt.isEmpty()) return Optional.empty();
        out =
            out.add(
                f1.name(),
                dt.get(),
                f1.nullable()
                    || f2.nullable()
                    || CastRules.forceNullable(f1.dataType(), dt.get())
                    || CastRules.forceNullable(f2.dataType(), dt.get()));
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }

  /** Spark's {@code widerDecimalType}: enough integer and fraction digits for both. */
  static DecimalType widerDecimalType(DecimalType a, DecimalType b) {
    int scale = Math.max(a.scale(), b.scale());
    int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
    return DecimalType.bounded(range + scale, scale);
  }

  /** True when every value of {@code other} fits in {@code d} without loss. */
  static boolean isWiderThan(DecimalType d, DataType other) {
    if (other instanceof DecimalType o) {
      return d.precision() - d.scale() >= o.precision() - o.scale() && d.scale() >= o.scale();
    }
    if (other.isIntegral()) return isWiderThan(d, DecimalType.forType(other));
    return false;
  }

  /** Position in byte < short < int < long < float < double; -1 for other types. */
  static int numericPrecedence(DataType t) {
    if (t instanceof ByteType) return 0;
    if (t instanceof ShortType) return 1;
    if (t instanceof IntegerType) return 2;
    if (t instanceof LongType) return 3;
    if (t instanceof FloatType) return 4;
    if (t instanceof DoubleType) return 5;
    return -1;
  }

  /** Float, double or decimal (Spark's {@code FractionalType}). */
  static boolean isFractional(DataType t) {
    return t instanceof FloatType || t instanceof DoubleType || t instanceof DecimalType;
  }

  /** Spark's {@code AtomicType}: booleans, numbers, strings, binary, datetimes, ANSI intervals. */
  static boolean isAtomic(DataType t) {
    return t instanceof BooleanType
        || t.isNumeric()
        || t instanceof StringType
        || t instanceof BinaryType
        || t instanceof DateType
        || t instanceof TimestampType
        || t instanceof DayTimeIntervalType
        || t instanceof YearMonthIntervalType;
  }

  static boolean sameType(DataType a, DataType b) {
    return DataTypes.equalsIgnoreNullability(a, b);
  }

  /** Same shape and atomic types, ignoring nullability and struct field names. */
  static boolean equalsStructurally(DataType a, DataType b) {
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return equalsStructurally(x.elementType(), y.elementType());
    }
    if (a instanceof MapType x && b instanceof MapType y) {
      return equalsStructurally(x.keyType(), y.keyType())
          && equalsStructurally(x.valueType(), y.valueType());
    }
    if (a instanceof StructType x && b instanceof StructType y) {
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) {
        if (!equalsStructurally(x.get(i).dataType(), y.get(i).dataType())) return false;
      }
      return true;
    }
    return a.equals(b);
  }

  static boolean haveSameType(List<DataType> types) {
    for (int i = 1; i < types.size(); i++) {
      if (!sameType(types.get(0), types.get(i))) return false;
    }
    return true;
  }

  private static boolean hasStringType(DataType t) {
    if (t instanceof StringType) return true;
    return t instanceof ArrayType a && hasStringType(a.elementType());
  }
}
