package io.sluice.streaming.operator;

import io.sluice.plan.expr.AttributeReference;
import java.util.List;

/** The DDL text of state rows, recorded in the checkpoint's state schema files. */
final class StateSchemas {
  private StateSchemas() {}

  static String ddl(List<AttributeReference> columns) {
    StringBuilder sb = new StringBuilder();
    for (AttributeReference a : columns) {
      if (sb.length() > 0) sb.append(", ");
      sb.append('`').append(a.name().replace("`", "``")).append("` ").append(a.dataType().sql());
    }
    return sb.toString();
  }
}
