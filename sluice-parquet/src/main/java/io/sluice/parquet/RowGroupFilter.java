package io.sluice.parquet;

import io.sluice.connector.SourceFilter;
import java.math.BigDecimal;
import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Decides from a row group's column statistics (min, max, null count in the footer) whether it can
 * hold a row matching the pushed filters. Unknown columns, missing statistics and values it cannot
 * compare keep the row group: skipping is only ever done when it is sure.
 */
final class RowGroupFilter {
  private RowGroupFilter() {}

  /** True unless the statistics prove no row of {@code block} matches all of {@code filters}. */
  static boolean mightMatch(BlockMetaData block, List<SourceFilter> filters) {
    for (SourceFilter f : filters) {
      if (!might(block, f)) return false;
    }
    return true;
  }

  private static boolean might(BlockMetaData block, SourceFilter f) {
    if (f instanceof SourceFilter.And a) return might(block, a.left()) && might(block, a.right());
    if (f instanceof SourceFilter.Or o) return might(block, o.left()) || might(block, o.right());
    if (f instanceof SourceFilter.IsNull n) {
      ColumnChunkMetaData c = column(block, n.column());
      Statistics<?> s = c == null ? null : c.getStatistics();
      return s == null || !s.isNumNullsSet() || s.getNumNulls() > 0;
    }
    if (f instanceof SourceFilter.IsNotNull n) {
      ColumnChunkMetaData c = column(block, n.column());
      Statistics<?> s = c == null ? null : c.getStatistics();
      return s == null || !s.isNumNullsSet() || s.getNumNulls() < c.getValueCount();
    }
    if (f instanceof SourceFilter.Compare c) return compare(block, c.column(), c.op(), c.value());
    if (f instanceof SourceFilter.In in) {
      for (Object v : in.values()) {
        if (compare(block, in.column(), SourceFilter.Op.EQ, v)) return true;
      }
      return false;
    }
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean compare(BlockMetaData block, String name, SourceFilter.Op op, Object v) {
    ColumnChunkMetaData c = column(block, name);
    if (c == null) return true;
    Statistics s = c.getStatistics();
    if (s == null || s.isEmpty()) return true;
    if (!s.hasNonNullValue()) {
      // every value is null: no comparison holds
      return !(s.isNumNullsSet() && s.getNumNulls() == c.getValueCount());
    }
    Comparable value = statValue(c.getPrimitiveType(), v);
    if (value == null) return true;
    int lo = s.comparator().compare(s.genericGetMin(), value);
    int hi = s.comparator().compare(s.genericGetMax(), value);
    return switch (op) {
      case EQ -> lo <= 0 && hi >= 0;
      case LT -> lo < 0;
      case LE -> lo <= 0;
      case GT -> hi > 0;
      case GE -> hi >= 0;
    };
  }

  /** A top-level primitive column's chunk, or null. */
  private static ColumnChunkMetaData column(BlockMetaData block, String name) {
    for (ColumnChunkMetaData c : block.getColumns()) {
      String[] p = c.getPath().toArray();
      if (p.length == 1 && p[0].equalsIgnoreCase(name)) return c;
    }
    return null;
  }

  /** A filter value in the physical form of the column's statistics, or null when unknown. */
  private static Comparable<?> statValue(PrimitiveType p, Object v) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
      return null;
    }
    return switch (p.getPrimitiveTypeName()) {
      case INT32 -> v instanceof Number n && !(v instanceof BigDecimal) ? n.intValue() : null;
      case INT64 -> {
        if (!(v instanceof Long l)) yield null;
        if (a instanceof TimestampLogicalTypeAnnotation ts && ts.getUnit() != TimeUnit.MICROS) {
          yield null;
        }
        yield l;
      }
      case FLOAT -> v instanceof Float f ? f : null;
      case DOUBLE -> v instanceof Double d ? d : null;
      case BOOLEAN -> v instanceof Boolean b ? b : null;
      case BINARY ->
          v instanceof String str
              ? Binary.fromString(str)
              : v instanceof byte[] b ? Binary.fromConstantByteArray(b) : null;
      default -> null;
    };
  }
}
