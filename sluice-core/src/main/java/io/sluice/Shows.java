package io.sluice;

import io.sluice.exec.vector.ColumnBatch;
import io.sluice.internal.PrettyFormatter;
import io.sluice.internal.ShowString;
import io.sluice.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the query behind {@code show()} and formats its first rows. */
final class Shows {
  private Shows() {}

  /**
   * Formats the rows {@code limited} (a query of at most {@code numRows + 1} rows of {@code df})
   * produces.
   */
  static String render(
      DataFrame df, QueryExecution limited, int numRows, int truncate, boolean vertical) {
    StructType schema = df.schema();
    ZoneId zone = ZoneId.of(df.sparkSession().sqlConf().sessionTimeZone());
    PrettyFormatter[] formatters = new PrettyFormatter[schema.length()];
    for (int c = 0; c < formatters.length; c++) {
      formatters[c] = PrettyFormatter.forType(schema.get(c).dataType(), zone);
    }
    List<String[]> cells = new ArrayList<>();
    for (ColumnBatch b : limited.executeCollect()) {
      int rows = Math.min(b.numRows(), numRows + 1 - cells.size());
      if (rows <= 0) break;
      String[][] columns = new String[formatters.length][];
      for (int c = 0; c < formatters.length; c++) {
        columns[c] = formatters[c].format(b.column(c), rows);
      }
      for (int r = 0; r < rows; r++) {
        String[] row = new String[formatters.length];
        for (int c = 0; c < formatters.length; c++) row[c] = columns[c][r];
        cells.add(row);
      }
    }
    return ShowString.render(
        Arrays.asList(schema.fieldNames()), cells, numRows, truncate, vertical);
  }
}
