package io.sluice.connector;

import java.util.List;

/**
 * A predicate on a scan's columns that a source may use to skip input (files, row groups) it can
 * prove holds no matching row, as Spark's data source filters. Values are in the internal value
 * form of the column's type (Integer days for dates, Long microseconds for timestamps, String for
 * strings, BigDecimal for decimals). Pushed filters are hints: the query still applies the filter
 * to every row the scan returns.
 */
public sealed interface SourceFilter {
  /** The comparison operators of {@link Compare}. */
  enum Op {
    EQ,
    LT,
    LE,
    GT,
    GE
  }

  /** {@code column op value}; never true for a null column value. */
  record Compare(String column, Op op, Object value) implements SourceFilter {}

  /** {@code column IS NULL}. */
  record IsNull(String column) implements SourceFilter {}

  /** {@code column IS NOT NULL}. */
  record IsNotNull(String column) implements SourceFilter {}

  /** {@code column IN (values)}, none of the values null. */
  record In(String column, List<Object> values) implements SourceFilter {
    public In {
      values = List.copyOf(values);
    }
  }

  /** Both hold. */
  record And(SourceFilter left, SourceFilter right) implements SourceFilter {}

  /** Either holds. */
  record Or(SourceFilter left, SourceFilter right) implements SourceFilter {}
}
