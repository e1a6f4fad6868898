package io.sluice.kafka.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Spark's JSON forms of topic-partitions: {@code {"t":[0,1]}} (the {@code assign} option) and
 * {@code {"t":{"0":23,"1":-1}}} (offsets, timestamps). Offsets are written topic by topic and
 * partition by partition in ascending order, as Spark writes them.
 */
final class PartitionJson {
  private static final JsonFactory JSON = new JsonFactory();

  /** Orders topic-partitions by topic, then partition. */
  static final Comparator<TopicPartition> ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private PartitionJson() {}

  /** Reads {@code {"t":[0,1]}}; throws {@link IllegalArgumentException} saying what is wrong. */
  static List<TopicPartition> partitions(String json) {
    List<TopicPartition> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, "an object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String topic = p.currentName();
        expect(p.nextToken(), JsonToken.START_ARRAY, "an array of partitions for " + topic);
        while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
          out.add(new TopicPartition(topic, p.getIntValue()));
        }
        expect(p.currentToken(), JsonToken.END_ARRAY, "partition numbers for " + topic);
      }
      expect(p.currentToken(), JsonToken.END_OBJECT, "the end of the object");
      if (p.nextToken() != null) throw new IOException("text after the object");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "expected JSON such as {\"topicA\":[0,1],\"topicB\":[2,4]}: " + e.getMessage(), e);
    }
    return out;
  }

  /** Reads {@code {"t":{"0":23}}}, in partition order. */
  static Map<TopicPartition, Long> partitionValues(String json) {
    Map<TopicPartition, Long> out = new TreeMap<>(ORDER);
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, "an object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String topic = p.currentName();
        expect(p.nextToken(), JsonToken.START_OBJECT, "an object of partitions for " + topic);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          int partition;
          try {
            partition = Integer.parseInt(p.currentName());
          } catch (NumberFormatException e) {
            throw new IOException(
                "partition '" + p.currentName() + "' of " + topic + " is no number");
          }
          expect(
              p.nextToken(), JsonToken.VALUE_NUMBER_INT, "a number for " + topic + "-" + partition);
          out.put(new TopicPartition(topic, partition), p.getLongValue());
        }
        expect(p.currentToken(), JsonToken.END_OBJECT, "the end of " + topic);
      }
      expect(p.currentToken(), JsonToken.END_OBJECT, "the end of the object");
      if (p.nextToken() != null) throw new IOException("text after the object");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "expected JSON such as {\"topicA\":{\"0\":23,\"1\":-1},\"topicB\":{\"0\":-2}}: "
              + e.getMessage(),
          e);
    }
    return out;
  }

  /** Writes {@code {"t":{"0":23}}} in topic and partition order. */
  static String write(Map<TopicPartition, Long> values) {
    Map<TopicPartition, Long> sorted = new TreeMap<>(ORDER);
    sorted.putAll(values);
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      String topic = null;
      for (Map.Entry<TopicPartition, Long> e : sorted.entrySet()) {
        if (!e.getKey().topic().equals(topic)) {
          if (topic != null) g.writeEndObject();
          topic = e.getKey().topic();
          g.writeObjectFieldStart(topic);
        }
        g.writeNumberField(Integer.toString(e.getKey().partition()), e.getValue());
      }
      if (topic != null) g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
    if (actual != expected) {
      throw new IOException(
          "expected " + what + " but found " + (actual == null ? "the end" : actual));
    }
  }
}
