package io.sluice.connector;

import io.sluice.config.SQLConf;
import io.sluice.streaming.runtime.Clock;

/**
 * What a source may read from the session and the query when it is created: the configuration, and
 * the clock the query runs by. Sources that read time (the {@code rate} source, arrival timestamps
 * of the {@code socket} source) read it through {@link #clock()}, so a query started with a manual
 * clock ({@code writeStream().clock(...)}) controls them too.
 */
public record SourceContext(SQLConf conf, Clock clock) {
  /** A context with the system clock; the query's own clock replaces it at query start. */
  public SourceContext(SQLConf conf) {
    this(conf, Clock.system());
  }

  /** This context with the query's clock. */
  public SourceContext withClock(Clock queryClock) {
    return new SourceContext(conf, queryClock);
  }
}
