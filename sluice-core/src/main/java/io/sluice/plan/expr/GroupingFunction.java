package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grouping(col)} (1 when {@code col} is aggregated over in the row's grouping set, else 0, a
 * tinyint) and {@code grouping_id(cols...)} (those bits of every column, the first the most
 * significant, a bigint; all grouping columns when none is given). Only meaningful in an
 * aggregation by {@code GROUPING SETS}, {@code ROLLUP} or {@code CUBE}, whose analysis replaces it
 * by arithmetic on the grouping id; anywhere else the check phase rejects it.
 */
public record GroupingFunction(boolean id, List<Expression> arguments) implements Expression {
  public GroupingFunction {
    arguments = List.copyOf(arguments);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new GroupingFunction(id, c);
  }

  @Override
  public DataType dataType() {
    return id ? DataTypes.LongType : DataTypes.ByteType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    List<String> args = new ArrayList<>();
    for (Expression a : arguments) args.add(a.sql());
    return (id ? "grouping_id(" : "grouping(") + String.join(", ", args) + ")";
  }

  @Override
  public String toString() {
    return sql();
  }
}
