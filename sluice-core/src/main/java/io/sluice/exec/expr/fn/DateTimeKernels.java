package io.sluice.exec.expr.fn;

import java.util.Map;

/** The kernels of the date and time functions, registered by family part. */
final class DateTimeKernels {
  private DateTimeKernels() {}

  static void register(Map<String, ScalarKernel> m) {
    DateFieldKernels.register(m);
    DateKernels.register(m);
    TimestampKernels.register(m);
    TimestampBuildKernels.register(m);
    DateTimeTextKernels.register(m);
    IntervalArithmeticKernels.register(m);
  }
}
