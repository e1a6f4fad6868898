package io.sluice.parquet;

import io.sluice.Row;
import io.sluice.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @TempDir Path tmp;

  @Test
  void smoke() {
    Path f = tmp.resolve("a.parquet");
    try (Duck d = new Duck()) {
      d.execute(
          "COPY (SELECT i, i::TINYINT AS b, 'x' || i AS s, [i, i+1] AS l, {'a': i, 'b': 's'||i} AS st,"
              + " MAP {'k': i} AS m, CASE WHEN i % 2 = 0 THEN NULL ELSE i END AS n,"
              + " DATE '2024-01-01' + i::INT AS d, TIMESTAMPTZ '2024-01-02 03:04:05.678+00' AS ts,"
              + " (i / 100)::DECIMAL(5,2) AS dec1, i::DECIMAL(30,4) AS dec3"
              + " FROM range(5) t(i)) TO '"
              + f
              + "' (FORMAT parquet)");
    }
    Session s =
        Session.builder().master("local[2]").config("spark.sql.session.timeZone", "UTC").create();
    try {
      var df = s.read().parquet(f.toString());
      System.out.println(df.schema().treeString());
      for (Row r : df.collectAsList()) System.out.println(r);
    } finally {
      s.stop();
    }
  }
}
