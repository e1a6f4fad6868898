package io.sluice.window;

import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.StructType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() {
    Session s = Session.builder().master("local[2]").create();
    DataFrame df =
        s.createDataFrame(
            Arrays.asList(
                RowFactory.create("a", 1, 10.0),
                RowFactory.create("a", 2, 20.0),
                RowFactory.create("a", 2, 30.0),
                RowFactory.create("a", null, 5.0),
                RowFactory.create("b", 5, null),
                RowFactory.create("b", 7, 1.0)),
            StructType.fromDDL("k STRING, o INT, v DOUBLE"));
    df.createOrReplaceTempView("t");
    for (String q :
        new String[] {
          "SELECT k, o, row_number() OVER (PARTITION BY k ORDER BY o) AS rn, rank() OVER (PARTITION BY k ORDER BY o), dense_rank() OVER (PARTITION BY k ORDER BY o) FROM t",
          "SELECT k, o, v, sum(v) OVER (PARTITION BY k ORDER BY o), sum(v) OVER (PARTITION BY k), count(*) OVER w, lag(v) OVER w, lead(v, 2, 0.0) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY o)",
          "SELECT k, o, avg(v) OVER (ORDER BY o ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) a, max(v) OVER (ORDER BY o RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) m, first_value(v) OVER (ORDER BY o DESC) f, ntile(3) OVER (ORDER BY o) nt, percent_rank() OVER (ORDER BY o) pr, cume_dist() OVER (ORDER BY o) cd FROM t",
          "SELECT k, sum(v), rank() OVER (ORDER BY sum(v) DESC) FROM t GROUP BY k",
          "SELECT k, sum(sum(v)) OVER () FROM t GROUP BY k"
        }) {
      DataFrame r = s.sql(q);
      System.out.println(q);
      System.out.println(r.schema().treeString());
      r.show(false);
    }
  }
}
