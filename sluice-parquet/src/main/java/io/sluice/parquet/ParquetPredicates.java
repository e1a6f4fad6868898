package io.sluice.parquet;

import io.sluice.connector.SourceFilter;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Pushed filters as a parquet-java predicate over one file's columns, so that parquet-java can also
 * drop row groups by their dictionaries and pages by the column indexes. Only top-level primitive
 * columns whose values compare as stored (signed ints, longs and microsecond timestamps, floats,
 * doubles, booleans, strings) translate; a conjunct that does not is left out, and an OR with such
 * a side is left out whole.
 */
final class ParquetPredicates {
  private ParquetPredicates() {}

  /** The predicate of {@code filters} over {@code file}, or null when none translates. */
  static FilterPredicate of(List<SourceFilter> filters, MessageType file) {
    FilterPredicate out = null;
    for (SourceFilter f : filters) {
      FilterPredicate p = translate(f, file);
      if (p != null) out = out == null ? p : FilterApi.and(out, p);
    }
    return out;
  }

  private static FilterPredicate translate(SourceFilter f, MessageType file) {
    if (f instanceof SourceFilter.And a) {
      FilterPredicate l = translate(a.left(), file);
      FilterPredicate r = translate(a.right(), file);
      if (l == null) return r;
      return r == null ? l : FilterApi.and(l, r);
    }
    if (f instanceof SourceFilter.Or o) {
      FilterPredicate l = translate(o.left(), file);
      FilterPredicate r = translate(o.right(), file);
      return l == null || r == null ? null : FilterApi.or(l, r);
    }
    if (f instanceof SourceFilter.Compare c) return compare(file, c.column(), c.op(), c.value());
    if (f instanceof SourceFilter.In in) return in(file, in.column(), in.values());
    if (f instanceof SourceFilter.IsNull n) return nullTest(file, n.column(), true);
    if (f instanceof SourceFilter.IsNotNull n) return nullTest(file, n.column(), false);
    return null;
  }

  /** The kind of a top-level column's values for predicates, or null when unsupported. */
  private enum Kind {
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    BOOLEAN,
    STRING
  }

  private static PrimitiveType column(MessageType file, String name) {
    Type t = ReadPlan.find(file, name);
    if (t == null
        || !t.isPrimitive()
        || !t.isRepetition(Type.Repetition.OPTIONAL) && !t.isRepetition(Type.Repetition.REQUIRED)) {
      return null;
    }
    return t.asPrimitiveType();
  }

  private static Kind kind(PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
      return null;
    }
    return switch (p.getPrimitiveTypeName()) {
      case INT32 -> Kind.INT;
      case INT64 ->
          a instanceof TimestampLogicalTypeAnnotation ts && ts.getUnit() != TimeUnit.MICROS
              ? null
              : Kind.LONG;
      case FLOAT -> Kind.FLOAT;
      case DOUBLE -> Kind.DOUBLE;
      case BOOLEAN -> Kind.BOOLEAN;
      case BINARY ->
          a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation ? Kind.STRING : null;
      default -> null;
    };
  }

  /** The value as the column's predicate type, or null when it does not fit. */
  private static Comparable<?> value(Kind k, Object v) {
    return switch (k) {
      case INT ->
          v instanceof Number n && !(v instanceof BigDecimal) && !(v instanceof Long)
              ? (Comparable<?>) n.intValue()
              : null;
      case LONG -> v instanceof Long l ? l : null;
      case FLOAT -> v instanceof Float f ? f : null;
      case DOUBLE -> v instanceof Double d ? d : null;
      case BOOLEAN -> v instanceof Boolean b ? b : null;
      case STRING -> v instanceof String s ? Binary.fromString(s) : null;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static FilterPredicate compare(
      MessageType file, String name, SourceFilter.Op op, Object v) {
    PrimitiveType p = column(file, name);
    Kind k = p == null ? null : kind(p);
    Comparable value = k == null ? null : value(k, v);
    if (value == null) return null;
    String path = p.getName();
    if (k == Kind.BOOLEAN) {
      return op == SourceFilter.Op.EQ
          ? FilterApi.eq(FilterApi.booleanColumn(path), (Boolean) value)
          : null;
    }
    Operators.Column col = ltGtColumn(k, path);
    return switch (op) {
      case EQ -> FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) col, value);
      case LT -> FilterApi.lt((Operators.Column & Operators.SupportsLtGt) col, value);
      case LE -> FilterApi.ltEq((Operators.Column & Operators.SupportsLtGt) col, value);
      case GT -> FilterApi.gt((Operators.Column & Operators.SupportsLtGt) col, value);
      case GE -> FilterApi.gtEq((Operators.Column & Operators.SupportsLtGt) col, value);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static FilterPredicate in(MessageType file, String name, List<Object> values) {
    PrimitiveType p = column(file, name);
    Kind k = p == null ? null : kind(p);
    if (k == null || k == Kind.BOOLEAN) return null;
    Set set = new HashSet<>();
    for (Object v : values) {
      Comparable c = value(k, v);
      if (c == null) return null;
      set.add(c);
    }
    return FilterApi.in(
        (Operators.Column & Operators.SupportsEqNotEq) ltGtColumn(k, p.getName()), set);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static FilterPredicate nullTest(MessageType file, String name, boolean isNull) {
    PrimitiveType p = column(file, name);
    Kind k = p == null ? null : kind(p);
    if (k == null) return null;
    Operators.Column col =
        k == Kind.BOOLEAN ? FilterApi.booleanColumn(p.getName()) : ltGtColumn(k, p.getName());
    return isNull
        ? FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) col, null)
        : FilterApi.notEq((Operators.Column & Operators.SupportsEqNotEq) col, null);
  }

  private static Operators.Column<?> ltGtColumn(Kind k, String path) {
    return switch (k) {
      case INT -> FilterApi.intColumn(path);
      case LONG -> FilterApi.longColumn(path);
      case FLOAT -> FilterApi.floatColumn(path);
      case DOUBLE -> FilterApi.doubleColumn(path);
      case STRING -> FilterApi.binaryColumn(path);
      case BOOLEAN -> FilterApi.booleanColumn(path);
    };
  }
}
