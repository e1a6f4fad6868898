package io.sluice.cli.conformance;

import io.sluice.Row;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DateType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Renders rows as the conformance scenarios record them: one compact JSON object per row, keys in
 * column order, timestamps {@code yyyy-MM-dd HH:mm:ss[.fraction]} in UTC, dates {@code yyyy-MM-dd},
 * structs and maps as objects, decimals with their scale, doubles as Java prints them.
 */
final class RowRenderer {
  private RowRenderer() {}

  static String render(Row row, StructType schema) {
    StringBuilder sb = new StringBuilder();
    object(sb, row, schema);
    return sb.toString();
  }

  private static void object(StringBuilder sb, Row row, StructType schema) {
    sb.append('{');
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) sb.append(',');
      string(sb, fields[i].name());
      sb.append(':');
      value(sb, row.isNullAt(i) ? null : row.get(i), fields[i].dataType());
    }
    sb.append('}');
  }

  private static void value(StringBuilder sb, Object v, DataType t) {
    if (v == null) {
      sb.append("null");
    } else if (t instanceof TimestampType) {
      Instant i = v instanceof Timestamp ts ? ts.toInstant() : (Instant) v;
      string(sb, timestamp(LocalDateTime.ofInstant(i, ZoneOffset.UTC)));
    } else if (t instanceof DateType) {
      string(sb, v.toString());
    } else if (t instanceof StructType s) {
      object(sb, (Row) v, s);
    } else if (t instanceof ArrayType a) {
      sb.append('[');
      List<?> l = v instanceof List<?> list ? list : java.util.Arrays.asList((Object[]) v);
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(',');
        value(sb, l.get(i), a.elementType());
      }
      sb.append(']');
    } else if (t instanceof MapType m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) sb.append(',');
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        value(sb, e.getValue(), m.valueType());
      }
      sb.append('}');
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (v instanceof byte[] b) {
      string(sb, java.util.Base64.getEncoder().encodeToString(b));
    } else {
      sb.append(v);
    }
  }

  static String timestamp(LocalDateTime t) {
    String base =
        String.format(
            "%04d-%02d-%02d %02d:%02d:%02d",
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond());
    int micros = t.getNano() / 1000;
    if (micros == 0) return base;
    String f = String.format("%06d", micros);
    while (f.endsWith("0")) f = f.substring(0, f.length() - 1);
    return base + "." + f;
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
