package io.sluice.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;

/**
 * The one Hadoop configuration parquet-java is given: empty (no {@code *-default.xml} parsed, which
 * a default {@link Configuration} does for every instance) and never changed, so shared.
 */
final class HadoopConf {
  static final Configuration EMPTY = new Configuration(false);

  private HadoopConf() {}

  /** Fresh read options (each reader releases its codec factory on close, so not shared). */
  static ParquetReadOptions readOptions() {
    return readOptions(null);
  }

  /**
   * Read options filtering row groups (statistics, dictionaries) and pages (column indexes) with
   * {@code predicate}, when not null.
   */
  static ParquetReadOptions readOptions(FilterPredicate predicate) {
    ParquetReadOptions.Builder b =
        ParquetReadOptions.builder(new HadoopParquetConfiguration(EMPTY));
    if (predicate != null) {
      b.withRecordFilter(FilterCompat.get(predicate))
          .useStatsFilter(true)
          .useDictionaryFilter(true)
          .useColumnIndexFilter(true)
          .useBloomFilter(false);
    }
    return b.build();
  }
}
