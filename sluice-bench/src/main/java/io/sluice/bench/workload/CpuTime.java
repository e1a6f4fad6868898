package io.sluice.bench.workload;

import java.lang.management.ManagementFactory;

/**
 * The CPU time of the whole process (all threads: workers, the query thread, JIT and GC), a figure
 * that stays meaningful when other jobs share the machine's cores.
 */
final class CpuTime {
  private CpuTime() {}

  static long processNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
