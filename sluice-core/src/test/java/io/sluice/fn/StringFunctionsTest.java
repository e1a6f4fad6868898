package io.sluice.fn;

import static io.sluice.functions.call_function;
import static io.sluice.functions.col;
import static io.sluice.functions.lower;
import static io.sluice.functions.upper;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.StructType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The string functions through the whole engine: registry, coercion, kernel, names. */
class StringFunctionsTest {
  private static Session session;
  private static DataFrame words;

  @BeforeAll
  static void start() {
    session = Session.builder().master("local[2]").create();
    words = session.createDataFrame(
        Arrays.asList(RowFactory.create("Hello", 1), RowFactory.create("straße ÉTÉ", 2),
            RowFactory.create(null, 3)),
        StructType.fromDDL("s STRING, n INT"));
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void upperAndLowerMapAsciiAndUnicode() {
    List<Row> rows = words.select(upper(col("s")), lower(col("s"))).collectAsList();
    assertThat(rows).containsExactly(
        RowFactory.create("HELLO", "hello"),
        RowFactory.create("STRASSE ÉTÉ", "straße été"),
        RowFactory.create(null, null));
    assertThat(words.select(upper(col("s"))).columns()).containsExactly("upper(s)");
  }

  @Test
  void argumentsAreCoercedToStringAndAliasesKeepTheirName() {
    DataFrame df = words.select(call_function("ucase", col("n")));
    assertThat(df.columns()).containsExactly("ucase(n)");
    assertThat(df.collectAsList()).containsExactly(
        RowFactory.create("1"), RowFactory.create("2"), RowFactory.create("3"));
  }
}
