package io.sluice.state;

import io.sluice.config.SQLConf;
import io.sluice.config.StreamingConf;

/** The settings of state stores, read once from a query's configuration. */
public record StateStoreConf(
    int minDeltasForSnapshot, int minVersionsToRetain, String compressionCodec) {

  public static StateStoreConf from(SQLConf conf) {
    return new StateStoreConf(
        conf.get(StreamingConf.STATE_STORE_MIN_DELTAS_FOR_SNAPSHOT),
        conf.get(StreamingConf.MIN_BATCHES_TO_RETAIN),
        conf.get(StreamingConf.STATE_STORE_COMPRESSION_CODEC));
  }
}
