package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.UTC;
import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.eval;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.DecimalVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.Alias;
import io.sluice.plan.expr.AttributeReference;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {

  private static ColumnBatch rows(int n) {
    return new ColumnBatch(new ColumnVector[0], n);
  }

  @Test
  void literalVectorIsBuiltOnceAndReused() {
    VectorEvaluator ev = ExpressionCompiler.compile(Literal.of(7L), UTC);
    ColumnVector first = ev.evaluate(rows(100));
    ColumnVector second = ev.evaluate(rows(100));
    assertThat(second).isSameAs(first);
    LongVector smaller = (LongVector) ev.evaluate(rows(10));
    assertThat(smaller.size()).isEqualTo(10);
    assertThat(smaller.values()).isSameAs(((LongVector) first).values());
    ColumnVector larger = ev.evaluate(rows(1000));
    assertThat(larger.size()).isEqualTo(1000);
    assertThat(((LongVector) larger).get(999)).isEqualTo(7L);
    assertThat(ev.evaluate(rows(1000))).isSameAs(larger);
  }

  @Test
  void literalsOfEveryKind() {
    assertThat(
            ExpressionCompiler.compile(new Literal(null, DataTypes.IntegerType), UTC)
                .evaluate(rows(3)))
        .isInstanceOf(IntVector.class)
        .satisfies(v -> assertThat(v.isNullAt(2)).isTrue());
    BytesVector s =
        (BytesVector) ExpressionCompiler.compile(Literal.of("ab"), UTC).evaluate(rows(3));
    assertThat(s.getString(0) + s.getString(2)).isEqualTo("abab");
    DecimalType d = new DecimalType(30, 2);
    VectorEvaluator dec = ExpressionCompiler.compile(new Literal(new BigDecimal("1.5"), d), UTC);
    assertThat(((DecimalVector) dec.evaluate(rows(4))).getDecimal(3))
        .isEqualTo(new BigDecimal("1.50"));
    assertThat(((DecimalVector) dec.evaluate(rows(2))).size()).isEqualTo(2);
    assertThat(EvalSupport.evalOne(Literal.NULL)).isNull();
    assertThat(ExpressionCompiler.compile(Literal.of(1), UTC).evaluate(rows(0)).size()).isZero();
  }

  @Test
  void boundReferencesAfterBinding() {
    AttributeReference a = AttributeReference.create("a", DataTypes.IntegerType, true);
    AttributeReference b = AttributeReference.create("b", DataTypes.IntegerType, true);
    Expression e =
        new Alias(
            new BinaryArithmetic(BinaryArithmetic.Op.ADD, b, a, EvalMode.ANSI),
            "s",
            99L,
            List.of());
    Expression bound = BindReferences.bind(e, List.of(a, b));
    ColumnBatch batch =
        batch(vec(DataTypes.IntegerType, 1, 2), vec(DataTypes.IntegerType, 10, null));
    assertThat(eval(bound, batch)).containsExactly(11, null);
  }

  @Test
  void unboundOrUnsupportedExpressionsFailAtCompileTime() {
    AttributeReference a = AttributeReference.create("price", DataTypes.IntegerType, true);
    assertThatThrownBy(() -> ExpressionCompiler.compile(a, UTC))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("INTERNAL_ERROR")
        .hasMessageContaining("AttributeReference")
        .hasMessageContaining("price");
    AttributeReference other = AttributeReference.create("x", DataTypes.IntegerType, true);
    assertThatThrownBy(() -> BindReferences.bind(other, List.of(a)))
        .isInstanceOf(SluiceException.class)
        .hasMessageContaining("x");
  }

  @Test
  void evaluatorsAreReusableAcrossBatches() {
    VectorEvaluator ev =
        ExpressionCompiler.compile(
            new BinaryArithmetic(
                BinaryArithmetic.Op.MULTIPLY,
                EvalSupport.col(0, DataTypes.LongType),
                Literal.of(2L),
                EvalMode.ANSI),
            UTC);
    for (int n = 1; n < 50; n += 7) {
      long[] values = new long[n];
      for (int i = 0; i < n; i++) values[i] = i;
      LongVector out =
          (LongVector) ev.evaluate(batch(new LongVector(DataTypes.LongType, values, null, n)));
      assertThat(out.size()).isEqualTo(n);
      assertThat(out.get(n - 1)).isEqualTo(2L * (n - 1));
    }
  }
}
