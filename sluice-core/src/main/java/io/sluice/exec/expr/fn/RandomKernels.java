package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.DoubleVector;
import io.sluice.types.DataTypes;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code rand(seed)} and {@code randn(seed)}: each task draws from its own generator seeded with
 * {@code seed + partitionIndex}, as Spark does, so a query over the same partitioning gives Spark's
 * values. Without a seed one is drawn at random. The evaluator holds the generator, so it must be
 * compiled once per task (as operators do).
 */
final class RandomKernels {
  private RandomKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    m.put(
        "rand",
        (call, args, ctx) ->
            random(
                seed(
                        call.arguments().isEmpty()
                            ? null
                            : KernelSupport.constant(call.arg(0), ctx),
                        call.arguments().isEmpty())
                    + ctx.partitionIndex(),
                false));
    m.put(
        "randn",
        (call, args, ctx) ->
            random(
                seed(
                        call.arguments().isEmpty()
                            ? null
                            : KernelSupport.constant(call.arg(0), ctx),
                        call.arguments().isEmpty())
                    + ctx.partitionIndex(),
                true));
  }

  private static long seed(Object value, boolean none) {
    if (none) return ThreadLocalRandom.current().nextLong();
    return value == null ? 0L : ((Number) value).longValue();
  }

  private static VectorEvaluator random(long seed, boolean gaussian) {
    XorShiftRandom rng = new XorShiftRandom(seed);
    return batch -> {
      int n = batch.numRows();
      double[] out = new double[Math.max(n, 1)];
      if (gaussian) {
        for (int i = 0; i < n; i++) out[i] = rng.nextGaussian();
      } else {
        for (int i = 0; i < n; i++) out[i] = rng.nextDouble();
      }
      return new DoubleVector(DataTypes.DoubleType, out, null, n);
    };
  }
}
