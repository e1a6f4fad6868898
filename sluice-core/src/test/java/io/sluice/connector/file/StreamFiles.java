package io.sluice.connector.file;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files for streaming tests, placed atomically as a stream's input must be, and rows as text. */
final class StreamFiles {
  /** A fixed "now" for modification times, so ages do not depend on the clock. */
  static final long NOW = 1_700_000_000_000L;

  private StreamFiles() {}

  static Session session() {
    return Session.builder()
        .master("local[2]")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .create();
  }

  /**
   * Writes {@code lines} to {@code dir/name} through a hidden temporary file moved into place, with
   * modification time {@code mtime}.
   */
  static Path put(Path dir, String name, long mtime, String... lines) {
    try {
      Path target = dir.resolve(name);
      Files.createDirectories(target.getParent());
      Path tmp = target.getParent().resolve("." + target.getFileName() + ".tmp");
      Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      Files.setLastModifiedTime(tmp, FileTime.fromMillis(mtime));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows as {@code Row.toString()} texts, sorted. */
  static List<String> sorted(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(r.toString());
    out.sort(null);
    return out;
  }

  /** The rows as texts in the order collected. */
  static List<String> rows(DataFrame df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) out.add(r.toString());
    return out;
  }

  /** The names of the regular files under {@code dir} (relative paths), sorted. */
  static List<String> filesUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
