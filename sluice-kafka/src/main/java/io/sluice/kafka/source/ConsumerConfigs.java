package io.sluice.kafka.source;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;

/**
 * Consumer configurations: the user's {@code kafka.*} settings, the settings the engine owns
 * (always byte arrays, no auto commit, no offset reset), and throughput defaults the user may
 * override.
 */
final class ConsumerConfigs {
  private ConsumerConfigs() {}

  /** The consumer that lists partitions and offsets for the query and waits for new records. */
  static Map<String, Object> forQuery(KafkaSourceOptions o, String groupId) {
    Map<String, Object> c = base(o);
    // it polls only to wait for records after offsets it seeks to: past the end means "wait"
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    c.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    // listing topics must never create one (the broker would on a metadata request otherwise)
    c.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    return c;
  }

  /**
   * The consumers that read offset ranges. Defaults favour throughput without adding latency: large
   * polls and fetches, and a big socket buffer; {@code fetch.min.bytes} stays 1 so a fetch of a
   * small range returns at once.
   */
  static Map<String, Object> forTasks(KafkaSourceOptions o, String groupId) {
    Map<String, Object> c = base(o);
    // records reach the vectors as views of the fetched bytes: one copy, not two
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class.getName());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    c.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    c.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
    c.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
    c.putIfAbsent(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 << 20);
    return c;
  }

  private static Map<String, Object> base(KafkaSourceOptions o) {
    Map<String, Object> c = new HashMap<>(o.clientConfigs());
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return c;
  }
}
