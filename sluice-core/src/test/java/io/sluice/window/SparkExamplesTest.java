package io.sluice.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.Row;
import io.sluice.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The examples of Spark's reference for {@code window}, {@code session_window} and the window
 * functions, with the results Spark documents for them.
 */
class SparkExamplesTest {
  private static final String EVENTS =
      "VALUES ('A1', '2021-01-01 00:00:00'), ('A1', '2021-01-01 00:04:30'), ('A1', '2021-01-01"
          + " 00:06:00'), ('A2', '2021-01-01 00:01:00') AS tab(a, b)";
  private static final String VALUES =
      "VALUES ('A1', 2), ('A1', 1), ('A2', 3), ('A1', 1) tab(a, b)";

  private static Session spark;

  @BeforeAll
  static void start() {
    spark = Session.builder().master("local[2]").create();
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.datetime.java8API.enabled", true);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Rows as tab-separated text, as Spark's examples show them. */
  private static List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        String s = v == null ? "NULL" : v.toString();
        if (v instanceof java.time.Instant) s = s.replace('T', ' ').replace("Z", "");
        cells.add(s);
      }
      out.add(String.join("\t", cells));
    }
    return out;
  }

  @Test
  void tumblingWindow() {
    assertThat(
            rows(
                "SELECT a, window.start, window.end, count(*) as cnt FROM "
                    + EVENTS
                    + " GROUP by a, window(b, '5 minutes') ORDER BY a, start"))
        .containsExactly(
            "A1\t2021-01-01 00:00:00\t2021-01-01 00:05:00\t2",
            "A1\t2021-01-01 00:05:00\t2021-01-01 00:10:00\t1",
            "A2\t2021-01-01 00:00:00\t2021-01-01 00:05:00\t1");
  }

  @Test
  void slidingWindow() {
    assertThat(
            rows(
                "SELECT a, window.start, window.end, count(*) as cnt FROM "
                    + EVENTS
                    + " GROUP by a, window(b, '10 minutes', '5 minutes') ORDER BY a, start"))
        .containsExactly(
            "A1\t2020-12-31 23:55:00\t2021-01-01 00:05:00\t2",
            "A1\t2021-01-01 00:00:00\t2021-01-01 00:10:00\t3",
            "A1\t2021-01-01 00:05:00\t2021-01-01 00:15:00\t1",
            "A2\t2020-12-31 23:55:00\t2021-01-01 00:05:00\t1",
            "A2\t2021-01-01 00:00:00\t2021-01-01 00:10:00\t1");
  }

  @Test
  void sessionWindow() {
    String events =
        "VALUES ('A1', '2021-01-01 00:00:00'), ('A1', '2021-01-01 00:04:30'), ('A1', '2021-01-01"
            + " 00:10:00'), ('A2', '2021-01-01 00:01:00') AS tab(a, b)";
    assertThat(
            rows(
                "SELECT a, session_window.start, session_window.end, count(*) as cnt FROM "
                    + events
                    + " GROUP by a, session_window(b, '5 minutes') ORDER BY a, start"))
        .containsExactly(
            "A1\t2021-01-01 00:00:00\t2021-01-01 00:09:30\t2",
            "A1\t2021-01-01 00:10:00\t2021-01-01 00:15:00\t1",
            "A2\t2021-01-01 00:01:00\t2021-01-01 00:06:00\t1");
  }

  @Test
  void windowTime() {
    assertThat(
            rows(
                "SELECT a, window.start as start, window.end as stop, window_time(window), cnt FROM"
                    + " (SELECT a, window, count(*) as cnt FROM "
                    + EVENTS
                    + " GROUP by a, window(b, '5 minutes')) ORDER BY a, start"))
        .containsExactly(
            "A1\t2021-01-01 00:00:00\t2021-01-01 00:05:00\t2021-01-01 00:04:59.999999\t2",
            "A1\t2021-01-01 00:05:00\t2021-01-01 00:10:00\t2021-01-01 00:09:59.999999\t1",
            "A2\t2021-01-01 00:00:00\t2021-01-01 00:05:00\t2021-01-01 00:04:59.999999\t1");
  }

  private static List<String> over(String function) {
    List<String> out =
        rows("SELECT a, b, " + function + " OVER (PARTITION BY a ORDER BY b) FROM " + VALUES);
    out.sort(null);
    return out;
  }

  @Test
  void windowFunctions() {
    assertThat(over("lead(b)"))
        .containsExactly("A1\t1\t1", "A1\t1\t2", "A1\t2\tNULL", "A2\t3\tNULL");
    assertThat(over("lag(b)"))
        .containsExactly("A1\t1\t1", "A1\t1\tNULL", "A1\t2\t1", "A2\t3\tNULL");
    assertThat(over("row_number()"))
        .containsExactly("A1\t1\t1", "A1\t1\t2", "A1\t2\t3", "A2\t3\t1");
    assertThat(over("cume_dist()"))
        .containsExactly(
            "A1\t1\t0.6666666666666666", "A1\t1\t0.6666666666666666", "A1\t2\t1.0", "A2\t3\t1.0");
    assertThat(over("nth_value(b, 2)"))
        .containsExactly("A1\t1\t1", "A1\t1\t1", "A1\t2\t1", "A2\t3\tNULL");
    assertThat(over("ntile(2)")).containsExactly("A1\t1\t1", "A1\t1\t1", "A1\t2\t2", "A2\t3\t1");
    assertThat(over("rank(b)")).containsExactly("A1\t1\t1", "A1\t1\t1", "A1\t2\t3", "A2\t3\t1");
    assertThat(over("dense_rank(b)"))
        .containsExactly("A1\t1\t1", "A1\t1\t1", "A1\t2\t2", "A2\t3\t1");
    assertThat(over("percent_rank(b)"))
        .containsExactly("A1\t1\t0.0", "A1\t1\t0.0", "A1\t2\t1.0", "A2\t3\t0.0");
  }
}
