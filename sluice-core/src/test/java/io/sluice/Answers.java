package io.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Compares a DataFrame's rows with expected ones, as Spark's {@code checkAnswer}. */
final class Answers {
  private Answers() {}

  static Row row(Object... values) {
    return RowFactory.create(values);
  }

  /** Same rows in any order. */
  static void check(DataFrame df, Row... expected) {
    List<Row> actual = sorted(df.collectAsList());
    assertThat(actual)
        .as(() -> "rows of\n" + df.queryExecution().analyzed().treeString())
        .isEqualTo(sorted(Arrays.asList(expected)));
  }

  /** Same rows in this order. */
  static void checkOrdered(DataFrame df, Row... expected) {
    assertThat(df.collectAsList())
        .as(() -> "rows of\n" + df.queryExecution().analyzed().treeString())
        .containsExactly(expected);
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Row::toString));
    return copy;
  }
}
