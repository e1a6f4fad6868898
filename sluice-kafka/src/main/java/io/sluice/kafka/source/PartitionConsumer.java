package io.sluice.kafka.source;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer assigned to one partition that reads offset ranges. It keeps the records a poll
 * returned beyond the range it read, so the next range of the same partition, which starts there,
 * needs neither a seek nor a new fetch. Records that vanished (retention, {@code deleteRecords}, a
 * recreated topic) are reported through {@link DataLoss}; gaps of compacted topics and transaction
 * markers are not losses and are skipped silently.
 */
final class PartitionConsumer implements AutoCloseable {
  private final KafkaConsumer<ByteBuffer, ByteBuffer> consumer;
  private final TopicPartition tp;
  private List<ConsumerRecord<ByteBuffer, ByteBuffer>> buffer = List.of();
  private int bufferPos;

  /** The next offset this consumer delivers: no record exists in between; -1 when unknown. */
  private long position = -1;

  PartitionConsumer(Map<String, Object> configs, TopicPartition tp) {
    this.consumer = new KafkaConsumer<>(configs);
    this.tp = tp;
    consumer.assign(List.of(tp));
  }

  TopicPartition tp() {
    return tp;
  }

  /** Positions the consumer at {@code from}, keeping buffered records when they continue there. */
  void seek(long from) {
    if (position == from) return;
    buffer = List.of();
    bufferPos = 0;
    consumer.seek(tp, from);
    position = from;
  }

  /**
   * Puts up to {@code max} of the next records before {@code until} into {@code out}; returns how
   * many, 0 once the range is done. Returns what it has before it would wait for more.
   */
  int read(
      ConsumerRecord<ByteBuffer, ByteBuffer>[] out,
      int max,
      long until,
      long pollTimeoutMs,
      boolean failOnDataLoss) {
    int n = 0;
    while (n < max) {
      if (bufferPos < buffer.size()) {
        ConsumerRecord<ByteBuffer, ByteBuffer> r = buffer.get(bufferPos);
        if (r.offset() >= until) {
          position = until; // nothing exists in [until, r.offset())
          return n;
        }
        bufferPos++;
        out[n++] = r;
        position = r.offset() + 1;
        continue;
      }
      if (position >= until || n > 0) return n;
      if (!fill(until, pollTimeoutMs, failOnDataLoss)) return n;
    }
    return n;
  }

  /** Polls until records arrive; false when the range turned out to be done (or lost). */
  private boolean fill(long until, long pollTimeoutMs, boolean failOnDataLoss) {
    long deadline = System.nanoTime() + pollTimeoutMs * 1_000_000L;
    while (true) {
      long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
      List<ConsumerRecord<ByteBuffer, ByteBuffer>> records;
      try {
        records = consumer.poll(Duration.ofMillis(Math.max(0, Math.min(leftMs, 1000)))).records(tp);
      } catch (OffsetOutOfRangeException e) {
        if (!recoverOutOfRange(until, failOnDataLoss)) return false;
        if (leftMs <= 0) throw timedOut(position, until, pollTimeoutMs);
        continue;
      }
      if (!records.isEmpty()) {
        buffer = records;
        bufferPos = 0;
        return true;
      }
      long pos = consumer.position(tp); // aborted records, markers and gaps advance it
      if (pos >= until) {
        position = until;
        return false;
      }
      position = pos;
      if (leftMs <= 0) {
        long latest = consumer.endOffsets(List.of(tp)).get(tp);
        if (latest < until) {
          DataLoss.report(
              failOnDataLoss,
              tp,
              pos,
              until,
              "the partition ends at offset " + latest + " now: it was deleted and recreated");
          position = -1;
          return false;
        }
        throw timedOut(pos, until, pollTimeoutMs);
      }
    }
  }

  private KafkaException timedOut(long from, long until, long pollTimeoutMs) {
    return new KafkaException(
        "Timed out reading offsets ["
            + from
            + ", "
            + until
            + ") of "
            + tp
            + " after "
            + pollTimeoutMs
            + " ms (source option kafkaConsumer.pollTimeoutMs)");
  }

  private boolean recoverOutOfRange(long until, boolean failOnDataLoss) {
    long earliest = consumer.beginningOffsets(List.of(tp)).get(tp);
    long latest = consumer.endOffsets(List.of(tp)).get(tp);
    long from = position;
    if (from < earliest) {
      long lostUntil = Math.min(earliest, until);
      DataLoss.report(
          failOnDataLoss,
          tp,
          from,
          lostUntil,
          "retention or deleteRecords removed them; the partition starts at offset "
              + earliest
              + " now");
      if (earliest >= until) {
        position = -1;
        return false;
      }
      seek(earliest);
      return true;
    }
    if (from < latest) {
      // a race with retention that left the offset valid after all: read it again
      position = -1;
      seek(from);
      return true;
    }
    DataLoss.report(
        failOnDataLoss,
        tp,
        from,
        until,
        "the partition holds offsets [" + earliest + ", " + latest + ") now: it was recreated");
    position = -1;
    return false;
  }

  @Override
  public void close() {
    try {
      consumer.close(ConsumerPool.quickClose());
    } catch (org.apache.kafka.common.errors.InterruptException e) {
      // a task interrupted by a stopping query: the consumer is closed all the same
      Thread.currentThread().interrupt();
    }
  }
}
