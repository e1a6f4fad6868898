package io.sluice.kafka.sink;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.StructVector;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns the rows of column batches into producer records and sends them, a vector at a time: the
 * value and key bytes are sliced straight out of the vectors' UTF-8/binary buffers (strings are
 * never decoded), the topic string is decoded once per run of equal topics, and the record is the
 * only object made per row (with its byte arrays, and headers when there are any). One encoder per
 * task; not thread-safe.
 */
final class RecordEncoder {
  private final KafkaRowLayout layout;
  private final String topicOption;
  private byte[] lastTopicBytes;
  private String lastTopic;
  private boolean topicNoted;

  RecordEncoder(KafkaRowLayout layout, String topicOption) {
    this.layout = layout;
    this.topicOption = topicOption;
  }

  /** Sends every row of {@code batch}; stops at the first failure (kept by the tracker). */
  int send(ColumnBatch batch, Producer<byte[], byte[]> producer, SendTracker tracker) {
    int n = batch.numRows();
    BytesVector value = (BytesVector) batch.column(layout.value());
    byte[] vData = value.data();
    int[] vOff = value.offsets();
    boolean[] vNull = value.nulls();
    BytesVector key = layout.key() < 0 ? null : (BytesVector) batch.column(layout.key());
    byte[] kData = key == null ? null : key.data();
    int[] kOff = key == null ? null : key.offsets();
    boolean[] kNull = key == null ? null : key.nulls();
    BytesVector topics = layout.topic() < 0 ? null : (BytesVector) batch.column(layout.topic());
    IntVector partitions =
        layout.partition() < 0 ? null : (IntVector) batch.column(layout.partition());
    int[] pValues = partitions == null ? null : partitions.values();
    boolean[] pNull = partitions == null ? null : partitions.nulls();
    ArrayVector headers =
        layout.headers() < 0 ? null : (ArrayVector) batch.column(layout.headers());
    for (int r = 0; r < n; r++) {
      byte[] v = vNull != null && vNull[r] ? null : Arrays.copyOfRange(vData, vOff[r], vOff[r + 1]);
      byte[] k =
          key == null || (kNull != null && kNull[r])
              ? null
              : Arrays.copyOfRange(kData, kOff[r], kOff[r + 1]);
      String topic = topicOption != null ? topicOption : topicAt(topics, r);
      if (topic == null) {
        tracker.fail(new SluiceRuntimeException(ErrorClass.KAFKA_NULL_TOPIC_IN_DATA, Map.of()));
        return r;
      }
      Integer partition = pValues == null || (pNull != null && pNull[r]) ? null : pValues[r];
      try {
        Iterable<Header> h = headers == null ? null : headersAt(headers, r);
        producer.send(new ProducerRecord<>(topic, partition, null, k, v, h), tracker);
      } catch (RuntimeException e) {
        tracker.fail(topic, partition == null ? RecordMetadata.UNKNOWN_PARTITION : partition, e);
        return r;
      }
      if (!topicNoted) {
        tracker.noteTopic(topic);
        topicNoted = true;
      }
      if (tracker.failed()) return r + 1;
    }
    return n;
  }

  private String topicAt(BytesVector topics, int r) {
    if (topics.isNullAt(r)) return null;
    if (lastTopicBytes == null || !topics.equalsBytes(r, lastTopicBytes)) {
      lastTopicBytes = topics.getBytes(r);
      lastTopic = topics.getString(r);
    }
    return lastTopic;
  }

  /** The headers of row {@code r}; null elements are skipped, a null array gives none. */
  private static Iterable<Header> headersAt(ArrayVector headers, int r) {
    if (headers.isNullAt(r)) return null;
    int start = headers.start(r);
    int len = headers.length(r);
    StructVector elems = (StructVector) headers.elements();
    BytesVector keys = (BytesVector) elems.child(0);
    BytesVector values = (BytesVector) elems.child(1);
    Header[] out = new Header[len];
    int count = 0;
    for (int i = start; i < start + len; i++) {
      if (elems.isNullAt(i)) continue;
      String hk = keys.isNullAt(i) ? null : keys.getString(i);
      byte[] hv = values.isNullAt(i) ? null : values.getBytes(i);
      out[count++] = new RecordHeader(hk, hv);
    }
    return new RecordHeaders(count == len ? out : Arrays.copyOf(out, count));
  }
}
