package io.sluice.kafka.source;

import io.sluice.connector.Offset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The position of a Kafka stream: per topic-partition, the offset of the next record to read.
 * Logged as Spark logs it, e.g. {@code {"events":{"0":23,"1":17}}}.
 */
public record KafkaSourceOffset(Map<TopicPartition, Long> offsets) implements Offset {
  public KafkaSourceOffset {
    Map<TopicPartition, Long> sorted = new TreeMap<>(PartitionJson.ORDER);
    sorted.putAll(offsets);
    offsets = Collections.unmodifiableMap(sorted);
  }

  @Override
  public String json() {
    return PartitionJson.write(offsets);
  }

  /** Reads {@link #json()} back. */
  public static KafkaSourceOffset parse(String json) {
    return new KafkaSourceOffset(PartitionJson.partitionValues(json));
  }

  /** The offset of {@code tp}, or {@code null} when this position does not cover it. */
  Long get(TopicPartition tp) {
    return offsets.get(tp);
  }

  @Override
  public String toString() {
    return json();
  }
}
