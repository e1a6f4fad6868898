package io.sluice.kafka.source;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.common.TopicPartition;

/**
 * Reading consumers kept from one micro-batch to the next, per topic-partition: creating a consumer
 * and its connection costs milliseconds, and a kept consumer often already holds the next records
 * of its partition. A task borrows a consumer for its range and returns it; {@link #close()} (the
 * query stops) closes them all. Without pooling ({@code pooled} false, batch queries) every
 * returned consumer is closed.
 */
final class ConsumerPool implements AutoCloseable {
  private final Map<String, Object> configs;
  private final boolean pooled;
  private final Map<TopicPartition, ArrayDeque<PartitionConsumer>> idle = new HashMap<>();
  private boolean closed;

  ConsumerPool(Map<String, Object> configs, boolean pooled) {
    this.configs = Map.copyOf(configs);
    this.pooled = pooled;
  }

  /** A consumer assigned to {@code tp}, idle or new. */
  PartitionConsumer borrow(TopicPartition tp) {
    synchronized (this) {
      ArrayDeque<PartitionConsumer> q = idle.get(tp);
      PartitionConsumer c = q == null ? null : q.pollFirst();
      if (c != null) return c;
    }
    return new PartitionConsumer(configs, tp);
  }

  /** Gives a consumer back; a consumer that failed ({@code healthy} false) is closed instead. */
  void release(PartitionConsumer c, boolean healthy) {
    synchronized (this) {
      if (pooled && healthy && !closed) {
        idle.computeIfAbsent(c.tp(), k -> new ArrayDeque<>()).addFirst(c);
        return;
      }
    }
    c.close();
  }

  /** How many consumers wait in the pool (for tests). */
  synchronized int idleCount() {
    return idle.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  @Override
  public void close() {
    List<PartitionConsumer> all = new ArrayList<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(all::addAll);
      idle.clear();
    }
    for (PartitionConsumer c : all) c.close();
  }

  /** Closing waits for nothing: these consumers never have commits in flight. */
  static CloseOptions quickClose() {
    return CloseOptions.timeout(Duration.ZERO);
  }
}
