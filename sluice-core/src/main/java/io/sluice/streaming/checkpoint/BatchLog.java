package io.sluice.streaming.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A directory of write-once entries named by batch id ({@code offsets/0}, {@code offsets/1}...),
 * each a text file whose first line is the format version {@code v1}, as Spark's metadata logs.
 * Entries are written atomically; an entry for an id is never replaced.
 */
abstract class BatchLog<T> {
  static final String VERSION = "v1";

  private final Path dir;
  private final boolean fsync;

  BatchLog(Path dir, boolean fsync) {
    this.dir = dir;
    this.fsync = fsync;
  }

  public Path directory() {
    return dir;
  }

  /** The entry's text after the version line. */
  abstract String serialize(T entry);

  /** Reads the text after the version line; throws with a reason the caller puts in its error. */
  abstract T deserialize(String body, Path file);

  /** Writes the entry of {@code batchId}; false (nothing written) when it already exists. */
  public boolean add(long batchId, T entry) {
    return CheckpointFiles.writeAtomically(
        file(batchId), VERSION + "\n" + serialize(entry), false, fsync);
  }

  /** The entry of {@code batchId}, or null when there is none. */
  public T get(long batchId) {
    Path f = file(batchId);
    if (!Files.exists(f)) return null;
    String text = CheckpointFiles.read(f);
    int nl = text.indexOf('\n');
    String version = nl < 0 ? text : text.substring(0, nl);
    if (!version.startsWith("v")) {
      throw CheckpointFiles.corrupt(f, "the first line must be the log version 'v1'");
    }
    int v;
    try {
      v = Integer.parseInt(version.substring(1).trim());
    } catch (NumberFormatException e) {
      throw CheckpointFiles.corrupt(f, "the first line must be the log version 'v1'");
    }
    if (v > 1) {
      throw CheckpointFiles.corrupt(
          f, "log version " + version + " is newer than this Sluice supports (v1)");
    }
    return deserialize(nl < 0 ? "" : text.substring(nl + 1), f);
  }

  /** The highest batch id with an entry. */
  public OptionalLong latestBatchId() {
    List<Long> ids = batchIds();
    return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(ids.size() - 1));
  }

  /** Every batch id with an entry, ascending. */
  public List<Long> batchIds() {
    List<Long> ids = new ArrayList<>();
    if (!Files.isDirectory(dir)) return ids;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String n = p.getFileName().toString();
        if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) ids.add(Long.parseLong(n));
      }
    } catch (IOException e) {
      throw CheckpointFiles.ioError("list", dir, e);
    }
    ids.sort(null);
    return ids;
  }

  /** Deletes every entry below {@code thresholdBatchId}. */
  public void purge(long thresholdBatchId) {
    for (long id : batchIds()) {
      if (id >= thresholdBatchId) break;
      try {
        Files.deleteIfExists(file(id));
      } catch (IOException e) {
        throw CheckpointFiles.ioError("delete", file(id), e);
      }
    }
  }

  Path file(long batchId) {
    return dir.resolve(Long.toString(batchId));
  }
}
