package io.sluice.kafka.source;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a query starts or a batch query ends, as the user gave it: {@code earliest}, {@code
 * latest}, offsets per partition (with -2 for earliest and -1 for latest), one timestamp for every
 * partition, or a timestamp per partition. Resolved to offsets by {@link KafkaOffsetReader}.
 */
sealed interface OffsetSpec {
  /** The JSON offset meaning "the earliest offset". */
  long EARLIEST = -2;

  /** The JSON offset meaning "the latest offset". */
  long LATEST = -1;

  record Earliest() implements OffsetSpec {}

  record Latest() implements OffsetSpec {}

  /** Offsets per partition; -2 and -1 stand for the earliest and latest offsets. */
  record Specific(Map<TopicPartition, Long> offsets) implements OffsetSpec {}

  /** The first offset whose timestamp is at or after {@code timestampMs}, in every partition. */
  record AtTimestamp(long timestampMs) implements OffsetSpec {}

  /** The first offset at or after a timestamp given per partition. */
  record ByTimestamp(Map<TopicPartition, Long> timestampsMs) implements OffsetSpec {}
}
