package io.sluice.kafka.source;

import io.sluice.connector.BatchScan;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.SourceContext;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/** Entry points of the Kafka source: batch scans and micro-batch streams of topics. */
public final class KafkaSources {
  private KafkaSources() {}

  /** A batch scan between {@code startingOffsets} and {@code endingOffsets}. */
  public static BatchScan batchScan(
      List<String> paths, Map<String, String> options, StructType userSchema, SourceContext ctx) {
    throw new UnsupportedOperationException("the Kafka source is being built");
  }

  /** The fixed schema of Kafka rows (with headers when {@code includeHeaders}). */
  public static StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    throw new UnsupportedOperationException("the Kafka source is being built");
  }

  /** The source of one run of a streaming query. */
  public static MicroBatchStream stream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    throw new UnsupportedOperationException("the Kafka source is being built");
  }
}
