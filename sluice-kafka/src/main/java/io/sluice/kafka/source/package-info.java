/**
 * The Kafka source ({@code format("kafka")} in {@code session.read()} and {@code
 * session.readStream()}), with Spark's options and rows.
 *
 * <p>{@link io.sluice.kafka.source.KafkaSources} is the entry point. Options are checked when the
 * query is defined ({@code KafkaSourceOptions}). The engine tracks offsets itself: a stream ({@code
 * KafkaMicroBatchStream}) asks a query-side consumer ({@code KafkaOffsetReader}) for partitions and
 * offsets, logs {@code KafkaSourceOffset}s ({@code {"topic":{"0":23}}}) and reads each batch's
 * offset ranges ({@code OffsetRange}, split by {@code minPartitions}) in tasks ({@code
 * KafkaBatchScan}), each with a consumer assigned to its partition ({@code PartitionConsumer},
 * pooled across batches by {@code ConsumerPool}) that fills column vectors directly ({@code
 * KafkaRows}). Lost records are reported by {@code DataLoss} ({@code failOnDataLoss}).
 */
package io.sluice.kafka.source;
