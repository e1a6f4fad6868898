package io.sluice.connector.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.sluice.streaming.checkpoint.CheckpointFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * A log of file entries by batch, as Spark's compactible metadata logs: each batch is one
 * write-once file named by its id ({@code 0}, {@code 1}...) holding the version line {@code v1} and
 * one JSON object per entry; every {@code compactInterval} batches, the batch is written as {@code
 * <id>.compact} holding the entries of every batch so far (those the owner retains), and the files
 * before the previous compaction are deleted, so the directory holds at most about two intervals of
 * files. Files are written atomically (a hidden temporary file renamed into place).
 *
 * <p>Not thread-safe: one writer; readers in other processes see whole files only.
 */
abstract class CompactibleFileLog<E> {
  static final String VERSION = "v1";
  static final String COMPACT_SUFFIX = ".compact";
  private static final JsonFactory JSON = new JsonFactory();
  private static final int READ_ATTEMPTS = 3;

  private final Path dir;
  private final int compactInterval;
  private final boolean fsync;
  private final boolean deleteObsolete;
  private final long cleanupDelayMs;
  private final LongSupplier clock;

  /**
   * @param compactInterval every how many batches to compact; 0 or less never compacts
   */
  CompactibleFileLog(Path dir, int compactInterval, boolean fsync) {
    this(dir, compactInterval, fsync, true, 0, System::currentTimeMillis);
  }

  /**
   * @param deleteObsolete whether to delete the files before the previous compaction
   * @param cleanupDelayMs how old (by modification time) such a file must be to be deleted
   * @param clock the current time in ms
   */
  CompactibleFileLog(
      Path dir,
      int compactInterval,
      boolean fsync,
      boolean deleteObsolete,
      long cleanupDelayMs,
      LongSupplier clock) {
    this.dir = dir;
    this.compactInterval = compactInterval;
    this.fsync = fsync;
    this.deleteObsolete = deleteObsolete;
    this.cleanupDelayMs = cleanupDelayMs;
    this.clock = clock;
  }

  /** Writes one entry as a JSON object. */
  abstract void write(JsonGenerator g, E entry) throws IOException;

  /**
   * Reads one entry from its JSON fields (scalar values as text, null as null); throws {@link
   * IllegalArgumentException} saying what is wrong.
   */
  abstract E read(Map<String, String> fields);

  /** The error for a log file that cannot be used. */
  abstract RuntimeException corrupt(Path file, String reason);

  Path directory() {
    return dir;
  }

  /** The ids of the batch files and of the compaction files present. */
  record Ids(NavigableSet<Long> deltas, NavigableSet<Long> compacts) {
    /** The highest batch id, -1 when the log is empty. */
    long latest() {
      long d = deltas.isEmpty() ? -1 : deltas.last();
      long c = compacts.isEmpty() ? -1 : compacts.last();
      return Math.max(d, c);
    }

    boolean contains(long id) {
      return deltas.contains(id) || compacts.contains(id);
    }
  }

