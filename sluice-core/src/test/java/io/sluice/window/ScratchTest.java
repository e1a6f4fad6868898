package io.sluice.window;

import io.sluice.DataFrame;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.StructType;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() {
    Session s = Session.builder().master("local[2]").create();
    s.conf().set("spark.sql.session.timeZone", "UTC");
    s.conf().set("spark.sql.datetime.java8API.enabled", true);
    DataFrame df =
        s.createDataFrame(
            Arrays.asList(
                RowFactory.create("u1", Instant.parse("2024-01-01T10:00:00Z")),
                RowFactory.create("u1", Instant.parse("2024-01-01T10:00:30Z")),
                RowFactory.create("u1", Instant.parse("2024-01-01T10:01:00Z")),
                RowFactory.create("u2", Instant.parse("2024-01-01T10:03:00Z")),
                RowFactory.create("u2", null)),
            StructType.fromDDL("user_id STRING, ts TIMESTAMP"));
    df.createOrReplaceTempView("events");
    for (String q :
        new String[] {
          "SELECT window, user_id, count(*) AS cnt FROM events GROUP BY window(ts, '1 minute'), user_id",
          "SELECT window.start, window.end, count(*) FROM events GROUP BY window(ts, '2 minutes', '1 minute')",
          "SELECT window(ts, '1 minute'), ts FROM events",
          "SELECT session_window, user_id, count(*) AS cnt FROM events GROUP BY session_window(ts, '1 minute'), user_id",
          "SELECT window(window_time(w), '5 minutes') AS window, count(*) AS user_minutes, sum(cnt) AS events FROM (SELECT window(ts, '1 minute') AS w, user_id, count(*) AS cnt FROM events GROUP BY window(ts, '1 minute'), user_id) GROUP BY window(window_time(w), '5 minutes')"
        }) {
      DataFrame r = s.sql(q);
      System.out.println(q);
      System.out.println(r.schema().treeString());
      r.show(false);
    }
  }
}
