package io.sluice.bench.workload;

import io.sluice.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Parquet copy of the event part files: one snappy Parquet file per JSON file, in the same order
 * (so a stream reads the same events per trigger), written by Sluice's batch writer once.
 */
final class ParquetEvents {
  private ParquetEvents() {}

  /** {@code target}, filled from {@code jsonDir} unless it already holds one file per JSON file. */
  static Path ensure(Session session, Path jsonDir, Path target) throws IOException {
    List<Path> json = list(jsonDir, ".json");
    if (json.isEmpty()) json = list(jsonDir, ".jsonl");
    if (json.isEmpty()) throw new IllegalArgumentException("no JSON part files in " + jsonDir);
    if (Files.isDirectory(target) && list(target, ".parquet").size() == json.size()) return target;
    Sessions.deleteRecursively(target);
    Files.createDirectories(target);
    Path staging = target.resolveSibling(".events-parquet-staging");
    long t0 = System.nanoTime();
    for (Path f : json) {
      Sessions.deleteRecursively(staging);
      session
          .read()
          .schema(EventInput.EVENTS)
          .json(f.toString())
          .coalesce(1)
          .write()
          .parquet(staging.toString());
      List<Path> written = list(staging, ".parquet");
      if (written.size() != 1) throw new IllegalStateException("expected one file: " + written);
      String name = f.getFileName().toString().replaceFirst("\\.jsonl?$", "") + ".parquet";
      Files.move(written.get(0), target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
    Sessions.deleteRecursively(staging);
    System.out.printf(
        "converted %d JSON part files to Parquet in %s in %.1f s%n",
        json.size(), target, (System.nanoTime() - t0) / 1e9);
    return target;
  }

  static List<Path> list(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }
}
