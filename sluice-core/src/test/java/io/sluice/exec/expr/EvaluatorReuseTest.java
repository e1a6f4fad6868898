package io.sluice.exec.expr;

import static io.sluice.exec.expr.EvalSupport.UTC;
import static io.sluice.exec.expr.EvalSupport.batch;
import static io.sluice.exec.expr.EvalSupport.col;
import static io.sluice.exec.expr.EvalSupport.lit;
import static io.sluice.exec.expr.EvalSupport.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceArithmeticException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.And;
import io.sluice.plan.expr.BinaryArithmetic;
import io.sluice.plan.expr.BinaryArithmetic.Op;
import io.sluice.plan.expr.CaseWhen;
import io.sluice.plan.expr.Comparison;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.IsNull;
import io.sluice.plan.expr.Not;
import io.sluice.plan.expr.Or;
import io.sluice.plan.expr.UnaryMinus;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Evaluators with a literal operand, transient evaluators (buffers reused between calls) and
 * speculative evaluation of conditional children all give the answers of the plain evaluators.
 */
class EvaluatorReuseTest {
  private static final DataType LONG = DataTypes.LongType;
  private static final DataType INT = DataTypes.IntegerType;

  @Property(tries = 300)
  void literalOperandEqualsColumnOperand(@ForAll long seed) {
    Random rnd = new Random(seed);
    boolean ints = rnd.nextBoolean();
    DataType t = ints ? INT : LONG;
    long c =
        switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextInt(21) - 10;
          case 1 -> rnd.nextInt(2001) - 1000;
          case 2 -> ints ? rnd.nextInt() : rnd.nextLong();
          default -> ints ? Integer.MAX_VALUE : Long.MIN_VALUE + rnd.nextInt(3);
        };
    Object constant = ints ? (Object) (int) c : (Object) c;
    int n = 1 + rnd.nextInt(50);
    Object[] xs = new Object[n];
    Object[] cs = new Object[n];
    for (int i = 0; i < n; i++) {
      long x =
          rnd.nextInt(3) == 0 ? (ints ? rnd.nextInt() : rnd.nextLong()) : rnd.nextInt(2001) - 1000;
      xs[i] = rnd.nextInt(6) == 0 ? null : ints ? (Object) (int) x : (Object) x;
      cs[i] = constant;
    }
    ColumnBatch b = batch(vec(t, xs), vec(t, cs));
    for (Op op : new Op[] {Op.ADD, Op.SUBTRACT, Op.MULTIPLY, Op.REMAINDER, Op.PMOD}) {
      for (EvalMode mode : EvalMode.values()) {
        Expression withLiteral = new BinaryArithmetic(op, col(0, t), lit(constant, t), mode);
        Expression withColumn = new BinaryArithmetic(op, col(0, t), col(1, t), mode);
        assertThat(outcome(withLiteral, b))
            .as("%s %s %s", op, c, mode)
            .isEqualTo(outcome(withColumn, b));
      }
    }
    for (Comparison.Op op : Comparison.Op.values()) {
      Expression withLiteral = new Comparison(op, col(0, t), lit(constant, t));
      Expression withColumn = new Comparison(op, col(0, t), col(1, t));
      assertThat(outcome(withLiteral, b)).as("%s %s", op, c).isEqualTo(outcome(withColumn, b));
    }
  }

  @Test
  void integralDivideByLiteral() {
    ColumnBatch b = batch(vec(LONG, 7L, -7L, null, Long.MIN_VALUE, 100L));
    Expression e =
        new BinaryArithmetic(Op.INTEGRAL_DIVIDE, col(0, LONG), lit(3L, LONG), EvalMode.ANSI);
    assertThat(EvalSupport.eval(e, b)).containsExactly(2L, -2L, null, Long.MIN_VALUE / 3, 33L);
  }

  @Test
  void durableResultsSurviveTheNextCall() {
    // (a * 3) + (a % 100) over nullable input: children are transient, the root is not
    Expression e =
        new BinaryArithmetic(
            Op.ADD,
            new BinaryArithmetic(Op.MULTIPLY, col(0, LONG), lit(3L, LONG), EvalMode.ANSI),
            new BinaryArithmetic(Op.REMAINDER, col(0, LONG), col(1, LONG), EvalMode.ANSI),
            EvalMode.ANSI);
    Expression cond =
        new Or(
            new Not(new Comparison(Comparison.Op.LT, col(0, LONG), lit(5L, LONG))),
            new IsNull(col(1, LONG)));
    for (Expression x : List.of(e, cond, new UnaryMinus(e, EvalMode.ANSI))) {
      VectorEvaluator eval = ExpressionCompiler.compile(x, UTC);
      ColumnBatch first = batch(vec(LONG, 1L, null, 250L, 4L), vec(LONG, 100L, 7L, null, 3L));
      ColumnVector kept = eval.evaluate(first);
      List<Object> before = values(kept);
      // a second batch of the same size, with nulls elsewhere, would overwrite shared buffers
      eval.evaluate(batch(vec(LONG, null, 8L, 7L, 6L), vec(LONG, null, 2L, 2L, null)));
      assertThat(values(kept)).as("%s", x.sql()).isEqualTo(before);
    }
  }

  @Property(tries = 100)
  void transientEvaluatorsAnswerEveryBatchLikeDurableOnes(@ForAll long seed) {
    Random rnd = new Random(seed);
    Expression m = new BinaryArithmetic(Op.REMAINDER, col(0, LONG), lit(10L, LONG), EvalMode.ANSI);
    Expression x = new BinaryArithmetic(Op.MULTIPLY, col(0, LONG), col(1, LONG), EvalMode.TRY);
    List<Expression> exprs =
        List.of(
            new And(
                new Comparison(Comparison.Op.LT, m, lit(5L, LONG)),
                new Comparison(Comparison.Op.GT, x, lit(10L, LONG))),
            new Or(new IsNull(x), new Comparison(Comparison.Op.EQ, m, col(1, LONG))),
            new BinaryArithmetic(Op.SUBTRACT, x, m, EvalMode.LEGACY),
            new CaseWhen(
                List.of(new CaseWhen.Branch(new Comparison(Comparison.Op.GE, m, lit(3L, LONG)), x)),
                m));
    for (Expression e : exprs) {
      VectorEvaluator transientEval = ExpressionCompiler.compileTransient(e, UTC);
      for (int round = 0; round < 5; round++) {
        int n = 1 + rnd.nextInt(40);
        Object[] a = new Object[n];
        Object[] c = new Object[n];
        for (int i = 0; i < n; i++) {
          a[i] = rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(100) - 50;
          c[i] =
              rnd.nextInt(5) == 0
                  ? null
                  : rnd.nextInt(4) == 0 ? Long.MAX_VALUE : (long) rnd.nextInt(10);
        }
        ColumnBatch b = batch(vec(LONG, a), vec(LONG, c));
        List<Object> expected = values(ExpressionCompiler.compile(e, UTC).evaluate(b));
        assertThat(values(transientEval.evaluate(b))).as("%s", e.sql()).isEqualTo(expected);
      }
    }
  }

  @Test
  void guardedDivisionFailsOnlyForRowsThatReachIt() {
    // x <> 0 AND 10 div x > 1: the whole-batch attempt fails on x = 0, the retry does not
    Expression div =
        new BinaryArithmetic(Op.INTEGRAL_DIVIDE, lit(10L, LONG), col(0, LONG), EvalMode.ANSI);
    Expression e =
        new And(
            new Not(new Comparison(Comparison.Op.EQ, col(0, LONG), lit(0L, LONG))),
            new Comparison(Comparison.Op.GT, div, lit(1L, LONG)));
    VectorEvaluator eval = ExpressionCompiler.compileTransient(e, UTC);
    assertThat(values(eval.evaluate(batch(vec(LONG, 0L, 2L, 20L, null)))))
        .containsExactly(false, true, false, null);
    // later batches keep the answers, and an error on a row that reaches the division is raised
    assertThat(values(eval.evaluate(batch(vec(LONG, 5L, 0L))))).containsExactly(true, false);
    Expression unguarded =
        new Or(
            new Comparison(Comparison.Op.GT, col(0, LONG), lit(100L, LONG)),
            new Comparison(Comparison.Op.GT, div, lit(1L, LONG)));
    VectorEvaluator failing = ExpressionCompiler.compileTransient(unguarded, UTC);
    assertThat(values(failing.evaluate(batch(vec(LONG, 500L, 1000L))))).containsExactly(true, true);
    assertThatThrownBy(() -> failing.evaluate(batch(vec(LONG, 500L, 0L))))
        .isInstanceOf(SluiceArithmeticException.class);
  }

  @Test
  void guardedDivisionWithoutNullsRetriesOnTheSelectedRows() {
    Expression div =
        new BinaryArithmetic(Op.INTEGRAL_DIVIDE, lit(10L, LONG), col(0, LONG), EvalMode.ANSI);
    Expression guard = new Not(new Comparison(Comparison.Op.EQ, col(0, LONG), lit(0L, LONG)));
    Expression and = new And(guard, new Comparison(Comparison.Op.GT, div, lit(1L, LONG)));
    Expression unguarded = new Comparison(Comparison.Op.EQ, col(0, LONG), lit(0L, LONG));
    Expression or = new Or(unguarded, new Comparison(Comparison.Op.GT, div, lit(1L, LONG)));
    for (boolean durable : new boolean[] {true, false}) {
      VectorEvaluator andEval =
          durable
              ? ExpressionCompiler.compile(and, UTC)
              : ExpressionCompiler.compileTransient(and, UTC);
      VectorEvaluator orEval =
          durable
              ? ExpressionCompiler.compile(or, UTC)
              : ExpressionCompiler.compileTransient(or, UTC);
      // no null on the left: the whole-batch attempt fails on x = 0, the retry succeeds
      assertThat(values(andEval.evaluate(batch(vec(LONG, 2L, 0L, 20L)))))
          .containsExactly(true, false, false);
      assertThat(values(orEval.evaluate(batch(vec(LONG, 2L, 0L, 20L)))))
          .containsExactly(true, true, false);
      // every row decided by the left side: the right side is not evaluated at all
      assertThat(values(andEval.evaluate(batch(vec(LONG, 0L, 0L))))).containsExactly(false, false);
    }
  }

  /** Each row's value, or the error class when evaluation fails. */
  private static Object outcome(Expression e, ColumnBatch b) {
    try {
      return values(ExpressionCompiler.compileTransient(e, UTC).evaluate(b));
    } catch (SluiceArithmeticException ex) {
      return ex.getErrorClass() + " " + ex.getMessageParameters();
    }
  }

  private static List<Object> values(ColumnVector v) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) out.add(v.getObject(i));
    return out;
  }
}
