package io.sluice.kafka.source;

import io.sluice.connector.file.SourceOptions;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.kafka.KafkaClientParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The options of a Kafka source, checked when the query is defined: every wrong or conflicting
 * value is an error naming the option. {@code ending} is null for streams.
 */
record KafkaSourceOptions(
    String bootstrapServers,
    TopicSelection topics,
    OffsetSpec starting,
    String startingOption,
    OffsetSpec ending,
    String endingOption,
    boolean timestampStrategyLatest,
    boolean failOnDataLoss,
    long maxOffsetsPerTrigger,
    long minOffsetsPerTrigger,
    long maxTriggerDelayMs,
    int minPartitions,
    long maxRecordsPerPartition,
    boolean includeHeaders,
    String groupIdPrefix,
    String groupId,
    boolean commitOffsetsToGroup,
    long pollTimeoutMs,
    int fetchOffsetRetries,
    long fetchOffsetRetryIntervalMs,
    long partitionRefreshIntervalMs,
    Map<String, Object> clientConfigs,
    List<String> ignoredOptions) {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceOptions.class);

  static final String SUBSCRIBE = "subscribe";
  static final String SUBSCRIBE_PATTERN = "subscribePattern";
  static final String ASSIGN = "assign";
  static final String STARTING_OFFSETS = "startingOffsets";
  static final String ENDING_OFFSETS = "endingOffsets";
  static final String STARTING_TIMESTAMP = "startingTimestamp";
  static final String ENDING_TIMESTAMP = "endingTimestamp";
  static final String STARTING_BY_TIMESTAMP = "startingOffsetsByTimestamp";
  static final String ENDING_BY_TIMESTAMP = "endingOffsetsByTimestamp";
  static final String TIMESTAMP_STRATEGY = "startingOffsetsByTimestampStrategy";
  static final String FAIL_ON_DATA_LOSS = "failOnDataLoss";
  static final String MAX_OFFSETS_PER_TRIGGER = "maxOffsetsPerTrigger";
  static final String MIN_OFFSETS_PER_TRIGGER = "minOffsetsPerTrigger";
  static final String MAX_TRIGGER_DELAY = "maxTriggerDelay";
  static final String MIN_PARTITIONS = "minPartitions";
  static final String MAX_RECORDS_PER_PARTITION = "maxRecordsPerPartition";
  static final String INCLUDE_HEADERS = "includeHeaders";
  static final String GROUP_ID_PREFIX = "groupIdPrefix";
  static final String COMMIT_OFFSETS_TO_GROUP = "commitOffsetsToGroup";
  static final String POLL_TIMEOUT = "kafkaConsumer.pollTimeoutMs";
  static final String FETCH_RETRIES = "fetchOffset.numRetries";
  static final String FETCH_RETRY_INTERVAL = "fetchOffset.retryIntervalMs";
  static final String PARTITION_REFRESH = "fetchOffset.partitionRefreshIntervalMs";

  /** Spark's default prefix is {@code spark-kafka-source}; ours names the engine. */
  static final String DEFAULT_GROUP_ID_PREFIX = "sluice-kafka-source";

  private static final List<String> STRATEGIES = List.of(ASSIGN, SUBSCRIBE, SUBSCRIBE_PATTERN);
  private static final List<String> STREAM_ONLY =
      List.of(MAX_OFFSETS_PER_TRIGGER, MIN_OFFSETS_PER_TRIGGER, MAX_TRIGGER_DELAY);
  private static final List<String> BATCH_ONLY =
      List.of(ENDING_OFFSETS, ENDING_TIMESTAMP, ENDING_BY_TIMESTAMP);
  private static final Set<String> KNOWN =
      Set.of(
          SUBSCRIBE,
          SUBSCRIBE_PATTERN,
          ASSIGN,
          STARTING_OFFSETS,
          ENDING_OFFSETS,
          STARTING_TIMESTAMP,
          ENDING_TIMESTAMP,
          STARTING_BY_TIMESTAMP,
          ENDING_BY_TIMESTAMP,
          TIMESTAMP_STRATEGY,
          FAIL_ON_DATA_LOSS,
          MAX_OFFSETS_PER_TRIGGER,
          MIN_OFFSETS_PER_TRIGGER,
          MAX_TRIGGER_DELAY,
          MIN_PARTITIONS,
          MAX_RECORDS_PER_PARTITION,
          INCLUDE_HEADERS,
          GROUP_ID_PREFIX,
          COMMIT_OFFSETS_TO_GROUP,
          POLL_TIMEOUT,
          FETCH_RETRIES,
          FETCH_RETRY_INTERVAL,
          PARTITION_REFRESH,
          "path");

  /** Client settings the engine owns, refused with what to do instead (Spark refuses the same). */
  private static final Map<String, String> REFUSED =
      Map.of(
          "auto.offset.reset",
          "the engine tracks offsets itself; set the source option 'startingOffsets' to"
              + " 'earliest' or 'latest' instead (it applies to a new query only: a restarted"
              + " query resumes from its checkpoint)",
          "key.deserializer",
          "keys are always read as bytes (ByteArrayDeserializer); deserialize them with"
              + " DataFrame operations such as CAST(key AS STRING) or from_json",
          "value.deserializer",
          "values are always read as bytes (ByteArrayDeserializer); deserialize them with"
              + " DataFrame operations such as CAST(value AS STRING) or from_json",
          "enable.auto.commit",
          "the engine tracks offsets in its checkpoint; use the source option"
              + " 'commitOffsetsToGroup' to publish processed offsets to a consumer group",
          "interceptor.classes",
          "interceptors may change records and are not supported; remove the option");

  private static final Pattern DURATION = Pattern.compile("(-?[0-9]+)\\s*([a-z]+)?");

  /** Reads and checks the options of a streaming query ({@code batch} false) or a batch read. */
  static KafkaSourceOptions parse(Map<String, String> raw, boolean batch) {
    SourceOptions o = KafkaClientParams.options(raw);
    KafkaClientParams.refuse(raw, REFUSED);
    String servers = KafkaClientParams.bootstrapServers(raw, "consumer");
    TopicSelection topics = topics(o);
    for (String k : batch ? STREAM_ONLY : BATCH_ONLY) {
      if (!o.contains(k)) continue;
      if (batch) {
        LOG.warn("Option '{}' is ignored in batch queries", o.keyAsGiven(k));
      } else {
        throw o.invalid(
            k,
            o.get(k).orElse(""),
            "ending offsets are not valid in streaming queries, which read until they are"
                + " stopped; remove the option (or read with session.read() for a bounded batch)");
      }
    }
    List<String> ignored =
        KafkaClientParams.warnIgnored(
            raw,
            KNOWN.stream()
                .map(k -> k.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet()));

    String[] start = {STARTING_TIMESTAMP, STARTING_BY_TIMESTAMP, STARTING_OFFSETS};
    String startingOption = firstGiven(o, start, STARTING_OFFSETS);
    OffsetSpec starting =
        bound(o, startingOption, batch ? new OffsetSpec.Earliest() : new OffsetSpec.Latest());
    String endingOption = null;
    OffsetSpec ending = null;
    if (batch) {
      String[] end = {ENDING_TIMESTAMP, ENDING_BY_TIMESTAMP, ENDING_OFFSETS};
      endingOption = firstGiven(o, end, ENDING_OFFSETS);
      ending = bound(o, endingOption, new OffsetSpec.Latest());
      checkBatchBounds(o, startingOption, starting, endingOption, ending);
    }
    String strategy = o.getString(TIMESTAMP_STRATEGY, "error").trim().toLowerCase(Locale.ROOT);
    if (!strategy.equals("error") && !strategy.equals("latest")) {
      throw o.invalid(TIMESTAMP_STRATEGY, strategy, "it must be 'error' or 'latest'");
    }
    long maxOffsets = positiveLong(o, MAX_OFFSETS_PER_TRIGGER);
    long minOffsets = positiveLong(o, MIN_OFFSETS_PER_TRIGGER);
    if (maxOffsets > 0 && minOffsets > maxOffsets && !batch) {
      throw o.invalid(
          MIN_OFFSETS_PER_TRIGGER,
          Long.toString(minOffsets),
          "it is higher than maxOffsetsPerTrigger (" + maxOffsets + ")");
    }
    long delayMs = durationMs(o, MAX_TRIGGER_DELAY, 15 * 60_000L);
    long minPartitions = positiveLong(o, MIN_PARTITIONS);
    if (minPartitions > Integer.MAX_VALUE) {
      throw o.invalid(MIN_PARTITIONS, Long.toString(minPartitions), "it is too large");
    }
    String groupId = o.get(KafkaClientParams.PREFIX + "group.id").orElse(null);
    Optional<String> prefix = o.get(GROUP_ID_PREFIX);
    if (groupId != null) {
      LOG.warn(
          "Kafka option 'kafka.group.id' is set: consumers of this query use group '{}'. Queries"
              + " or sources sharing a group id may interfere with each other{}",
          groupId,
          prefix.isPresent() ? "; option groupIdPrefix is ignored" : "");
    }
    boolean commit = o.getBoolean(COMMIT_OFFSETS_TO_GROUP, false);
    if (commit && batch) {
      LOG.warn("Option '{}' is ignored in batch queries", o.keyAsGiven(COMMIT_OFFSETS_TO_GROUP));
      commit = false;
    }
    if (commit && groupId == null && prefix.isEmpty()) {
      throw o.invalid(
          COMMIT_OFFSETS_TO_GROUP,
          "true",
          "it needs the consumer group to commit to: set 'kafka.group.id' (or 'groupIdPrefix',"
              + " whose value is then the group) to a name used by this query only");
    }
    return new KafkaSourceOptions(
        servers,
        topics,
        starting,
        o.keyAsGiven(startingOption),
        ending,
        endingOption == null ? null : o.keyAsGiven(endingOption),
        strategy.equals("latest"),
        o.getBoolean(FAIL_ON_DATA_LOSS, true),
        maxOffsets,
        minOffsets,
        delayMs,
        (int) minPartitions,
        positiveLong(o, MAX_RECORDS_PER_PARTITION),
        o.getBoolean(INCLUDE_HEADERS, false),
        prefix.orElse(DEFAULT_GROUP_ID_PREFIX),
        groupId,
        commit,
        durationMs(o, POLL_TIMEOUT, 120_000L),
        (int) Math.max(1, Math.min(100, o.getLong(FETCH_RETRIES, 3))),
        durationMs(o, FETCH_RETRY_INTERVAL, 1000L),
        durationMs(o, PARTITION_REFRESH, 1000L),
        KafkaClientParams.clientConfigs(raw),
        List.copyOf(ignored));
  }

  /** The group processed offsets are committed to ({@code commitOffsetsToGroup}). */
  String commitGroup() {
    return groupId != null ? groupId : groupIdPrefix;
  }

  private static TopicSelection topics(SourceOptions o) {
    List<String> given = new ArrayList<>();
    for (String s : STRATEGIES) if (o.contains(s)) given.add(s);
    if (given.size() != 1) {
      String which = given.isEmpty() ? SUBSCRIBE : given.get(1);
      throw o.invalid(
          which,
          o.get(which).orElse("(none)"),
          (given.isEmpty() ? "one" : "only one")
              + " of the options 'assign', 'subscribe' and 'subscribePattern' must be given to"
              + " choose what the Kafka source reads"
              + (given.isEmpty() ? "" : " (found " + String.join(", ", given) + ")"));
    }
    String key = given.get(0);
    String value = o.get(key).orElseThrow().trim();
    switch (key) {
      case SUBSCRIBE -> {
        List<String> list =
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
          throw o.invalid(key, value, "it must list the topics to read, separated by commas");
        }
        return new TopicSelection.Subscribe(List.copyOf(new java.util.LinkedHashSet<>(list)));
      }
      case SUBSCRIBE_PATTERN -> {
        if (value.isEmpty()) throw o.invalid(key, value, "the topic pattern is empty");
        try {
          return new TopicSelection.SubscribePattern(Pattern.compile(value));
        } catch (PatternSyntaxException e) {
          throw o.invalid(key, value, "it is not a Java regular expression: " + e.getMessage());
        }
      }
      default -> {
        try {
          List<TopicPartition> parts = PartitionJson.partitions(value);
          if (parts.isEmpty()) throw new IllegalArgumentException("it lists no partition");
          return new TopicSelection.Assign(List.copyOf(new java.util.LinkedHashSet<>(parts)));
        } catch (IllegalArgumentException e) {
          throw o.invalid(key, value, e.getMessage());
        }
      }
    }
  }

  private static String firstGiven(SourceOptions o, String[] keys, String fallback) {
    for (String k : keys) if (o.contains(k)) return k;
    return fallback;
  }

  private static OffsetSpec bound(SourceOptions o, String key, OffsetSpec dflt) {
    Optional<String> v = o.get(key);
    if (v.isEmpty()) return dflt;
    String text = v.get().trim();
    try {
      if (key.endsWith("ByTimestamp")) {
        Map<TopicPartition, Long> m = PartitionJson.partitionValues(text);
        for (Map.Entry<TopicPartition, Long> e : m.entrySet()) {
          if (e.getValue() < 0) {
            throw new IllegalArgumentException("the timestamp of " + e.getKey() + " is negative");
          }
        }
        return new OffsetSpec.ByTimestamp(m);
      }
      if (key.endsWith("Timestamp")) {
        long ts = Long.parseLong(text);
        if (ts < 0) throw new IllegalArgumentException("a timestamp must not be negative");
        return new OffsetSpec.AtTimestamp(ts);
      }
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.equals("earliest")) return new OffsetSpec.Earliest();
      if (lower.equals("latest")) return new OffsetSpec.Latest();
      if (!text.startsWith("{")) {
        throw new IllegalArgumentException(
            "it must be 'earliest', 'latest' or JSON such as {\"topic\":{\"0\":23,\"1\":-2}}");
      }
      Map<TopicPartition, Long> m = PartitionJson.partitionValues(text);
      for (Map.Entry<TopicPartition, Long> e : m.entrySet()) {
        if (e.getValue() < OffsetSpec.EARLIEST) {
          throw new IllegalArgumentException(
              "the offset of "
                  + e.getKey()
                  + " is "
                  + e.getValue()
                  + "; use -2 for earliest and -1"
                  + " for latest");
        }
      }
      return new OffsetSpec.Specific(m);
    } catch (NumberFormatException e) {
      throw o.invalid(key, text, "it must be a timestamp in milliseconds since the epoch");
    } catch (IllegalArgumentException e) {
      throw o.invalid(key, text, e.getMessage());
    }
  }

  private static void checkBatchBounds(
      SourceOptions o, String startKey, OffsetSpec start, String endKey, OffsetSpec end) {
    String startText = o.get(startKey).orElse("");
    if (start instanceof OffsetSpec.Latest) {
      throw o.invalid(startKey, startText, "a batch query cannot start at 'latest'");
    }
    if (start instanceof OffsetSpec.Specific s) {
      for (Map.Entry<TopicPartition, Long> e : s.offsets().entrySet()) {
        if (e.getValue() == OffsetSpec.LATEST) {
          throw o.invalid(
              startKey, startText, "a batch query cannot start " + e.getKey() + " at latest (-1)");
        }
      }
    }
    String endText = o.get(endKey).orElse("");
    if (end instanceof OffsetSpec.Earliest) {
      throw o.invalid(endKey, endText, "a batch query cannot end at 'earliest'");
    }
    if (end instanceof OffsetSpec.Specific s) {
      for (Map.Entry<TopicPartition, Long> e : s.offsets().entrySet()) {
        if (e.getValue() == OffsetSpec.EARLIEST) {
          throw o.invalid(
              endKey, endText, "a batch query cannot end " + e.getKey() + " at earliest (-2)");
        }
      }
    }
  }

  private static long positiveLong(SourceOptions o, String key) {
    long v = o.getLong(key, 0);
    if (o.contains(key) && v <= 0) throw o.invalid(key, Long.toString(v), "it must be positive");
    return v;
  }

  /** Spark's time strings in milliseconds: a number with an optional unit (ms when none). */
  static long durationMs(SourceOptions o, String key, long dflt) {
    Optional<String> v = o.get(key);
    if (v.isEmpty()) return dflt;
    Matcher m = DURATION.matcher(v.get().trim().toLowerCase(Locale.ROOT));
    SluiceIllegalArgumentException bad =
        o.invalid(key, v.get(), "it must be a duration such as 500 (ms), 500ms, 10s, 5m or 1h");
    if (!m.matches()) throw bad;
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw bad;
    }
    if (n < 0) throw o.invalid(key, v.get(), "it must not be negative");
    String unit = m.group(2) == null ? "ms" : m.group(2);
    long factorUs =
        switch (unit) {
          case "us" -> 1;
          case "ms" -> 1_000;
          case "s" -> 1_000_000;
          case "m", "min" -> 60_000_000L;
          case "h" -> 3_600_000_000L;
          case "d" -> 86_400_000_000L;
          default -> throw bad;
        };
    return Math.multiplyExact(n, factorUs) / 1000;
  }
}
