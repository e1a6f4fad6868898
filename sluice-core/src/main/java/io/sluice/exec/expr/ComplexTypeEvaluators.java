package io.sluice.exec.expr;

import io.sluice.exec.expr.RowComparators.RowComparator;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.plan.expr.CreateNamedStruct;
import io.sluice.types.DataType;
import io.sluice.types.StructType;
import java.util.List;

/** Building structs and reading fields, array elements and map values. */
final class ComplexTypeEvaluators {
  private ComplexTypeEvaluators() {}

  /** {@code struct(...)}/{@code named_struct(...)}: the children become the fields as they are. */
  static VectorEvaluator createStruct(CreateNamedStruct e, List<VectorEvaluator> values) {
    StructType type = (StructType) e.dataType();
    VectorEvaluator[] fields = values.toArray(new VectorEvaluator[0]);
    return batch -> {
      int n = batch.numRows();
      ColumnVector[] children = new ColumnVector[fields.length];
      for (int f = 0; f < fields.length; f++) children[f] = fields[f].evaluate(batch);
      return new StructVector(type, children, null, n);
    };
  }

  /** {@code s.field}: null where the struct or the field is null. Shares the field's storage. */
  static VectorEvaluator getStructField(VectorEvaluator child, int ordinal) {
    return batch -> {
      int n = batch.numRows();
      StructVector s = (StructVector) child.evaluate(batch);
      ColumnVector f = s.child(ordinal);
      boolean[] nulls = Vectors.union(Vectors.nulls(s, n), Vectors.nulls(f, n), n);
      return Vectors.view(f, nulls, n);
    };
  }

  /**
   * {@code a[i]} (0-based): null for a null array or index, and for an index out of range unless
   * {@code failOnError}, which raises {@code INVALID_ARRAY_INDEX}.
   */
  static VectorEvaluator getArrayItem(
      VectorEvaluator array, VectorEvaluator index, boolean failOnError) {
    return batch -> {
      int n = batch.numRows();
      ArrayVector a = (ArrayVector) array.evaluate(batch);
      ColumnVector iv = index.evaluate(batch);
      long[] idx = ArithmeticEvaluators.asLongs(iv, n);
      int[] rows = new int[Math.max(n, 1)];
      int[] positions = new int[Math.max(n, 1)];
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (a.isNullAt(i) || iv.isNullAt(i)) continue;
        int len = a.length(i);
        long k = idx[i];
        if (k < 0 || k >= len) {
          if (failOnError) throw EvalErrors.invalidArrayIndex(k, len);
          continue;
        }
        rows[count] = i;
        positions[count++] = a.start(i) + (int) k;
      }
      return pick(a.elements(), positions, rows, count, n);
    };
  }

  /** {@code m[key]}: the value of the first entry whose key equals {@code key}, else null. */
  static VectorEvaluator getMapValue(VectorEvaluator map, VectorEvaluator key) {
    return batch -> {
      int n = batch.numRows();
      MapVector m = (MapVector) map.evaluate(batch);
      ColumnVector k = key.evaluate(batch);
      RowComparator eq = RowComparators.of(m.keys(), k);
      int[] rows = new int[Math.max(n, 1)];
      int[] positions = new int[Math.max(n, 1)];
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (m.isNullAt(i) || k.isNullAt(i)) continue;
        for (int p = m.start(i), end = p + m.length(i); p < end; p++) {
          if (eq.compare(p, i) == 0) {
            rows[count] = i;
            positions[count++] = p;
            break;
          }
        }
      }
      return pick(m.values(), positions, rows, count, n);
    };
  }

  /** Row {@code rows[j]} of the result is row {@code positions[j]} of {@code from}. */
  private static ColumnVector pick(
      ColumnVector from, int[] positions, int[] rows, int count, int n) {
    DataType t = from.type();
    if (count == 0) return Vectors.allNulls(t, n);
    ColumnVector part = from.gather(positions, count);
    if (count == n) return part;
    return RowMerge.scatter(part, rows, count, n);
  }
}
