package io.sluice.streaming.operator;

import io.sluice.exec.operator.agg.AggregateFunctions;
import io.sluice.plan.expr.AggregateCall;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.types.DataType;
import java.util.List;

/** The DDL text of state rows, recorded in the checkpoint's state schema files. */
final class StateSchemas {
  private StateSchemas() {}

  /** The columns as {@code `name` TYPE, ...}. */
  static String ddl(List<AttributeReference> columns) {
    StringBuilder sb = new StringBuilder();
    for (AttributeReference a : columns) field(sb, a.name(), a.dataType());
    return sb.toString();
  }

  /** The aggregation buffers of {@code calls}, one column per buffer, named after the function. */
  static String buffers(List<AggregateCall> calls) {
    StringBuilder sb = new StringBuilder();
    for (AggregateCall c : calls) {
      List<DataType> types = AggregateFunctions.bufferTypes(c);
      for (int i = 0; i < types.size(); i++)
        field(sb, c.function().sqlName() + "_" + i, types.get(i));
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String name, DataType type) {
    if (sb.length() > 0) sb.append(", ");
    sb.append('`').append(name.replace("`", "``")).append("` ").append(type.sql());
  }
}