  Ids ids() {
    TreeSet<Long> deltas = new TreeSet<>();
    TreeSet<Long> compacts = new TreeSet<>();
    if (!Files.isDirectory(dir)) return new Ids(deltas, compacts);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        String n = p.getFileName().toString();
        boolean compact = n.endsWith(COMPACT_SUFFIX);
        String id = compact ? n.substring(0, n.length() - COMPACT_SUFFIX.length()) : n;
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) continue;
        (compact ? compacts : deltas).add(Long.parseLong(id));
      }
    } catch (IOException e) {
      throw CheckpointFiles.ioError("list", dir, e);
    }
    return new Ids(deltas, compacts);
  }

  /** The modification time of the log's latest file (ms), -1 when the log is empty. */
  long latestModificationTime() {
    Ids ids = ids();
    long latest = ids.latest();
    if (latest < 0) return -1;
    Path p = ids.compacts().contains(latest) ? compactFile(latest) : deltaFile(latest);
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The highest batch id in the log, -1 when it is empty. */
  long latestBatchId() {
    return ids().latest();
  }

  boolean isCompactionBatch(long batchId) {
    return compactInterval > 0 && (batchId + 1) % compactInterval == 0;
  }

  /**
   * Writes the entries of {@code batchId}; on a compaction batch together with every earlier entry
   * that {@code retain} keeps. Returns false, writing nothing, when the batch is already in the
   * log.
   */
  boolean add(long batchId, List<E> entries, UnaryOperator<List<E>> retain) {
    Ids ids = ids();
    if (ids.contains(batchId)) return false;
    if (!isCompactionBatch(batchId)) {
      return CheckpointFiles.writeAtomically(deltaFile(batchId), text(entries), false, fsync);
    }
    List<E> all;
    try {
      all = new ArrayList<>(entries(ids, batchId - 1));
    } catch (UncheckedIOException e) {
      throw corrupt(dir, "a log file listed a moment ago is gone: " + e.getCause().getMessage());
    }
    all.addAll(entries);
    Path target = compactFile(batchId);
    if (!CheckpointFiles.writeAtomically(target, text(retain.apply(all)), false, fsync)) {
      return false;
    }
    Long previous = ids.compacts().lower(batchId);
    if (previous != null) deleteBefore(ids, previous);
    return true;
  }

  /** Every entry of the log: the latest compaction's and those of the batches after it. */
  List<E> all() {
    for (int attempt = 1; ; attempt++) {
      try {
        return entries(ids(), Long.MAX_VALUE);
      } catch (UncheckedIOException e) {
        // a writer compacted and deleted a file between our listing and reading: list again
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == READ_ATTEMPTS) {
          throw CheckpointFiles.ioError("read", dir, e.getCause());
        }
      }
    }
  }

  /** The entries of the latest compaction at or before {@code upTo} and of the batches after. */
  List<E> entries(Ids ids, long upTo) {
    Long compact = ids.compacts().floor(upTo);
    List<E> out = new ArrayList<>();
    if (compact != null) out.addAll(readFile(compactFile(compact)));
    long from = compact == null ? Long.MIN_VALUE : compact + 1;
    if (from <= upTo) {
      for (long id : ids.deltas().subSet(from, true, upTo, true)) {
        out.addAll(readFile(deltaFile(id)));
      }
    }
    return out;
  }

  Path deltaFile(long batchId) {
    return dir.resolve(Long.toString(batchId));
  }

  Path compactFile(long batchId) {
    return dir.resolve(batchId + COMPACT_SUFFIX);
  }

  /**
   * The entries of one log file. A missing file raises {@link UncheckedIOException} over {@link
   * NoSuchFileException}; a file that is not a log file raises {@link #corrupt}.
   */
  List<E> readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw corrupt(file, "it is not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(e);
    } catch (IOException e) {
      throw CheckpointFiles.ioError("read", file, e);
    }
    String[] lines = text.split("\n", -1);
    checkVersion(file, lines[0]);
    List<E> out = new ArrayList<>(lines.length);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) continue;
      try {
        out.add(read(fields(line)));
      } catch (IOException | IllegalArgumentException e) {
        throw corrupt(file, "line " + (i + 1) + " is not a valid entry: " + e.getMessage());
      }
    }
    return out;
  }

  private void checkVersion(Path file, String line) {
    String v = line.trim();
    int version;
    try {
      version = v.startsWith("v") ? Integer.parseInt(v.substring(1)) : -1;
    } catch (NumberFormatException e) {
      version = -1;
    }
    if (version < 1) {
      throw corrupt(file, "the first line must be the log version 'v1', found '" + v + "'");
    }
    if (version > 1) {
      throw corrupt(file, "log version " + v + " is newer than this Sluice supports (v1)");
    }
  }

  private static Map<String, String> fields(String line) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          p.skipChildren();
          out.put(key, null);
        } else {
          out.put(key, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("trailing text after the JSON object");
      }
    }
    return out;
  }

  private String text(List<E> entries) {
    StringWriter out = new StringWriter();
    out.write(VERSION);
    out.write('\n');
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(new SerializedString("\n"));
      for (E e : entries) write(g, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!entries.isEmpty()) out.write('\n');
    return out.toString();
  }

  /**
   * Deletes the files of batches before {@code id} that are older than the cleanup delay (younger
   * ones go at a later compaction); a file that cannot be deleted stays.
   */
  private void deleteBefore(Ids ids, long id) {
    if (!deleteObsolete) return;
    long expiredBefore = clock.getAsLong() - cleanupDelayMs;
    for (long d : ids.deltas().headSet(id, false)) deleteIfExpired(deltaFile(d), expiredBefore);
    for (long c : ids.compacts().headSet(id, false)) {
      deleteIfExpired(compactFile(c), expiredBefore);
    }
  }

  private static void deleteIfExpired(Path p, long expiredBefore) {
    try {
      if (Files.getLastModifiedTime(p).toMillis() > expiredBefore) return;
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // an old log file left behind is harmless: readers start at the latest compaction
    }
  }

  /** A required long field. */
  static long longField(Map<String, String> f, String key) {
    String v = f.get(key);
    if (v == null) throw new IllegalArgumentException("it has no '" + key + "'");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + key + "' must be a number, found " + v);
    }
  }

  /** A required string field. */
  static String stringField(Map<String, String> f, String key) {
    String v = f.get(key);
    if (v == null || v.isEmpty()) throw new IllegalArgumentException("it has no '" + key + "'");
    return v;
  }
}
