package io.sluice;

import static io.sluice.Answers.check;
import static io.sluice.Answers.row;
import static io.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.types.StructType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Joins of every type, by condition and by column names, end to end. */
class JoinTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session =
        Session.builder().master("local[2]").config("spark.sql.shuffle.partitions", "3").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  static DataFrame left() {
    return session.createDataFrame(
        List.of(row(1, "a"), row(2, "b"), row(3, "c"), row(null, "n")),
        StructType.fromDDL("id INT, l STRING"));
  }

  static DataFrame right() {
    return session.createDataFrame(
        List.of(row(2, "x"), row(3, "y"), row(3, "z"), row(4, "w")),
        StructType.fromDDL("id INT, r STRING"));
  }

  @Test
  void usingColumnJoinsKeepOneKey() {
    DataFrame inner = left().join(right(), "id");
    assertThat(inner.columns()).containsExactly("id", "l", "r");
    check(inner, row(2, "b", "x"), row(3, "c", "y"), row(3, "c", "z"));
    check(
        left().join(right(), List.of("id"), "left"),
        row(1, "a", null),
        row(2, "b", "x"),
        row(3, "c", "y"),
        row(3, "c", "z"),
        row(null, "n", null));
    check(
        left().join(right(), new String[] {"id"}, "right_outer"),
        row(2, "b", "x"),
        row(3, "c", "y"),
        row(3, "c", "z"),
        row(4, null, "w"));
    check(
        left().join(right(), "id", "full"),
        row(1, "a", null),
        row(2, "b", "x"),
        row(3, "c", "y"),
        row(3, "c", "z"),
        row(4, null, "w"),
        row(null, "n", null));
    check(left().join(right(), "id", "semi"), row(2, "b"), row(3, "c"));
    check(left().join(right(), "id", "left_anti"), row(1, "a"), row(null, "n"));
  }

  @Test
  void conditionJoinsOfEveryType() {
    DataFrame l = left();
    DataFrame r = right();
    Column on = l.col("id").equalTo(r.col("id"));
    DataFrame inner = l.join(r, on);
    assertThat(inner.columns()).containsExactly("id", "l", "id", "r");
    check(inner, row(2, "b", 2, "x"), row(3, "c", 3, "y"), row(3, "c", 3, "z"));
    check(
        l.join(r, on, "leftouter"),
        row(1, "a", null, null),
        row(2, "b", 2, "x"),
        row(3, "c", 3, "y"),
        row(3, "c", 3, "z"),
        row(null, "n", null, null));
    check(
        l.join(r, on, "right"),
        row(2, "b", 2, "x"),
        row(3, "c", 3, "y"),
        row(3, "c", 3, "z"),
        row(null, null, 4, "w"));
    check(
        l.join(r, on, "outer"),
        row(1, "a", null, null),
        row(2, "b", 2, "x"),
        row(3, "c", 3, "y"),
        row(3, "c", 3, "z"),
        row(null, "n", null, null),
        row(null, null, 4, "w"));
    check(l.join(r, on, "leftsemi"), row(2, "b"), row(3, "c"));
    check(l.join(r, on, "anti"), row(1, "a"), row(null, "n"));
    check(
        l.join(r, l.col("id").lt(r.col("id")).and(r.col("r").equalTo("w")), "inner")
            .select(l.col("l")),
        row("a"),
        row("b"),
        row("c"));
    check(l.join(r, on).select(l.col("id"), r.col("r")), row(2, "x"), row(3, "y"), row(3, "z"));
  }

  @Test
  void crossJoinsPairEveryRow() {
    assertThat(left().crossJoin(right()).count()).isEqualTo(16);
    assertThat(left().join(right()).count()).isEqualTo(16);
    assertThat(left().join(right(), col("l").equalTo("a"), "cross").count()).isEqualTo(4);
  }

  @Test
  void selfJoins() {
    DataFrame df = left();
    DataFrame trivially = df.join(df, df.col("id").equalTo(df.col("id")));
    assertThat(trivially.count()).isEqualTo(3);
    DataFrame aliased =
        df.as("a")
            .join(df.as("b"), col("a.id").equalTo(col("b.id")))
            .select(col("a.l"), col("b.l").as("l2"));
    check(aliased, row("a", "a"), row("b", "b"), row("c", "c"));
    check(df.join(df, "id").select("id"), row(1), row(2), row(3));
  }
}
