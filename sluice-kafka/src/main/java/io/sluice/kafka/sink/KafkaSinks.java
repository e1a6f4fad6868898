package io.sluice.kafka.sink;

import io.sluice.SaveMode;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/** Entry points of the Kafka sink: streaming and batch writes of rows as records. */
public final class KafkaSinks {
  private KafkaSinks() {}

  /** The sink of one run of a streaming query. */
  public static StreamSink streamSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx) {
    throw new UnsupportedOperationException("the Kafka sink is being built");
  }

  /** Writes the rows of a batch query. */
  public static void write(
      Map<String, String> options,
      List<String> partitionColumns,
      SaveMode mode,
      MicroBatchOutput data,
      SinkContext ctx) {
    throw new UnsupportedOperationException("the Kafka sink is being built");
  }
}
