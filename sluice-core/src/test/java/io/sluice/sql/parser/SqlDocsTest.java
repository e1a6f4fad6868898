package io.sluice.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/sql.md is generated: it cannot drift from the grammar and the function registry. */
class SqlDocsTest {
  private static final Path DOC = Path.of("..", "docs", "sql.md");

  @Test
  void docsAreUpToDate() throws IOException {
    String generated = SqlDocs.generate();
    if (Boolean.getBoolean("sluice.docs.regenerate")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .as(
            "docs/sql.md is out of date; regenerate it with: mvn -q -B -pl sluice-core test"
                + " -Dtest=SqlDocsTest -Dsluice.docs.regenerate=true")
        .isEqualTo(generated);
  }

  @Test
  void commonNamesAreNonReservedAndClauseWordsReserved() {
    assertThat(SqlDocs.keywords()).contains("SELECT", "YEAR", "INTERVAL");
    assertThat(SqlDocs.isName("year")).isTrue();
    assertThat(SqlDocs.isName("comment")).isTrue();
    assertThat(SqlDocs.isName("from")).isFalse();
    assertThat(SqlDocs.isName("join")).isFalse();
  }
}
