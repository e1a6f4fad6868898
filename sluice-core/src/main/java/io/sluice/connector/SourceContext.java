package io.sluice.connector;

import io.sluice.config.SQLConf;

/** What a source may read from the session when it is created: the configuration. */
public record SourceContext(SQLConf conf) {}
