package io.sluice.exec.expr.fn;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernels of the function library by registry name. Each family of functions registers its
 * kernels in one class ({@code StringKernels}, ...), listed here once.
 */
public final class ScalarKernels {
  private static final Map<String, ScalarKernel> KERNELS = load();

  private ScalarKernels() {}

  private static Map<String, ScalarKernel> load() {
    Map<String, ScalarKernel> m = new HashMap<>();
    StringKernels.register(m);
    CollectionKernels.register(m);
    HashKernels.register(m);
    DateTimeKernels.register(m);
    MathKernels.register(m);
    JsonKernels.register(m);
    WindowKernels.register(m);
    return Map.copyOf(m);
  }

  /** The kernel of function {@code name}; an internal error when none is registered. */
  public static ScalarKernel lookup(String name) {
    ScalarKernel k = KERNELS.get(name);
    if (k == null) {
      throw new SluiceRuntimeException(
          ErrorClass.INTERNAL_ERROR,
          SluiceException.params(
              "message",
              "No kernel is registered for function "
                  + name
                  + "; add one to a family class listed in ScalarKernels"));
    }
    return k;
  }

  /** Whether function {@code name} has a kernel (the registry's consistency test uses it). */
  public static boolean has(String name) {
    return KERNELS.containsKey(name);
  }
}
