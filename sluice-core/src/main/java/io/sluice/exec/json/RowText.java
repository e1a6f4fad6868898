package io.sluice.exec.json;

import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapValue;
import java.math.BigDecimal;

/**
 * The text Spark shows for a parse result row in {@code MALFORMED_RECORD_IN_PARSING}: its internal
 * row's {@code toString}, values in internal form separated by commas in brackets ({@code
 * [null,11,{"a": "1"}]}): strings as they are, timestamps as microseconds, dates as days, nested
 * structs and arrays in brackets. Error path only.
 */
final class RowText {
  private RowText() {}

  /**
   * Row {@code row} of a parse result; {@code wrapped} for array and map schemas, whose rows Spark
   * holds in a one-field row.
   */
  static String resultRow(ColumnVector out, int row, boolean wrapped) {
    StringBuilder sb = new StringBuilder();
    Object v = out.getObject(row);
    if (wrapped) {
      sb.append('[');
      append(sb, v);
      sb.append(']');
    } else if (v == null) {
      sb.append("null");
    } else {
      append(sb, v);
    }
    return sb.toString();
  }

  /** The text of one internal value (map keys in {@code to_json}). */
  static String value(Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v) {
    if (v instanceof Object[] a) {
      sb.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) sb.append(',');
        append(sb, a[i]);
      }
      sb.append(']');
    } else if (v instanceof MapValue m) {
      sb.append("keys: ");
      append(sb, m.keys());
      sb.append(", values: ");
      append(sb, m.values());
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (v instanceof byte[] b) {
      sb.append(java.util.Arrays.toString(b));
    } else {
      sb.append(v);
    }
  }
}
