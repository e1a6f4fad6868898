package io.sluice.cli.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One conformance scenario folder: its spec and what Spark recorded under {@code expected/}. */
record Scenario(
    String name,
    Path dir,
    Map<String, Source> sources,
    Map<String, Static> statics,
    String query,
    String outputMode,
    List<List<String>> expectedSteps,
    List<Map<String, Object>> expectedMetrics,
    Map<String, Object> expectedError) {

  record Source(
      String schema,
      String watermarkColumn,
      String watermarkDelay,
      List<String> dropDuplicates,
      List<String> dropDuplicatesWithinWatermark,
      List<Path> batches) {}

  record Static(String schema, Path file) {}

  int numSteps() {
    int n = 0;
    for (Source s : sources.values()) n = Math.max(n, s.batches().size());
    return n;
  }

  @SuppressWarnings("unchecked")
  static Scenario load(Path dir) {
    Map<String, Object> spec = (Map<String, Object>) JsonTree.read(dir.resolve("spec.json"));
    Map<String, Source> sources = new LinkedHashMap<>();
    Map<String, Object> srcs = (Map<String, Object>) spec.getOrDefault("sources", Map.of());
    for (Map.Entry<String, Object> e : srcs.entrySet()) {
      Map<String, Object> s = (Map<String, Object>) e.getValue();
      Map<String, Object> wm = (Map<String, Object>) s.get("watermark");
      List<Path> batches = new ArrayList<>();
      for (Object b : (List<Object>) s.getOrDefault("batches", List.of())) {
        batches.add(dir.resolve((String) b));
      }
      sources.put(
          e.getKey(),
          new Source(
              (String) s.get("schema"),
              wm == null ? null : (String) wm.get("column"),
              wm == null ? null : (String) wm.get("delay"),
              (List<String>) (List<?>) s.get("dropDuplicates"),
              (List<String>) (List<?>) s.get("dropDuplicatesWithinWatermark"),
              batches));
    }
    Map<String, Static> statics = new LinkedHashMap<>();
    Map<String, Object> st = (Map<String, Object>) spec.getOrDefault("static", Map.of());
    for (Map.Entry<String, Object> e : st.entrySet()) {
      Map<String, Object> s = (Map<String, Object>) e.getValue();
      statics.put(
          e.getKey(), new Static((String) s.get("schema"), dir.resolve((String) s.get("file"))));
    }
    Path expected = dir.resolve("expected");
    List<List<String>> steps = new ArrayList<>();
    for (int i = 0; Files.exists(expected.resolve("step-" + i + ".jsonl")); i++) {
      try {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(expected.resolve("step-" + i + ".jsonl"))) {
          if (!l.isBlank()) lines.add(l.trim());
        }
        steps.add(lines);
      } catch (java.io.IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    }
    List<Map<String, Object>> metrics = new ArrayList<>();
    if (Files.exists(expected.resolve("metrics.json"))) {
      Map<String, Object> m = (Map<String, Object>) JsonTree.read(expected.resolve("metrics.json"));
      for (Object s : (List<Object>) m.getOrDefault("steps", List.of())) {
        metrics.add((Map<String, Object>) s);
      }
    }
    Map<String, Object> error =
        Files.exists(expected.resolve("error.json"))
            ? (Map<String, Object>) JsonTree.read(expected.resolve("error.json"))
            : null;
    return new Scenario(
        dir.getFileName().toString(),
        dir,
        sources,
        statics,
        (String) spec.get("query"),
        (String) spec.get("outputMode"),
        steps,
        metrics,
        error);
  }
}
