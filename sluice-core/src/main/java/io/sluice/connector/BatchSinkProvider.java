package io.sluice.connector;

import io.sluice.SaveMode;
import java.util.List;
import java.util.Map;

/** A destination that batch queries can write to ({@code df.write().format(name).save()}). */
public interface BatchSinkProvider extends DataSourceProvider {
  /**
   * Writes every row of {@code data} (call exactly one of its methods, once). {@code options} hold
   * the writer's options as given (the {@code path} option included when there is one); {@code
   * mode} says what to do with data already at the destination. Raises an error naming the option
   * at fault for bad options, or the mode or partitioning when the destination does not support it,
   * before writing anything.
   */
  void write(
      Map<String, String> options,
      List<String> partitionColumns,
      SaveMode mode,
      MicroBatchOutput data,
      SinkContext ctx);
}
