package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.assertError;
import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.MapValue;
import io.sluice.plan.expr.CreateNamedStruct;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.GetArrayItem;
import io.sluice.plan.expr.GetMapValue;
import io.sluice.plan.expr.GetStructField;
import io.sluice.plan.expr.Literal;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplexTypeEvaluatorsTest {
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType STR = DataTypes.StringType;

  @Test
  void createAndReadStructs() {
    ColumnBatch b = batch(vec(INT, 1, null), vec(STR, "a", "b"));
    Expression s =
        new CreateNamedStruct(List.of("x", "y"), List.of(col(0, INT), col(1, STR)), "named_struct");
    List<Object> rows = eval(s, b);
    assertThat((Object[]) rows.get(0)).containsExactly(1, "a");
    assertThat((Object[]) rows.get(1)).containsExactly(null, "b");
    assertThat(eval(new GetStructField(s, 1, "y"), b)).containsExactly("a", "b");
    assertThat(eval(new GetStructField(s, 0, "x"), b)).containsExactly(1, null);
  }

  @Test
  void fieldOfANullStructIsNull() {
    StructType st = new StructType(List.of(new StructField("a", INT)));
    ColumnBatch b = batch(vec(st, new Object[] {7}, null, new Object[] {null}));
    assertThat(eval(new GetStructField(col(0, st), 0, "a"), b)).containsExactly(7, null, null);
  }

  @Test
  void arrayItems() {
    DataType arr = new ArrayType(STR, true);
    ColumnBatch b =
        batch(
            vec(arr, new Object[] {"a", "b"}, new Object[] {"c"}, null, new Object[] {null, "d"}),
            vec(INT, 1, 1, 0, 0));
    assertThat(eval(new GetArrayItem(col(0, arr), col(1, INT), false), b))
        .containsExactly("b", null, null, null);
    assertThat(eval(new GetArrayItem(col(0, arr), Literal.of(0), true), b))
        .containsExactly("a", "c", null, null);
    assertThat(eval(new GetArrayItem(col(0, arr), Literal.of(-1), false), b))
        .containsExactly(null, null, null, null);
    assertError(
        () -> eval(new GetArrayItem(col(0, arr), col(1, INT), true), b),
        SluiceRuntimeException.class,
        "INVALID_ARRAY_INDEX",
        Map.of("indexValue", "1", "arraySize", "1"));
  }

  @Test
  void mapValues() {
    DataType m = new MapType(STR, INT, true);
    ColumnBatch b =
        batch(
            vec(
                m,
                new MapValue(new Object[] {"a", "b"}, new Object[] {1, null}),
                new MapValue(new Object[] {"a"}, new Object[] {3}),
                null,
                new MapValue(new Object[] {}, new Object[] {})),
            vec(STR, "b", "a", "a", "a"));
    assertThat(eval(new GetMapValue(col(0, m), col(1, STR)), b))
        .containsExactly(null, 3, null, null);
    assertThat(eval(new GetMapValue(col(0, m), Literal.of("a")), b))
        .containsExactly(1, 3, null, null);
  }
}
