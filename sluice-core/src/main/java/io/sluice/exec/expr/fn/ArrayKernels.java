package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.ArrayType;
import java.util.List;

/** The array forms of {@code concat} and {@code reverse}. */
final class ArrayKernels {
  private ArrayKernels() {}

  /** concat of arrays: the elements of every argument in order; null when any is null. */
  static VectorEvaluator concat(ScalarFunction call, List<VectorEvaluator> args) {
    ArrayType type = (ArrayType) call.dataType();
    return batch -> {
      int n = batch.numRows();
      ArrayVector[] in = new ArrayVector[args.size()];
      for (int a = 0; a < in.length; a++) in[a] = (ArrayVector) args.get(a).evaluate(batch);
      boolean[] nulls = Args.nulls(n, in);
      ArrayVector out = new ArrayVector(type, n);
      ColumnVector el = out.elements();
      for (int i = 0; i < n; i++) {
        if (Args.isNull(nulls, i)) {
          out.appendNull();
          continue;
        }
        for (ArrayVector v : in) {
          ColumnVector src = v.elements();
          for (int e = v.start(i), end = e + v.length(i); e < end; e++) el.appendFrom(src, e);
        }
        out.commitRow();
      }
      return out;
    };
  }

  /** reverse of an array: its elements in reverse order. */
  static VectorEvaluator reverse(VectorEvaluator arg) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector in = (ArrayVector) arg.evaluate(batch);
      ArrayVector out = new ArrayVector((ArrayType) in.type(), n);
      ColumnVector el = out.elements();
      ColumnVector src = in.elements();
      for (int i = 0; i < n; i++) {
        if (in.isNullAt(i)) {
          out.appendNull();
          continue;
        }
        for (int e = in.start(i) + in.length(i) - 1; e >= in.start(i); e--) el.appendFrom(src, e);
        out.commitRow();
      }
      return out;
    };
  }
}
