package io.sluice.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;

/**
 * The one Hadoop configuration parquet-java is given: empty (no {@code *-default.xml} parsed, which
 * a default {@link Configuration} does for every instance) and never changed, so shared.
 */
final class HadoopConf {
  static final Configuration EMPTY = new Configuration(false);

  private HadoopConf() {}

  /** Fresh read options (each reader releases its codec factory on close, so not shared). */
  static ParquetReadOptions readOptions() {
    return ParquetReadOptions.builder(new HadoopParquetConfiguration(EMPTY)).build();
  }
}
