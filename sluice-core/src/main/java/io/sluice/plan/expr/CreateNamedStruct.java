package io.sluice.plan.expr;

import io.sluice.types.DataType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a struct from named values: {@code struct(a, b)} and {@code named_struct('x', a)}. {@code
 * prettyName} is the function name shown in generated column names.
 */
public record CreateNamedStruct(List<String> names, List<Expression> values, String prettyName)
    implements Expression {

  public CreateNamedStruct {
    names = List.copyOf(names);
    values = List.copyOf(values);
  }

  @Override
  public List<Expression> children() {
    return values;
  }

  @Override
  public Expression withChildren(List<Expression> c) {
    return new CreateNamedStruct(names, c, prettyName);
  }

  @Override
  public DataType dataType() {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(new StructField(names.get(i), values.get(i).dataType(), values.get(i).nullable()));
    }
    return new StructType(fields);
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public boolean foldable() {
    return values.stream().allMatch(Expression::foldable);
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder(prettyName).append('(');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) sb.append(", ");
      if (prettyName.equals("named_struct")) sb.append(names.get(i)).append(", ");
      sb.append(values.get(i).sql());
    }
    return sb.append(')').toString();
  }
}
