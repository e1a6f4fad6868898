package io.sluice.exec.expr.fn;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.InputFileBlock;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Kernels of the nondeterministic functions that read the task: uuid, monotonically increasing ids,
 * the partition id and the input file name. Their evaluators keep per-task state (a row counter, a
 * random generator): each task compiles its own.
 */
final class MiscKernels {
  private MiscKernels() {}

  private static final SecureRandom SEEDS = new SecureRandom();

  static void register(Map<String, ScalarKernel> m) {
    m.put("uuid", MiscKernels::uuid);
    m.put("scalar_subquery_value", MiscKernels::scalarSubqueryValue);
    m.put("monotonically_increasing_id", MiscKernels::monotonicallyIncreasingId);
    m.put(
        "spark_partition_id",
        (call, args, ctx) ->
            batch -> {
              int n = batch.numRows();
              int[] out = new int[Math.max(n, 1)];
              Arrays.fill(out, ctx.partitionIndex());
              return new IntVector(DataTypes.IntegerType, out, null, n);
            });
    // the file block a scan of files set for the batch (InputFileBlock.NONE otherwise)
    m.put(
        "input_file_name",
        (call, args, ctx) ->
            batch -> {
              int n = batch.numRows();
              byte[] path = InputFileBlock.current().path().getBytes(StandardCharsets.UTF_8);
              BytesVector out = new BytesVector(DataTypes.StringType, n);
              out.reserveData(path.length * n);
              for (int i = 0; i < n; i++) out.appendBytes(path, 0, path.length);
              return out;
            });
    m.put(
        "input_file_block_start",
        (call, args, ctx) -> batch -> constant(batch.numRows(), InputFileBlock.current().start()));
    m.put(
        "input_file_block_length",
        (call, args, ctx) -> batch -> constant(batch.numRows(), InputFileBlock.current().length()));
  }

  private static LongVector constant(int n, long value) {
    long[] out = new long[Math.max(n, 1)];
    Arrays.fill(out, value);
    return new LongVector(DataTypes.LongType, out, null, n);
  }

  /** Random version-4 UUIDs ({@code 8-4-4-4-12} lower-case hex), from a per-task generator. */
  private static VectorEvaluator uuid(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    SplittableRandom random = new SplittableRandom(SEEDS.nextLong());
    return batch -> {
      int n = batch.numRows();
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      out.reserveData(36 * n);
      for (int i = 0; i < n; i++) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        out.appendString(new java.util.UUID(msb, lsb).toString());
      }
      return out;
    };
  }

  /** The partition index in the upper 31 bits, the row's number in its partition below. */
  private static VectorEvaluator monotonicallyIncreasingId(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    long base = (long) ctx.partitionIndex() << 33;
    long[] next = {0};
    return batch -> {
      int n = batch.numRows();
      long[] out = new long[Math.max(n, 1)];
      long first = base + next[0];
      for (int i = 0; i < n; i++) out[i] = first + i;
      next[0] += n;
      return new LongVector(DataTypes.LongType, out, null, n);
    };
  }

  /**
   * {@code scalar_subquery_value(rows, value)}: the optimizer's guard on a scalar subquery that may
   * return several rows (no aggregation): {@code rows} counts them, and more than one fails the
   * query as in Spark. Not callable by name.
   */
  private static VectorEvaluator scalarSubqueryValue(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    VectorEvaluator rows = args.get(0);
    VectorEvaluator value = args.get(1);
    return batch -> {
      ColumnVector n = rows.evaluate(batch);
      for (int i = 0; i < batch.numRows(); i++) {
        if (!n.isNullAt(i) && ((LongVector) n).get(i) > 1) {
          throw new SluiceRuntimeException(
              ErrorClass.SCALAR_SUBQUERY_TOO_MANY_ROWS, SluiceException.params());
        }
      }
      return value.evaluate(batch);
    };
  }
}
