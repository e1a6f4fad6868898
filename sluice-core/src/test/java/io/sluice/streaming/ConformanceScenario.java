package io.sluice.streaming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.DataFrame;
import io.sluice.Session;
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
import java.util.stream.Stream;

/**
 * One folder of {@code src/test/resources/conformance} (format in its README): the views a query
 * reads, the query, its output mode and, when Spark refused it, the error Spark raised.
 */
record ConformanceScenario(
    String name,
    Map<String, Source> sources,
    Map<String, String> staticSchemas,
    String query,
    OutputMode outputMode,
    ExpectedError error) {

  /** A streaming view: its schema, optional watermark and deduplication. */
  record Source(
      String schema,
      String watermarkColumn,
      String watermarkDelay,
      List<String> dropDuplicates,
      List<String> dropDuplicatesWithinWatermark) {}

  /** {@code expected/error.json}: the phase Spark failed in, its error class and message. */
  record ExpectedError(String phase, String errorClass, String message) {
    boolean legacy() {
      return errorClass != null && errorClass.startsWith("_LEGACY_ERROR_TEMP_");
    }
  }

  /** Every scenario folder, by name. */
  static List<ConformanceScenario> all() {
    try {
      Path root = Path.of(ConformanceScenario.class.getResource("/conformance").toURI());
      List<ConformanceScenario> out = new ArrayList<>();
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path dir : dirs.sorted().toList()) {
          if (Files.exists(dir.resolve("spec.json"))) out.add(read(dir));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Registers the scenario's views in {@code session} as the recording runner did: each streaming
   * view a {@link MemoryStream} of its schema with its watermark and deduplication, each static
   * view an empty batch DataFrame of its schema.
   */
  void registerViews(Session session) {
    for (Map.Entry<String, Source> e : sources.entrySet()) {
      Source s = e.getValue();
      DataFrame df = MemoryStream.of(session, s.schema()).toDF();
      if (s.watermarkColumn() != null)
        df = df.withWatermark(s.watermarkColumn(), s.watermarkDelay());
      if (!s.dropDuplicates().isEmpty()) df = df.dropDuplicates(s.dropDuplicates());
      if (!s.dropDuplicatesWithinWatermark().isEmpty()) {
        df = df.dropDuplicatesWithinWatermark(s.dropDuplicatesWithinWatermark());
      }
      df.createOrReplaceTempView(e.getKey());
    }
    for (Map.Entry<String, String> e : staticSchemas.entrySet()) {
      session
          .createDataFrame(List.of(), StructType.fromDDL(e.getValue()))
          .createOrReplaceTempView(e.getKey());
    }
  }

  @SuppressWarnings("unchecked")
  private static ConformanceScenario read(Path dir) throws IOException {
    Map<String, Object> spec = (Map<String, Object>) parse(dir.resolve("spec.json"));
    Map<String, Source> sources = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(spec.get("sources")).entrySet()) {
      Map<String, Object> s = map(e.getValue());
      Map<String, Object> wm = s.get("watermark") == null ? null : map(s.get("watermark"));
      sources.put(
          e.getKey(),
          new Source(
              (String) s.get("schema"),
              wm == null ? null : (String) wm.get("column"),
              wm == null ? null : (String) wm.get("delay"),
              strings(s.get("dropDuplicates")),
              strings(s.get("dropDuplicatesWithinWatermark"))));
    }
    Map<String, String> statics = new LinkedHashMap<>();
    if (spec.get("static") != null) {
      for (Map.Entry<String, Object> e : map(spec.get("static")).entrySet()) {
        statics.put(e.getKey(), (String) map(e.getValue()).get("schema"));
      }
    }
    ExpectedError error = null;
    Path errorFile = dir.resolve("expected/error.json");
    if (Files.exists(errorFile)) {
      Map<String, Object> err = (Map<String, Object>) parse(errorFile);
      error =
          new ExpectedError(
              (String) err.get("phase"),
              (String) err.get("errorClass"),
              (String) err.get("message"));
    }
    return new ConformanceScenario(
        dir.getFileName().toString(),
        sources,
        statics,
        (String) spec.get("query"),
        OutputMode.fromString((String) spec.get("outputMode")),
        error);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object x : l) out.add((String) x);
    }
    return out;
  }

  /** The JSON value of a file as maps, lists, strings, numbers, booleans and nulls. */
  private static Object parse(Path file) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      return value(p, p.nextToken());
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String field = p.currentName();
          m.put(field, value(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
          l.add(value(p, v));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.getNumberValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("Unexpected JSON token " + t);
    }
  }
}
