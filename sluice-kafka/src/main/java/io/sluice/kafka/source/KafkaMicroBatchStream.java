package io.sluice.kafka.source;

import io.sluice.connector.BatchScan;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.connector.SupportsTriggerAvailableNow;
import io.sluice.streaming.checkpoint.CheckpointFiles;
import io.sluice.streaming.runtime.Clock;
import io.sluice.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a streaming query over Kafka topics. The engine tracks the offsets: each batch reads
 * {@code [start, end)} of every partition through consumers that are assigned and seeked, never
 * subscribed, kept across batches in a {@link ConsumerPool}. The starting offsets are resolved once
 * and kept in the source's checkpoint directory, so a query restarted before its first batch starts
 * where it meant to; later restarts resume from the offset log. Partitions that appear later start
 * at their earliest offset.
 */
final class KafkaMicroBatchStream implements SupportsTriggerAvailableNow {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaMicroBatchStream.class);

  /** How long a latest-offsets look-up of known partitions may take before they are listed. */
  private static final long QUICK_LOOKUP_MS = 1000;

  private final KafkaSourceOptions options;
  private final StructType schema;
  private final Path metadataPath;
  private final Clock clock;
  private final KafkaOffsetReader reader;
  private final ConsumerPool consumers;
  private KafkaSourceOffset initial;
  private Map<TopicPartition, Long> availableNow;
  private Map<TopicPartition, Long> latestSeen;

  /** The partitions listed last and when (System.nanoTime()), or null. */
  private Set<TopicPartition> listed;

  private long listedAtNs;
  private long lastTriggerMs;

  KafkaMicroBatchStream(
      KafkaSourceOptions options, StructType schema, String metadataPath, Clock clock) {
    this.options = options;
    this.schema = schema;
    this.metadataPath = Path.of(metadataPath);
    this.clock = clock;
    String unique =
        options.groupIdPrefix()
            + "-"
            + java.util.UUID.randomUUID()
            + "-"
            + Integer.toHexString(metadataPath.hashCode());
    this.reader =
        new KafkaOffsetReader(
            options, options.commitOffsetsToGroup() ? options.commitGroup() : unique + "-driver");
    this.consumers =
        new ConsumerPool(ConsumerConfigs.forTasks(options, unique + "-executor"), true);
  }

  @Override
  public String description() {
    return "KafkaV2[" + options.topics() + "]";
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Offset initialOffset() {
    if (initial != null) return initial;
    Path file = metadataPath.resolve("0");
    if (Files.exists(file)) {
      String text = CheckpointFiles.read(file);
      int nl = text.indexOf('\n');
      if (!text.startsWith("v1\n")) {
        throw CheckpointFiles.corrupt(file, "it does not start with the version line v1");
      }
      try {
        initial = KafkaSourceOffset.parse(text.substring(nl + 1));
      } catch (IllegalArgumentException e) {
        throw CheckpointFiles.corrupt(file, e.getMessage());
      }
      return initial;
    }
    Set<TopicPartition> parts = reader.partitions();
    KafkaSourceOffset resolved =
        new KafkaSourceOffset(
            reader.resolve(
                options.starting(),
                parts,
                options.startingOption(),
                options.timestampStrategyLatest()));
    if (!CheckpointFiles.writeAtomically(file, "v1\n" + resolved.json(), false, true)) {
      return initialOffset(); // another run wrote it first: use that one
    }
    LOG.info("Kafka source {} starts at {}", description(), resolved.json());
    initial = resolved;
    return initial;
  }

  @Override
  public ReadLimit defaultReadLimit() {
    return options.maxOffsetsPerTrigger() > 0
        ? new ReadLimit.MaxRows(options.maxOffsetsPerTrigger())
        : ReadLimit.allAvailable();
  }

  @Override
  public void prepareForTriggerAvailableNow() {
    availableNow = reader.latest(reader.partitions());
  }

  @Override
  public Offset latestOffset(Offset startOffset, ReadLimit limit) {
    KafkaSourceOffset start = (KafkaSourceOffset) startOffset;
    Map<TopicPartition, Long> from = new TreeMap<>(PartitionJson.ORDER);
    from.putAll(start.offsets());
    Set<TopicPartition> parts;
    Map<TopicPartition, Long> latest;
    if (availableNow != null) {
      parts = availableNow.keySet();
      latest = availableNow;
    } else if ((latest = latestOfKnownPartitions(from)) != null) {
      parts = listed;
    } else {
      parts = reader.partitions();
      listed = parts;
      listedAtNs = System.nanoTime();
      for (TopicPartition tp : List.copyOf(from.keySet())) {
        if (!parts.contains(tp)) {
          DataLoss.report(
              options.failOnDataLoss(),
              tp,
              from.get(tp),
              -1,
              "the partition no longer exists; its records from that offset on, if any, were not"
                  + " read");
          from.remove(tp);
        }
      }
      latest = reader.latest(parts);
    }
    Set<TopicPartition> added = new HashSet<>(parts);
    added.removeAll(from.keySet());
    if (!added.isEmpty()) {
      LOG.info("Kafka source {} reads new partitions {} from their start", description(), added);
      from.putAll(reader.earliest(added));
    }
    latestSeen = latest;
    long now = clock.millis();
    if (availableNow == null && options.minOffsetsPerTrigger() > 0) {
      long backlog = 0;
      for (Map.Entry<TopicPartition, Long> e : latest.entrySet()) {
        backlog += Math.max(0, e.getValue() - from.getOrDefault(e.getKey(), e.getValue()));
      }
      if (backlog < options.minOffsetsPerTrigger()
          && now - lastTriggerMs < options.maxTriggerDelayMs()) {
        return start;
      }
      lastTriggerMs = now; // as Spark: whenever the trigger is not held back
    }
    return new KafkaSourceOffset(limit(from, latest, maxRows(limit)));
  }

  /**
   * The latest offsets of the partitions listed last, when that list is recent enough ({@code
   * fetchOffset.partitionRefreshIntervalMs}) and they show new data; null when the partitions must
   * be listed again first. A trigger that would find nothing new always lists them, so new
   * partitions are read as soon as the query idles; a busy query saves the listing's round trip.
   */
  private Map<TopicPartition, Long> latestOfKnownPartitions(Map<TopicPartition, Long> from) {
    if (listed == null || !listed.equals(from.keySet())) return null;
    if (System.nanoTime() - listedAtNs >= options.partitionRefreshIntervalMs() * 1_000_000L) {
      return null;
    }
    Map<TopicPartition, Long> latest = reader.latestQuickly(listed, QUICK_LOOKUP_MS);
    if (latest == null) return null;
    for (Map.Entry<TopicPartition, Long> e : latest.entrySet()) {
      if (e.getValue() > from.get(e.getKey())) return latest;
    }
    return null;
  }

  /**
   * Waits for records after the latest offsets the last trigger saw: the default trigger's idle
   * wait ends as soon as one arrives instead of after the polling delay.
   */
  @Override
  public boolean awaitNewData(long maxWaitMs) {
    Map<TopicPartition, Long> seen = latestSeen;
    if (availableNow != null || seen == null || seen.isEmpty()) return false;
    reader.awaitRecords(seen, maxWaitMs);
    return true;
  }

  /** The most rows {@code limit} admits, or -1 for no limit. */
  private static long maxRows(ReadLimit limit) {
    if (limit instanceof ReadLimit.MaxRows m) return m.rows();
    long min = -1;
    if (limit instanceof ReadLimit.Composite c) {
      for (ReadLimit l : c.limits()) {
        long m = maxRows(l);
        if (m >= 0 && (min < 0 || m < min)) min = m;
      }
    }
    return min; // files and bytes mean nothing to Kafka
  }

  /**
   * The end offsets: all available, or with {@code max >= 0} at most about {@code max} records in
   * all, shared out in proportion to each partition's backlog (a partition with any backlog gets at
   * least one record).
   */
  static Map<TopicPartition, Long> limit(
      Map<TopicPartition, Long> from, Map<TopicPartition, Long> latest, long max) {
    Map<TopicPartition, Long> end = new TreeMap<>(PartitionJson.ORDER);
    end.putAll(from);
    end.putAll(latest);
    if (max < 0) return end;
    long total = 0;
    for (Map.Entry<TopicPartition, Long> e : latest.entrySet()) {
      total += Math.max(0, e.getValue() - from.get(e.getKey()));
    }
    if (total <= max) return end;
    for (Map.Entry<TopicPartition, Long> e : latest.entrySet()) {
      long begin = from.get(e.getKey());
      long size = e.getValue() - begin;
      if (size <= 0) continue;
      double share = (double) max * size / total;
      long n = share < 1 ? (long) Math.ceil(share) : (long) Math.floor(share);
      end.put(e.getKey(), Math.min(e.getValue(), begin + n));
    }
    return end;
  }

  @Override
  public BatchScan planBatch(Offset startOffset, Offset endOffset) {
    Map<TopicPartition, Long> start = ((KafkaSourceOffset) startOffset).offsets();
    Map<TopicPartition, Long> end = ((KafkaSourceOffset) endOffset).offsets();
    Set<TopicPartition> added = new HashSet<>(end.keySet());
    added.removeAll(start.keySet());
    Map<TopicPartition, Long> addedFrom = added.isEmpty() ? Map.of() : reader.earliest(added);
    List<OffsetRange> ranges = new ArrayList<>();
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      TopicPartition tp = e.getKey();
      Long from = start.get(tp);
      if (from == null) {
        from = addedFrom.get(tp);
        if (from == null) continue;
        if (from > 0) {
          DataLoss.report(
              options.failOnDataLoss(),
              tp,
              0,
              from,
              "the partition appeared after the query started and starts at offset " + from);
        }
      }
      long until = e.getValue();
      if (until < from) {
        DataLoss.report(
            options.failOnDataLoss(),
            tp,
            from,
            -1,
            "the partition's latest offset went back to " + until + ": it was recreated");
        continue;
      }
      ranges.add(new OffsetRange(tp, from, until));
    }
    return new KafkaBatchScan(
        description(),
        schema,
        OffsetRange.split(ranges, options.minPartitions(), options.maxRecordsPerPartition()),
        consumers,
        options.pollTimeoutMs(),
        options.failOnDataLoss());
  }

  @Override
  public Offset deserializeOffset(String json) {
    return KafkaSourceOffset.parse(json);
  }

  @Override
  public void commit(Offset end) {
    if (!options.commitOffsetsToGroup()) return;
    try {
      reader.commit(((KafkaSourceOffset) end).offsets());
    } catch (RuntimeException e) {
      if (e instanceof org.apache.kafka.common.errors.InterruptException) throw e;
      LOG.warn(
          "Could not commit the processed offsets of {} to consumer group '{}'; lag tools show"
              + " older offsets until a later batch commits",
          description(),
          options.commitGroup(),
          e);
    }
  }

  /**
   * How far the query is behind: per partition, the latest offset seen when the batch was planned
   * minus the offset processed; Spark's names, plus the total.
   */
  @Override
  public Map<String, String> metrics(Offset latestConsumed) {
    if (latestConsumed == null || latestSeen == null || latestSeen.isEmpty()) return Map.of();
    Map<TopicPartition, Long> consumed = ((KafkaSourceOffset) latestConsumed).offsets();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long sum = 0;
    int n = 0;
    for (Map.Entry<TopicPartition, Long> e : latestSeen.entrySet()) {
      Long c = consumed.get(e.getKey());
      if (c == null) continue;
      long behind = Math.max(0, e.getValue() - c);
      min = Math.min(min, behind);
      max = Math.max(max, behind);
      sum += behind;
      n++;
    }
    if (n == 0) return Map.of();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("avgOffsetsBehindLatest", Double.toString((double) sum / n));
    m.put("maxOffsetsBehindLatest", Long.toString(max));
    m.put("minOffsetsBehindLatest", Long.toString(min));
    m.put("offsetsBehindLatest", Long.toString(sum));
    return m;
  }

  /** The pool of reading consumers (for tests). */
  ConsumerPool consumers() {
    return consumers;
  }

  @Override
  public void stop() {
    try {
      consumers.close();
    } finally {
      reader.close();
    }
  }
}
