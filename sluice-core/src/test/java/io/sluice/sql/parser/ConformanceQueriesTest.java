package io.sluice.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.Session;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code query} of the conformance scenarios (copied from the shared folder into
 * src/test/resources/conformance) parses and analyzes against its views' schemas, giving the
 * columns Spark gave ({@code expected/schema.json}: names, types, nullability).
 */
class ConformanceQueriesTest {

  /** A scenario's query and the schemas of its views (streaming and static). */
  record Spec(String name, String query, Map<String, String> schemas, Path dir) {}

  /** One output column as Spark analysed the query. */
  record ExpectedColumn(String name, String type, boolean nullable) {}

  static List<Spec> specs() {
    try {
      Path root = Path.of(ConformanceQueriesTest.class.getResource("/conformance").toURI());
      List<Spec> out = new ArrayList<>();
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path dir : dirs.sorted().toList()) {
          Path spec = dir.resolve("spec.json");
          if (Files.exists(spec)) out.add(read(dir.getFileName().toString(), spec, dir));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@code query} and every {@code schema} under {@code sources} and {@code static}. */
  private static Spec read(String name, Path file, Path dir) throws IOException {
    String query = null;
    Map<String, String> schemas = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      List<String> path = new ArrayList<>();
      String field = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> field = p.currentName();
          case START_OBJECT, START_ARRAY -> {
            path.add(field);
            field = null;
          }
          case END_OBJECT, END_ARRAY -> path.remove(path.size() - 1);
          case VALUE_STRING -> {
            if (path.size() == 1 && "query".equals(field)) query = p.getText();
            if (path.size() == 3 && "schema".equals(field)) {
              schemas.put(path.get(2), p.getText());
            }
          }
          default -> {}
        }
      }
    }
    return new Spec(name, query, schemas, dir);
  }

  /** The columns of {@code expected/schema.json}, or null when the scenario has none. */
  static List<ExpectedColumn> expectedColumns(Spec s) {
    Path file = s.dir().resolve("expected").resolve("schema.json");
    if (!Files.exists(file)) return null;
    List<ExpectedColumn> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      String field = null;
      String name = null;
      String type = null;
      Boolean nullable = null;
      int depth = 0;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case START_OBJECT -> {
            depth++;
            name = null;
            type = null;
            nullable = null;
          }
          case END_OBJECT -> {
            if (depth == 2 && name != null) out.add(new ExpectedColumn(name, type, nullable));
            depth--;
          }
          case FIELD_NAME -> field = p.currentName();
          case VALUE_STRING -> {
            if (depth == 2 && "name".equals(field)) name = p.getText();
            if (depth == 2 && "type".equals(field)) type = p.getText();
          }
          case VALUE_TRUE, VALUE_FALSE -> {
            if (depth == 2 && "nullable".equals(field)) nullable = t == JsonToken.VALUE_TRUE;
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void everyQueryParses() {
    List<Spec> specs = specs();
    assertThat(specs).hasSizeGreaterThanOrEqualTo(39);
    SqlParser parser = new SqlParser();
    for (Spec s : specs) {
      assertThat(s.query()).as(s.name()).isNotBlank();
      assertThat(parser.parseStatement(s.query())).as(s.name()).isInstanceOf(Statement.Query.class);
    }
  }

  @Test
  void everyQueryAnalyzesToTheColumnsSparkGave() {
    Map<String, String> failures = new TreeMap<>();
    int compared = 0;
    try (Session spark = Session.builder().master("local[1]").create()) {
      for (Spec s : specs()) {
        Session session = spark.newSession();
        s.schemas()
            .forEach(
                (view, ddl) ->
                    session
                        .createDataFrame(List.of(), StructType.fromDDL(ddl))
                        .createOrReplaceTempView(view));
        StructType schema;
        try {
          schema = session.sql(s.query()).schema();
        } catch (RuntimeException e) {
          failures.put(s.name(), e.getMessage());
          continue;
        }
        List<ExpectedColumn> expected = expectedColumns(s);
        if (expected == null) continue;
        compared++;
        List<ExpectedColumn> actual = new ArrayList<>();
        for (StructField f : schema.fields()) {
          actual.add(new ExpectedColumn(f.name(), f.dataType().simpleString(), f.nullable()));
        }
        if (!actual.equals(expected)) failures.put(s.name(), actual + " but Spark: " + expected);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(compared).isGreaterThanOrEqualTo(39);
  }
}
