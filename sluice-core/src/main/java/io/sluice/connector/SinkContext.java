package io.sluice.connector;

import io.sluice.config.SQLConf;

/**
 * What a sink may read when it is created: the session's configuration, the query's name (null when
 * unnamed) and its checkpoint directory.
 */
public record SinkContext(SQLConf conf, String queryName, String checkpointLocation) {}
