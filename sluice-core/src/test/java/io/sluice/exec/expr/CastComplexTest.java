package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.assertError;
import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.cast;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.error.SluiceNumberFormatException;
import io.sluice.exec.vector.MapValue;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
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

class CastComplexTest {
  private static final DataType STR = DataTypes.StringType;
  private static final DataType INT = DataTypes.IntegerType;

  @Test
  void arraysCastTheirElements() {
    DataType from = new ArrayType(STR, true);
    DataType to = new ArrayType(INT, true);
    List<Object> out =
        eval(
            new Cast(col(0, from), to, EvalMode.ANSI, true),
            batch(vec(from, new Object[] {"1", " 2 ", null}, null, new Object[] {})));
    assertThat((Object[]) out.get(0)).containsExactly(1, 2, null);
    assertThat(out.get(1)).isNull();
    assertThat((Object[]) out.get(2)).isEmpty();
    assertThat((Object[]) cast(new Object[] {"x", "3"}, from, to, EvalMode.LEGACY))
        .containsExactly(null, 3);
    assertError(
        () -> cast(new Object[] {"x"}, from, to, EvalMode.ANSI),
        SluiceNumberFormatException.class,
        "CAST_INVALID_INPUT",
        Map.of("expression", "'x'", "sourceType", "\"STRING\"", "targetType", "\"INT\""));
  }

  @Test
  void structsCastFieldByPosition() {
    StructType from = new StructType(List.of(new StructField("a", STR), new StructField("b", INT)));
    StructType to = new StructType(List.of(new StructField("x", INT), new StructField("y", STR)));
    Object[] r = (Object[]) cast(new Object[] {"7", 8}, from, to, EvalMode.ANSI);
    assertThat(r).containsExactly(7, "8");
    assertThat(cast(null, from, to, EvalMode.ANSI)).isNull();
  }

  @Test
  void mapsCastKeysAndValues() {
    DataType from = new MapType(STR, STR, true);
    DataType to = new MapType(STR, DataTypes.DoubleType, true);
    MapValue m =
        (MapValue)
            cast(
                new MapValue(new Object[] {"a", "b"}, new Object[] {"1.5", null}),
                from,
                to,
                EvalMode.ANSI);
    assertThat(m.keys()).containsExactly("a", "b");
    assertThat(m.values()).containsExactly(1.5, null);
  }

  @Test
  void nullTypeCastsToAnything() {
    assertThat(EvalSupport.evalOne(new Cast(Literal.NULL, INT, EvalMode.ANSI, true))).isNull();
    assertThat(
            EvalSupport.evalOne(
                new Cast(Literal.NULL, new ArrayType(INT, true), EvalMode.ANSI, true)))
        .isNull();
  }

  @Test
  void impossibleCastsFailAtCompileTime() {
    Cast c = new Cast(col(0, DataTypes.BooleanType), DataTypes.DateType, EvalMode.ANSI, true);
    assertThatThrownBy(() -> ExpressionCompiler.compile(c, EvalSupport.UTC))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("cast from BOOLEAN to DATE");
  }
}
