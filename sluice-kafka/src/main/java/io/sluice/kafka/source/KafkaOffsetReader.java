package io.sluice.kafka.source;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query-side view of the topics: which partitions the selection covers now, their earliest and
 * latest offsets, offsets by timestamp, and commits to a consumer group. One consumer that is never
 * subscribed (no group membership), which also waits for new records; calls are serialized, as the
 * engine makes them from one thread.
 */
final class KafkaOffsetReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaOffsetReader.class);

  private final KafkaSourceOptions options;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Duration timeout;

  /** The offsets the consumer was last positioned at by {@link #awaitRecords}, or null. */
  private Map<TopicPartition, Long> watched;

  KafkaOffsetReader(KafkaSourceOptions options, String groupId) {
    this.options = options;
    this.consumer = new KafkaConsumer<>(ConsumerConfigs.forQuery(options, groupId));
    Object apiTimeout = options.clientConfigs().get("default.api.timeout.ms");
    // the client's own default (60 s) unless the user set it; each look-up is retried on top
    this.timeout =
        Duration.ofMillis(
            apiTimeout == null ? 60_000 : Long.parseLong(apiTimeout.toString().trim()));
  }

  /** The partitions the topic selection covers now, in topic and partition order. */
  synchronized Set<TopicPartition> partitions() {
    Map<String, List<PartitionInfo>> all = retry("list topics", () -> consumer.listTopics(timeout));
    Set<TopicPartition> out = new TreeSet<>(PartitionJson.ORDER);
    for (Map.Entry<String, List<PartitionInfo>> e : all.entrySet()) {
      if (e.getValue() == null) continue;
      for (PartitionInfo p : e.getValue()) {
        if (options.topics().includes(p.topic(), p.partition())) {
          out.add(new TopicPartition(p.topic(), p.partition()));
        }
      }
    }
    if (!consumer.assignment().equals(out)) consumer.assign(out);
    return out;
  }

  /**
   * Waits up to {@code maxWaitMs} for a record at or after {@code after}'s offsets, through a fetch
   * of this consumer (the broker answers it as soon as a record arrives); returns whether one came.
   * The records are dropped: the tasks read them. Only seeks when the positions changed, so a fetch
   * still in flight from the previous wait is used.
   */
  synchronized boolean awaitRecords(Map<TopicPartition, Long> after, long maxWaitMs) {
    if (!after.equals(watched) || !consumer.assignment().containsAll(after.keySet())) {
      ensureAssigned(after.keySet());
      after.forEach(consumer::seek);
      watched = after;
    }
    if (consumer.poll(Duration.ofMillis(maxWaitMs)).isEmpty()) return false;
    watched = null; // positions moved past the record(s) returned
    return true;
  }

  /**
   * Assigns the partitions to the consumer (it polls only to wait for new records): offset look-ups
   * of unassigned partitions work too, but the client warns about each.
   */
  private void ensureAssigned(Collection<TopicPartition> tps) {
    Set<TopicPartition> now = consumer.assignment();
    if (now.containsAll(tps)) return;
    Set<TopicPartition> all = new java.util.HashSet<>(now);
    all.addAll(tps);
    consumer.assign(all);
  }

  /** The first offset still stored in each partition. */
  synchronized Map<TopicPartition, Long> earliest(Collection<TopicPartition> tps) {
    if (tps.isEmpty()) return Map.of();
    ensureAssigned(tps);
    return sorted(retry("fetch earliest offsets", () -> consumer.beginningOffsets(tps, timeout)));
  }

  /**
   * The offset after the last readable record of each partition (the last stable offset for {@code
   * read_committed} consumers).
   */
  synchronized Map<TopicPartition, Long> latest(Collection<TopicPartition> tps) {
    if (tps.isEmpty()) return Map.of();
    ensureAssigned(tps);
    return sorted(retry("fetch latest offsets", () -> consumer.endOffsets(tps, timeout)));
  }

  /**
   * The latest offsets of {@code tps} in one attempt of at most {@code maxWaitMs}, or null when it
   * failed or took longer (a partition that vanished makes the client wait for it): the caller then
   * lists the partitions again and uses {@link #latest}.
   */
  synchronized Map<TopicPartition, Long> latestQuickly(
      Collection<TopicPartition> tps, long maxWaitMs) {
    if (tps.isEmpty()) return Map.of();
    try {
      ensureAssigned(tps);
      Duration wait =
          timeout.compareTo(Duration.ofMillis(maxWaitMs)) < 0
              ? timeout
              : Duration.ofMillis(maxWaitMs);
      return sorted(consumer.endOffsets(tps, wait));
    } catch (InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.debug("Quick look-up of the latest offsets failed; listing the partitions again", e);
      return null;
    }
  }

  /**
   * Offsets of {@code spec} for {@code tps}: -2/-1 and timestamps resolved. A timestamp after the
   * last record resolves to the latest offset when {@code noMatchLatest}, else is an error naming
   * {@code option}. Offsets listed for other partitions than {@code tps} are an error, as in Spark.
   */
  synchronized Map<TopicPartition, Long> resolve(
      OffsetSpec spec, Set<TopicPartition> tps, String option, boolean noMatchLatest) {
    if (spec instanceof OffsetSpec.Earliest) return earliest(tps);
    if (spec instanceof OffsetSpec.Latest) return latest(tps);
    if (spec instanceof OffsetSpec.Specific s) return specific(s.offsets(), tps, option);
    if (spec instanceof OffsetSpec.AtTimestamp t) {
      Map<TopicPartition, Long> ts = new HashMap<>();
      for (TopicPartition tp : tps) ts.put(tp, t.timestampMs());
      return byTimestamp(ts, option, noMatchLatest);
    }
    OffsetSpec.ByTimestamp b = (OffsetSpec.ByTimestamp) spec;
    checkSame(b.timestampsMs(), tps, option);
    return byTimestamp(b.timestampsMs(), option, noMatchLatest);
  }

  private Map<TopicPartition, Long> specific(
      Map<TopicPartition, Long> given, Set<TopicPartition> tps, String option) {
    checkSame(given, tps, option);
    Map<TopicPartition, Long> out = new TreeMap<>(PartitionJson.ORDER);
    Map<TopicPartition, Long> earliest = null;
    Map<TopicPartition, Long> latest = null;
    for (Map.Entry<TopicPartition, Long> e : given.entrySet()) {
      long v = e.getValue();
      if (v == OffsetSpec.EARLIEST) {
        if (earliest == null) earliest = earliest(given.keySet());
        v = earliest.get(e.getKey());
      } else if (v == OffsetSpec.LATEST) {
        if (latest == null) latest = latest(given.keySet());
        v = latest.get(e.getKey());
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  private Map<TopicPartition, Long> byTimestamp(
      Map<TopicPartition, Long> timestamps, String option, boolean noMatchLatest) {
    if (timestamps.isEmpty()) return Map.of();
    ensureAssigned(timestamps.keySet());
    Map<TopicPartition, OffsetAndTimestamp> found =
        retry("fetch offsets by timestamp", () -> consumer.offsetsForTimes(timestamps, timeout));
    Map<TopicPartition, Long> out = new TreeMap<>(PartitionJson.ORDER);
    Map<TopicPartition, Long> latest = null;
    for (Map.Entry<TopicPartition, Long> e : timestamps.entrySet()) {
      OffsetAndTimestamp ot = found.get(e.getKey());
      if (ot != null) {
        out.put(e.getKey(), ot.offset());
      } else if (noMatchLatest) {
        if (latest == null) latest = latest(timestamps.keySet());
        out.put(e.getKey(), latest.get(e.getKey()));
      } else {
        throw new SluiceIllegalArgumentException(
            ErrorClass.INVALID_OPTION_VALUE,
            SluiceException.params(
                "value",
                Long.toString(e.getValue()),
                "option",
                option,
                "reason",
                "no record of "
                    + e.getKey()
                    + " has a timestamp at or after "
                    + e.getValue()
                    + "; set startingOffsetsByTimestampStrategy to 'latest' to start such"
                    + " partitions at their latest offset"));
      }
    }
    return out;
  }

  private static void checkSame(
      Map<TopicPartition, Long> given, Set<TopicPartition> tps, String option) {
    Set<TopicPartition> a = new TreeSet<>(PartitionJson.ORDER);
    a.addAll(given.keySet());
    Set<TopicPartition> b = new TreeSet<>(PartitionJson.ORDER);
    b.addAll(tps);
    if (!a.equals(b)) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.INVALID_OPTION_VALUE,
          SluiceException.params(
              "value",
              PartitionJson.write(given),
              "option",
              option,
              "reason",
              "it must list every partition the query reads, "
                  + b
                  + ", and no other (it lists "
                  + a
                  + "); use -2 for earliest and -1 for latest"));
    }
  }

  /** Commits {@code offsets} (the next offsets to read) to the reader's consumer group. */
  synchronized void commit(Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
    offsets.forEach((tp, o) -> m.put(tp, new OffsetAndMetadata(o)));
    retry(
        "commit offsets to the consumer group",
        () -> {
          consumer.commitSync(m, timeout);
          return null;
        });
  }

  /** The offsets committed to the reader's consumer group. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> tps) {
    return consumer.committed(tps, timeout);
  }

  private <T> T retry(String what, Supplier<T> call) {
    int attempts = options.fetchOffsetRetries();
    for (int i = 1; ; i++) {
      try {
        return call.get();
      } catch (InterruptException e) {
        throw e;
      } catch (RetriableException e) {
        if (i >= attempts) {
          throw new KafkaException(
              "could not "
                  + what
                  + " from "
                  + options.bootstrapServers()
                  + " after "
                  + i
                  + " attempts: "
                  + e.getMessage(),
              e);
        }
        LOG.warn("Could not {} (attempt {} of {}), retrying: {}", what, i, attempts, e.toString());
        try {
          Thread.sleep(options.fetchOffsetRetryIntervalMs());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new InterruptException(ie);
        }
      }
    }
  }

  private static Map<TopicPartition, Long> sorted(Map<TopicPartition, Long> m) {
    Map<TopicPartition, Long> out = new TreeMap<>(PartitionJson.ORDER);
    out.putAll(m);
    return out;
  }

  @Override
  public synchronized void close() {
    consumer.close(ConsumerPool.quickClose());
  }
}
