package io.sluice.kafka.source;

import io.sluice.connector.BatchScan;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamingOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/** Entry points of the Kafka source: batch scans and micro-batch streams of topics. */
public final class KafkaSources {
  private KafkaSources() {}

  /**
   * A batch scan between {@code startingOffsets} (default earliest) and {@code endingOffsets}
   * (default latest), or the offsets of the starting and ending timestamps. The offsets are
   * resolved when the DataFrame is defined, so every action over it reads the same records.
   */
  public static BatchScan batchScan(
      List<String> paths, Map<String, String> options, StructType userSchema, SourceContext ctx) {
    KafkaSourceOptions o = KafkaSourceOptions.parse(options, true);
    StructType schema = fixedSchema(options, userSchema, o);
    String unique = o.groupIdPrefix() + "-" + UUID.randomUUID();
    List<OffsetRange> ranges = new ArrayList<>();
    try (KafkaOffsetReader reader = new KafkaOffsetReader(o, unique + "-driver")) {
      Set<TopicPartition> parts = reader.partitions();
      Map<TopicPartition, Long> start =
          reader.resolve(o.starting(), parts, o.startingOption(), o.timestampStrategyLatest());
      Map<TopicPartition, Long> end = reader.resolve(o.ending(), parts, o.endingOption(), true);
      for (TopicPartition tp : parts) {
        long from = start.get(tp);
        long until = end.get(tp);
        if (until < from) {
          throw new SluiceIllegalArgumentException(
              ErrorClass.INVALID_OPTION_VALUE,
              SluiceException.params(
                  "value",
                  options.getOrDefault(o.endingOption(), "latest"),
                  "option",
                  o.endingOption(),
                  "reason",
                  "it ends "
                      + tp
                      + " at offset "
                      + until
                      + ", before the start at offset "
                      + from
                      + " ("
                      + o.startingOption()
                      + ")"));
        }
        ranges.add(new OffsetRange(tp, from, until));
      }
    }
    return new KafkaBatchScan(
        "KafkaRelation[" + o.topics() + "]",
        schema,
        OffsetRange.split(ranges, o.minPartitions(), o.maxRecordsPerPartition()),
        new ConsumerPool(ConsumerConfigs.forTasks(o, unique + "-executor"), false),
        o.pollTimeoutMs(),
        o.failOnDataLoss());
  }

  /**
   * The fixed schema of Kafka rows (with headers when {@code includeHeaders}), after checking every
   * option of a stream: a wrong value is an error here, when the query is defined.
   */
  public static StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    return fixedSchema(options, userSchema, KafkaSourceOptions.parse(options, false));
  }

  /** The source of one run of a streaming query. */
  public static MicroBatchStream stream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    KafkaSourceOptions o = KafkaSourceOptions.parse(options, false);
    return new KafkaMicroBatchStream(
        o, KafkaRows.schema(o.includeHeaders()), metadataPath, ctx.clock());
  }

  private static StructType fixedSchema(
      Map<String, String> options, StructType userSchema, KafkaSourceOptions o) {
    return StreamingOptions.ofSource("kafka", options)
        .fixedSchema(userSchema, KafkaRows.schema(o.includeHeaders()));
  }
}
