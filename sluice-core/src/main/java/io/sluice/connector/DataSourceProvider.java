package io.sluice.connector;

import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * A data source found by its short name ({@code format("json")}) through {@link
 * java.util.ServiceLoader}. Register implementations in {@code
 * META-INF/services/io.sluice.connector.DataSourceProvider}.
 */
public interface DataSourceProvider {
  /** The name users pass to {@code format(...)}, e.g. {@code json}. */
  String shortName();

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
