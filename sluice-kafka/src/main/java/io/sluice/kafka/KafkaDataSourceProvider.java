package io.sluice.kafka;

import io.sluice.SaveMode;
import io.sluice.connector.BatchScan;
import io.sluice.connector.BatchSinkProvider;
import io.sluice.connector.BatchSourceProvider;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.SinkContext;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSink;
import io.sluice.connector.StreamSinkProvider;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.kafka.sink.KafkaSinks;
import io.sluice.kafka.source.KafkaSources;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * {@code format("kafka")}: Kafka topics as a source of batch and streaming queries, and as a sink
 * of both, with Spark's options and row layout.
 */
public final class KafkaDataSourceProvider
    implements BatchSourceProvider, StreamSourceProvider, BatchSinkProvider, StreamSinkProvider {
  @Override
  public String shortName() {
    return "kafka";
  }

  @Override
  public BatchScan createBatchScan(
      List<String> paths, Map<String, String> options, StructType userSchema, SourceContext ctx) {
    return KafkaSources.batchScan(paths, options, userSchema, ctx);
  }

  @Override
  public StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    return KafkaSources.sourceSchema(options, userSchema, ctx);
  }

  @Override
  public MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    return KafkaSources.stream(options, schema, metadataPath, ctx);
  }

  @Override
  public StreamSink createSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx) {
    return KafkaSinks.streamSink(options, schema, partitionColumns, outputMode, ctx);
  }

  @Override
  public void write(
      Map<String, String> options,
      List<String> partitionColumns,
      SaveMode mode,
      MicroBatchOutput data,
      SinkContext ctx) {
    KafkaSinks.write(options, partitionColumns, mode, data, ctx);
  }
}
