package io.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.internal.ShowString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of {@code show()}, checked against Spark 4's output character for character. */
class ShowStringTest {
  private static final List<String> HEADER = List.of("a", "b");

  private static List<String[]> rows(String... pairs) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) out.add(new String[] {pairs[i], pairs[i + 1]});
    return out;
  }

  @Test
  void rightAlignsWhenTruncating() {
    String s = ShowString.render(HEADER, rows("1", "hello", "22", "NULL"), 20, 20, false);
    assertThat(s)
        .isEqualTo(
            "+---+-----+\n"
                + "|  a|    b|\n"
                + "+---+-----+\n"
                + "|  1|hello|\n"
                + "| 22| NULL|\n"
                + "+---+-----+\n");
  }

  @Test
  void leftAlignsWithoutTruncation() {
    String s = ShowString.render(HEADER, rows("1", "hello", "22", "NULL"), 20, 0, false);
    assertThat(s)
        .isEqualTo(
            "+---+-----+\n"
                + "|a  |b    |\n"
                + "+---+-----+\n"
                + "|1  |hello|\n"
                + "|22 |NULL |\n"
                + "+---+-----+\n");
  }

  @Test
  void cutsLongCellsToSeventeenCharactersAndEllipsis() {
    String longText = "abcdefghijklmnopqrstuvwxyz";
    String s =
        ShowString.render(
            List.of("text"), List.<String[]>of(new String[] {longText}), 20, 20, false);
    assertThat(s)
        .isEqualTo(
            "+--------------------+\n"
                + "|                text|\n"
                + "+--------------------+\n"
                + "|abcdefghijklmnopq...|\n"
                + "+--------------------+\n");
    String whole =
        ShowString.render(
            List.of("text"), List.<String[]>of(new String[] {longText}), 20, 0, false);
    assertThat(whole).contains("|" + longText + "|");
    // truncate below 4 keeps only the first characters, without an ellipsis
    String tiny =
        ShowString.render(
            List.of("text"), List.<String[]>of(new String[] {longText}), 20, 3, false);
    assertThat(tiny).isEqualTo("+---+\n|tex|\n+---+\n|abc|\n+---+\n");
  }

  @Test
  void footerWhenMoreRowsThanShown() {
    String s = ShowString.render(HEADER, rows("1", "x", "2", "y", "3", "z"), 2, 20, false);
    assertThat(s)
        .isEqualTo(
            "+---+---+\n"
                + "|  a|  b|\n"
                + "+---+---+\n"
                + "|  1|  x|\n"
                + "|  2|  y|\n"
                + "+---+---+\n"
                + "only showing top 2 rows");
    String one = ShowString.render(HEADER, rows("1", "x", "2", "y"), 1, 20, false);
    assertThat(one).endsWith("+---+---+\nonly showing top 1 row");
  }

  @Test
  void emptyResultShowsHeaderOnly() {
    String s = ShowString.render(HEADER, List.of(), 20, 20, false);
    assertThat(s).isEqualTo("+---+---+\n|  a|  b|\n+---+---+\n+---+---+\n");
  }

  @Test
  void verticalRecords() {
    String s =
        ShowString.render(List.of("age", "name"), rows("1", "Alice", "NULL", "Bob"), 20, 20, true);
    assertThat(s)
        .isEqualTo(
            "-RECORD 0-----\n"
                + " age  | 1     \n"
                + " name | Alice \n"
                + "-RECORD 1-----\n"
                + " age  | NULL  \n"
                + " name | Bob   \n");
    assertThat(ShowString.render(List.of("age"), List.of(), 20, 20, true)).isEqualTo("(0 rows)");
    assertThat(
            ShowString.render(
                List.of("a"),
                List.<String[]>of(new String[] {"1"}, new String[] {"2"}),
                1,
                20,
                true))
        .isEqualTo("-RECORD 0--\n a   | 1   \nonly showing top 1 row");
  }

  @Test
  void fullWidthCharactersCountTwiceAndControlCharactersAreEscaped() {
    String s =
        ShowString.render(
            List.of("c"),
            List.<String[]>of(new String[] {"日本"}, new String[] {"a\nb"}),
            20,
            20,
            false);
    assertThat(s)
        .isEqualTo("+----+\n" + "|   c|\n" + "+----+\n" + "|日本|\n" + "|a\\nb|\n" + "+----+\n");
  }

  @Test
  void noColumnsAtAll() {
    assertThat(ShowString.render(List.of(), List.<String[]>of(new String[0]), 20, 20, false))
        .isEqualTo("++\n||\n++\n||\n++\n");
    assertThat(ShowString.render(List.of(), List.of(), 20, 20, false))
        .isEqualTo("++\n||\n++\n++\n");
  }
}
