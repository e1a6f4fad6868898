package io.sluice.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the shared generator {@code EventGen.java} (a single-file program) in a child JVM. */
final class EventGen {
  private static final String RELATIVE = "shared/bench/EventGen.java";

  private EventGen() {}

  /**
   * {@code explicit} when given, else {@code $SLUICE_EVENTGEN}, else {@code
   * shared/bench/EventGen.java} in the working directory or one of its parents (the project's
   * {@code ../shared/bench}).
   */
  static Path locate(String explicit) {
    String given = explicit != null ? explicit : System.getenv("SLUICE_EVENTGEN");
    if (given != null) {
      Path p = Path.of(given);
      if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no EventGen at " + p);
      return p;
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve(RELATIVE);
      if (Files.isRegularFile(p)) return p;
    }
    throw new IllegalArgumentException(
        "cannot find "
            + RELATIVE
            + " above the working directory; pass --eventgen PATH"
            + " or --input DIR");
  }

  static void run(Path eventGen, Path out, long events, long files, long seed)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                eventGen.toString(),
                "--mode",
                "all",
                "--events",
                Long.toString(events),
                "--seed",
                Long.toString(seed),
                "--files",
                Long.toString(files),
                "--out",
                out.toString(),
                "--quiet")
            .inheritIO()
            .start();
    if (p.waitFor() != 0) throw new IOException("EventGen failed with exit code " + p.exitValue());
  }
}
