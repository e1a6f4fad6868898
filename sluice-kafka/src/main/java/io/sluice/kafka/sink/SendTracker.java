package io.sluice.kafka.sink;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The outcome of the sends of one write: the callback of every record (one object for all, so a
 * send allocates nothing for it) keeping the first failure with its topic and partition. Encoders
 * stop sending once a send failed; the writer raises the failure after flushing.
 */
final class SendTracker implements Callback {
  private final AtomicReference<SluiceRuntimeException> first = new AtomicReference<>();
  private volatile boolean failed;
  private volatile String topicWritten;

  @Override
  public void onCompletion(RecordMetadata metadata, Exception exception) {
    if (exception != null) {
      fail(
          metadata == null ? "(unknown)" : metadata.topic(),
          metadata == null ? RecordMetadata.UNKNOWN_PARTITION : metadata.partition(),
          exception);
    }
  }

  /** Records a failed send (the first one wins). */
  void fail(String topic, int partition, Throwable cause) {
    String where =
        partition == RecordMetadata.UNKNOWN_PARTITION
            ? "(not assigned yet)"
            : Integer.toString(partition);
    String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    first.compareAndSet(
        null,
        new SluiceRuntimeException(
            ErrorClass.KAFKA_SINK_WRITE_FAILED,
            SluiceException.params(
                "topic", String.valueOf(topic), "partition", where, "reason", reason),
            cause));
    failed = true;
  }

  /** Records a failure that is not a send's, e.g. a null topic in the data. */
  void fail(SluiceRuntimeException e) {
    first.compareAndSet(null, e);
    failed = true;
  }

  /** Notes a topic a record was sent to (the first noted stays). */
  void noteTopic(String topic) {
    if (topicWritten == null) topicWritten = topic;
  }

  /** A topic some record of the write went to, or null when none was sent. */
  String topicWritten() {
    return topicWritten;
  }

  boolean failed() {
    return failed;
  }

  /** Raises the first failure, if any. */
  void throwIfFailed() {
    SluiceRuntimeException e = first.get();
    if (e != null) throw e;
  }
}
