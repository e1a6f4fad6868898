package io.sluice.kafka.source;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that can no longer be read: with {@code failOnDataLoss} an error naming the partition and
 * the lost offsets, without it a warning saying exactly which range is skipped.
 */
final class DataLoss {
  private static final Logger LOG = LoggerFactory.getLogger(DataLoss.class);

  private DataLoss() {}

  /**
   * Reports the lost records {@code [from, until)} of {@code tp} ({@code until} negative: from
   * {@code from} on, the end unknown). Returns normally only when the loss is to be skipped.
   */
  static void report(
      boolean failOnDataLoss, TopicPartition tp, long from, long until, String reason) {
    String range =
        until < 0
            ? "offsets from " + from + " on"
            : "offsets ["
                + from
                + ", "
                + until
                + "), "
                + (until - from)
                + (until - from == 1 ? " record" : " records");
    if (failOnDataLoss) {
      throw new SluiceRuntimeException(
          ErrorClass.KAFKA_DATA_LOSS,
          SluiceException.params(
              "topicPartition", tp.toString(), "lostRange", range, "reason", reason));
    }
    LOG.warn(
        "Kafka source skips lost records of {}: {} ({}); failOnDataLoss is false",
        tp,
        range,
        reason);
  }
}
