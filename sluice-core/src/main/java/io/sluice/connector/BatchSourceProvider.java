package io.sluice.connector;

import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/** A data source that batch queries can read ({@code session.read().format(name)}). */
public interface BatchSourceProvider extends DataSourceProvider {
  /**
   * A batch scan of {@code paths} with the given options (keys as the user wrote them; look them up
   * case-insensitively, as Spark does). {@code userSchema} is null when the schema must be
   * inferred.
   */
  BatchScan createBatchScan(
      List<String> paths,
      Map<String, String> options,
      StructType userSchema,
      SourceContext context);
}
