package io.sluice.bench.workload;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak of used heap while a workload runs, from the JVM's memory pools. Used heap only grows
 * between collections, so its peak is the used heap just before some collection (the sum over the
 * heap pools of each collection's before-usage, reported by GC notifications) or at the end.
 */
final class HeapWatch implements AutoCloseable {
  private final AtomicLong peakBytes = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;

  /** Starts watching from now: the peak so far is the heap in use now. */
  static HeapWatch start() {
    HeapWatch w = new HeapWatch();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    w.peakBytes.set(usedHeap());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(w.listener, null, null);
        w.emitters.add(e);
      }
    }
    return w;
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long before = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() != MemoryType.HEAP) continue;
      MemoryUsage u = info.getGcInfo().getMemoryUsageBeforeGc().get(p.getName());
      if (u != null) before += u.getUsed();
    }
    peakBytes.accumulateAndGet(before, Math::max);
  }

  /** The peak used heap since {@link #start}, in bytes. */
  long peakBytes() {
    return Math.max(peakBytes.get(), usedHeap());
  }

  /**
   * The process's peak resident set size in bytes ({@code VmHWM} of {@code /proc/self/status}, so
   * since the JVM started, heap or not), or -1 where there is no such file.
   */
  static long peakRssBytes() {
    try {
      for (String line :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already removed
      }
    }
  }
}
