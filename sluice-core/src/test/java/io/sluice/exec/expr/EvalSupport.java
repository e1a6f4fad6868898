package io.sluice.exec.expr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.BoundReference;
import io.sluice.plan.expr.Cast;
import io.sluice.plan.expr.EvalMode;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Small helpers for building batches by hand and evaluating expressions over them. */
final class EvalSupport {
  static final EvalContext UTC = EvalContext.of("UTC", true);

  private EvalSupport() {}

  /** A vector of the given values in internal form ({@code null} for null rows). */
  static ColumnVector vec(DataType t, Object... values) {
    ColumnVector v = ColumnVector.allocate(t, values.length);
    for (Object o : values) v.append(o);
    return v;
  }

  static ColumnBatch batch(ColumnVector... columns) {
    return new ColumnBatch(columns, columns.length == 0 ? 1 : columns[0].size());
  }

  static BoundReference col(int ordinal, DataType t) {
    return new BoundReference(ordinal, t, true);
  }

  static Literal lit(Object v, DataType t) {
    return new Literal(v, t);
  }

  /** The values of every row of {@code e} over {@code b}, in internal form. */
  static List<Object> eval(Expression e, ColumnBatch b) {
    return eval(e, b, UTC);
  }

  static List<Object> eval(Expression e, ColumnBatch b, EvalContext ctx) {
    ColumnVector v = ExpressionCompiler.compile(e, ctx).evaluate(b);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < b.numRows(); i++) {
      Object o = v.getObject(i);
      out.add(o instanceof byte[] bytes ? new Bytes(bytes) : o);
    }
    return out;
  }

  /** {@code e} over a single row with no columns (for constant expressions). */
  static Object evalOne(Expression e) {
    return eval(e, new ColumnBatch(new ColumnVector[0], 1)).get(0);
  }

  /** {@code CAST(value AS to)} of a literal in the given mode, evaluated in UTC. */
  static Object cast(Object value, DataType from, DataType to, EvalMode mode) {
    return evalOne(new Cast(lit(value, from), to, mode, true));
  }

  /** Asserts that {@code call} throws a Sluice exception of this class with these parameters. */
  static void assertError(
      ThrowingCallable call,
      Class<? extends SluiceException> type,
      String errorClass,
      Map<String, String> params) {
    assertThatThrownBy(call)
        .isInstanceOf(type)
        .satisfies(
            t -> {
              SluiceException s = (SluiceException) t;
              org.assertj.core.api.Assertions.assertThat(s.getErrorClass()).isEqualTo(errorClass);
              org.assertj.core.api.Assertions.assertThat(s.getMessageParameters())
                  .containsAllEntriesOf(params);
            });
  }

  /** Byte arrays with value equality, for comparing binary results. */
  record Bytes(byte[] b) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes x && Arrays.equals(b, x.b);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(b);
    }

    @Override
    public String toString() {
      return Arrays.toString(b);
    }
  }
}
