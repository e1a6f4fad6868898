/**
 * The Kafka sink ({@code write().format("kafka")}, {@code writeStream().format("kafka")}): {@link
 * io.sluice.kafka.sink.KafkaSinks} is the entry point; options and columns are checked when the
 * query starts ({@code KafkaSinkOptions}, {@code KafkaRowLayout}); {@code RecordEncoder} turns
 * column batches into records sent through one producer per query run ({@code KafkaWrites}), with
 * {@code SendTracker} keeping the first failed send; {@code KafkaStreamSink} writes at-least-once,
 * {@code TransactionalWriter} exactly-once (one transaction per micro-batch, a batch-id marker in
 * an engine-owned group, fencing of earlier runs). See {@code docs/kafka.md}, section Sink.
 */
package io.sluice.kafka.sink;
