package io.sluice.connector;

import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/** A sink that streaming queries can write to ({@code writeStream().format(name)}). */
public interface StreamSinkProvider extends DataSourceProvider {
  /**
   * A sink for one run of a query writing rows of {@code schema}. Raises an error naming the option
   * at fault for bad options, or the mode when the sink does not support it.
   */
  StreamSink createSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx);

  /** True when the sink keeps no lasting output, so a temporary checkpoint is acceptable. */
  default boolean allowsTemporaryCheckpoint() {
    return false;
  }
}
