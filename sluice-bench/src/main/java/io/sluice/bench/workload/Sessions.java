package io.sluice.bench.workload;

import io.sluice.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The session every workload runs in, set up as WORKLOADS.md prescribes, and temp cleanup. */
final class Sessions {
  private Sessions() {}

  /**
   * {@code local[2]} (or {@code --master}), 2 shuffle partitions, session time zone UTC, plus the
   * {@code --conf key=value} settings and {@code extra}.
   */
  static Session create(String appName, Args args, Map<String, String> extra) {
    Session.Builder b =
        Session.builder()
            .appName(appName)
            .master(args.get("master", "local[2]"))
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC");
    extra.forEach(b::config);
    args.conf().forEach(b::config);
    return b.create();
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) Files.deleteIfExists(p);
    }
  }
}
