package io.sluice.parquet;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.FileSourceOptions;
import io.sluice.connector.file.SourceOptions;

/**
 * The read options of {@code format("parquet")}: the shared file source options plus {@code
 * mergeSchema} (default: the session's {@code sluice.sql.parquet.mergeSchema}, false).
 */
final class ParquetSourceOptions extends FileSourceOptions {
  /** The session setting giving {@code mergeSchema}'s default. */
  static final String MERGE_SCHEMA_CONF = "sluice.sql.parquet.mergeSchema";

  final boolean mergeSchema;

  ParquetSourceOptions(SourceOptions o, SQLConf conf) {
    super(o, conf, 0);
    String dflt = conf.getString(MERGE_SCHEMA_CONF).orElse("false").trim();
    if (!dflt.equalsIgnoreCase("true") && !dflt.equalsIgnoreCase("false")) {
      throw o.invalid(MERGE_SCHEMA_CONF, dflt, "it must be true or false");
    }
    mergeSchema = o.getBoolean("mergeSchema", Boolean.parseBoolean(dflt.toLowerCase()));
  }
}
