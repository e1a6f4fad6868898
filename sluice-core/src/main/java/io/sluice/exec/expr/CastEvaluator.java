package io.sluice.exec.expr;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.Cast;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;

/**
 * Compiles {@link Cast}: picks, once per query, the vector-to-vector conversion for the source and
 * target types. Families live in {@link CastToString}, {@link CastFromString}, {@link
 * NumericCasts}, {@link DecimalCasts}, {@link DateTimeCasts} and {@link IntervalParser}; arrays,
 * maps and structs cast their element, key, value and field vectors (with the same mode).
 */
final class CastEvaluator {
  private CastEvaluator() {}

  /** Converts the first {@code n} rows of a vector of the source type to the target type. */
  @FunctionalInterface
  interface VectorCast {
    ColumnVector apply(ColumnVector input, int n);
  }

  static VectorEvaluator compile(Cast c, VectorEvaluator child, EvalContext ctx) {
    DataType from = c.child().dataType();
    VectorCast cast = forTypes(new CastMode(c.evalMode(), from, c.dataType(), ctx.timeZone()));
    return batch -> cast.apply(child.evaluate(batch), batch.numRows());
  }

  static VectorCast forTypes(CastMode m) {
    DataType from = m.from();
    DataType to = m.to();
    if (DataTypes.equalsIgnoreNullability(from, to)) return (v, n) -> v;
    if (from instanceof NullType) return (v, n) -> Vectors.allNulls(to, n);
    if (to instanceof StringType) return (v, n) -> CastToString.cast(v, n, m.zone());
    VectorCast k = null;
    if (from instanceof StringType) {
      k = CastFromString.forTarget(m);
    } else if (from instanceof ArrayType a && to instanceof ArrayType b) {
      k = arrays(m, a, b);
    } else if (from instanceof MapType a && to instanceof MapType b) {
      k = maps(m, a, b);
    } else if (from instanceof StructType a
        && to instanceof StructType b
        && a.length() == b.length()) {
      k = structs(m, a, b);
    } else {
      k = NumericCasts.forTypes(m);
      if (k == null) k = DateTimeCasts.forTypes(m);
    }
    if (k == null) {
      throw EvalErrors.unsupported("cast from " + from.sql() + " to " + to.sql());
    }
    return k;
  }

  private static VectorCast arrays(CastMode m, ArrayType from, ArrayType to) {
    VectorCast element = forTypes(m.nested(from.elementType(), to.elementType()));
    return (v, n) -> {
      ArrayVector a = (ArrayVector) v;
      ColumnVector e = element.apply(a.elements(), a.elements().size());
      return new ArrayVector(to, a.offsets(), e, Vectors.nulls(a, n), n);
    };
  }

  private static VectorCast maps(CastMode m, MapType from, MapType to) {
    VectorCast key = forTypes(m.nested(from.keyType(), to.keyType()));
    VectorCast value = forTypes(m.nested(from.valueType(), to.valueType()));
    return (v, n) -> {
      MapVector a = (MapVector) v;
      ColumnVector k = key.apply(a.keys(), a.keys().size());
      ColumnVector x = value.apply(a.values(), a.values().size());
      return new MapVector(to, a.offsets(), k, x, Vectors.nulls(a, n), n);
    };
  }

  private static VectorCast structs(CastMode m, StructType from, StructType to) {
    VectorCast[] fields = new VectorCast[from.length()];
    for (int f = 0; f < fields.length; f++) {
      fields[f] = forTypes(m.nested(from.get(f).dataType(), to.get(f).dataType()));
    }
    return (v, n) -> {
      StructVector s = (StructVector) v;
      ColumnVector[] children = new ColumnVector[fields.length];
      for (int f = 0; f < fields.length; f++) children[f] = fields[f].apply(s.child(f), n);
      return new StructVector(to, children, Vectors.nulls(s, n), n);
    };
  }
}
