package io.sluice.kafka.source;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions a source reads: {@code subscribe}, {@code subscribePattern} or {@code assign}.
 */
sealed interface TopicSelection {
  /** Whether this selection reads partition {@code partition} of {@code topic}. */
  boolean includes(String topic, int partition);

  /** Every partition of the listed topics. */
  record Subscribe(List<String> topics) implements TopicSelection {
    @Override
    public boolean includes(String topic, int partition) {
      return topics.contains(topic);
    }

    @Override
    public String toString() {
      return "Subscribe[" + String.join(",", topics) + "]";
    }
  }

  /** Every partition of the topics whose whole name matches the pattern. */
  record SubscribePattern(Pattern pattern) implements TopicSelection {
    @Override
    public boolean includes(String topic, int partition) {
      return pattern.matcher(topic).matches();
    }

    @Override
    public String toString() {
      return "SubscribePattern[" + pattern.pattern() + "]";
    }
  }

  /** Exactly the listed partitions. */
  record Assign(List<TopicPartition> partitions) implements TopicSelection {
    @Override
    public boolean includes(String topic, int partition) {
      return partitions.contains(new TopicPartition(topic, partition));
    }

    @Override
    public String toString() {
      return "Assign[" + String.join(",", partitions.stream().map(Object::toString).toList()) + "]";
    }
  }
}
