package io.sluice;

import io.sluice.internal.ShowString;
import java.time.ZoneId;

/** Runs the query behind {@code show()} and formats its first rows. */
final class Shows {
  private Shows() {}

  /**
   * Formats the rows {@code limited} (a query of at most {@code numRows + 1} rows of {@code df})
   * produces.
   */
  static String render(
      DataFrame df, QueryExecution limited, int numRows, int truncate, boolean vertical) {
    ZoneId zone = ZoneId.of(df.sparkSession().sqlConf().sessionTimeZone());
    return ShowString.render(
        df.schema(), limited.executeCollect(), zone, numRows, truncate, vertical);
  }
}
