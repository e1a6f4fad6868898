package io.sluice;

import static io.sluice.Answers.check;
import static io.sluice.Answers.row;
import static io.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.types.DataTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session.read()} end to end with the JSON source. */
class DataFrameReaderTest {
  private static Session session;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void readsJsonWithAGivenSchema(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("people.json");
    Files.writeString(f, "{\"name\":\"ann\",\"age\":31}\n{\"name\":\"bob\"}\n");
    DataFrame df = session.read().schema("name STRING, age INT").json(f.toString());
    assertThat(df.columns()).containsExactly("name", "age");
    check(df, row("ann", 31), row("bob", null));
    check(
        session
            .read()
            .format("json")
            .schema("name STRING, age INT")
            .option("path", f.toString())
            .load()
            .filter(col("age").isNotNull()),
        row("ann", 31));
  }

  @Test
  void infersTheSchemaWhenNoneIsGiven(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.json");
    Files.writeString(f, "{\"a\":1,\"b\":\"x\"}\n");
    DataFrame df = session.read().json(f.toString());
    assertThat(df.schema().apply("a").dataType()).isEqualTo(DataTypes.LongType);
    check(df.select("a", "b"), row(1L, "x"));
  }

  @Test
  void unknownFormatAndConflictingPathsFail(@TempDir Path dir) {
    assertThatThrownBy(() -> session.read().format("nosuchformat").load("x"))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_OPTION_VALUE"));
    assertThatThrownBy(
            () -> session.read().format("json").option("PATH", dir.toString()).load(dir.toString()))
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("UNSUPPORTED_DATA_SOURCE_PATHS"));
  }
}
