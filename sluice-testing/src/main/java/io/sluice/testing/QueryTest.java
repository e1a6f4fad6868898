package io.sluice.testing;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.api.Assertions;

/**
 * Answer checks for DataFrames: run the query and compare its rows with the expected ones, failing
 * with both result sets side by side (Spark's {@code QueryTest.checkAnswer} report).
 */
public final class QueryTest {
  private QueryTest() {}

  /** A row of values, for expected answers: {@code row("a", 1L, null)}. */
  public static Row row(Object... values) {
    return RowFactory.create(values);
  }

  /**
   * A timestamp in UTC, as rows hold it ({@link Timestamp}): {@code "00:00:05"} (a time on
   * 1970-01-01), {@code "2024-05-01 10:00:00"} or an ISO instant {@code "2024-05-01T10:00:00Z"}.
   */
  public static Timestamp ts(String text) {
    String t = text.trim();
    if (t.length() <= 12 && t.indexOf('-') < 0) t = "1970-01-01T" + t;
    t = t.replace(' ', 'T');
    if (!t.endsWith("Z") && t.indexOf('+') < 0) t = t + "Z";
    return Timestamp.from(Instant.parse(t));
  }

  /** The value of a {@code window} column: {@code row(ts(start), ts(end))}. */
  public static Row window(String start, String end) {
    return row(ts(start), ts(end));
  }

  /** The query returns exactly these rows, in any order. */
  public static void checkAnswer(DataFrame df, Row... expected) {
    checkAnswer(df, Arrays.asList(expected));
  }

  /** The query returns exactly these rows, in any order. */
  public static void checkAnswer(DataFrame df, List<Row> expected) {
    List<Row> actual = df.collectAsList();
    if (!sorted(actual).equals(sorted(expected))) {
      Assertions.fail(report(df, expected, actual, false));
    }
  }

  /** The query returns exactly these rows in this order (for sorted queries). */
  public static void checkOrderedAnswer(DataFrame df, Row... expected) {
    List<Row> actual = df.collectAsList();
    if (!actual.equals(Arrays.asList(expected))) {
      Assertions.fail(report(df, Arrays.asList(expected), actual, true));
    }
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Row::toString));
    return copy;
  }

  private static String report(
      DataFrame df, List<Row> expected, List<Row> actual, boolean ordered) {
    return "Results do not match for query:\n"
        + df.queryExecution()
        + '\n'
        + sideBySide(expected, actual, ordered);
  }

  /**
   * Null when {@code actual} holds the rows of {@code expected} (in any order unless {@code
   * ordered}); otherwise both answers side by side, differing lines marked with {@code !}.
   */
  public static String compareAnswers(List<Row> expected, List<Row> actual, boolean ordered) {
    boolean same = ordered ? actual.equals(expected) : sorted(actual).equals(sorted(expected));
    return same ? null : sideBySide(expected, actual, ordered);
  }

  private static String sideBySide(List<Row> expected, List<Row> actual, boolean ordered) {
    List<Row> e = ordered ? expected : sorted(expected);
    List<Row> a = ordered ? actual : sorted(actual);
    StringBuilder sb = new StringBuilder("== Results ==\n");
    int width = "== Correct Answer - N ==".length() + 8;
    for (Row r : e) width = Math.max(width, r.toString().length());
    sb.append(pad("== Correct Answer - " + e.size() + " ==", width))
        .append("   == Sluice Answer - ")
        .append(a.size())
        .append(" ==\n");
    for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
      String left = i < e.size() ? e.get(i).toString() : "";
      String right = i < a.size() ? a.get(i).toString() : "";
      sb.append(left.equals(right) ? " " : "!")
          .append(pad(left, width - 1))
          .append("   ")
          .append(right)
          .append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
