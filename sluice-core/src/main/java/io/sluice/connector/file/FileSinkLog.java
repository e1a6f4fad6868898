package io.sluice.connector.file;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of a file sink's output directory, {@code <dir>/_sluice_metadata/<batchId>}: the
 * data files each committed batch wrote, one {@code {"path":"<relative
 * path>","size":n,"modificationTime":ms,"action":"add"}} per line (paths relative to the output
 * directory). It plays the part of Spark's {@code _spark_metadata}: a batch counts once its entry
 * exists, and readers of the directory read only the files listed, so the files of a batch that
 * failed half-way are never seen.
 */
public final class FileSinkLog extends CompactibleFileLog<FileSinkLog.Entry> {
  /** The name of the manifest directory inside an output directory. */
  public static final String DIRECTORY = "_sluice_metadata";

  static final String ADD = "add";
  static final String DELETE = "delete";

  /** One data file of a batch. */
  public record Entry(String path, long size, long modificationTime, String action) {}

  private final Path table;

  FileSinkLog(Path table, int compactInterval, boolean fsync) {
    super(table.resolve(DIRECTORY), compactInterval, fsync);
    this.table = table;
  }

  /** A sink's log, deleting obsolete log files {@code cleanupDelayMs} after a compaction. */
  FileSinkLog(
      Path table, int compactInterval, boolean fsync, boolean deletion, long cleanupDelayMs) {
    super(
        table.resolve(DIRECTORY),
        compactInterval,
        fsync,
        deletion,
        cleanupDelayMs,
        System::currentTimeMillis);
    this.table = table;
  }

  /** The output directory. */
  Path table() {
    return table;
  }

  /** The files the log lists now (added and not deleted since), as entries. */
  List<Entry> live() {
    Map<String, Entry> files = new LinkedHashMap<>();
    for (Entry e : all()) {
      if (e.action().equals(DELETE)) {
        files.remove(e.path());
      } else {
        files.put(e.path(), e);
      }
    }
    return new ArrayList<>(files.values());
  }

  /** True when {@code dir} is the output directory of a file sink (it has a manifest). */
  public static boolean exists(Path dir) {
    return Files.isDirectory(dir.resolve(DIRECTORY));
  }

  /**
   * The data files the manifest of output directory {@code dir} lists, in the order written, with
   * the size and modification time recorded.
   */
  public static List<SourceFile> files(Path dir) {
    Map<Path, SourceFile> files = new LinkedHashMap<>();
    for (Entry e : new FileSinkLog(dir, 0, false).all()) {
      Path p = dir.resolve(e.path()).normalize();
      if (e.action().equals(DELETE)) {
        files.remove(p);
      } else {
        files.put(p, new SourceFile(p, e.size(), e.modificationTime()));
      }
    }
    return new ArrayList<>(files.values());
  }

  /** The entry of a data file written under the output directory. */
  Entry entryOf(Path file, long size, long modificationTime) {
    String relative =
        table.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    return new Entry(relative, size, modificationTime, ADD);
  }

  @Override
  void write(JsonGenerator g, Entry e) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", e.path());
    g.writeNumberField("size", e.size());
    g.writeNumberField("modificationTime", e.modificationTime());
    g.writeStringField("action", e.action());
    g.writeEndObject();
  }

  @Override
  Entry read(Map<String, String> f) {
    String path = stringField(f, "path");
    if (path.startsWith("/") || path.startsWith("file:")) {
      throw new IllegalArgumentException("the path '" + path + "' must be relative");
    }
    String action = f.getOrDefault("action", ADD);
    if (!ADD.equals(action) && !DELETE.equals(action)) {
      throw new IllegalArgumentException("the action must be 'add' or 'delete', found " + action);
    }
    return new Entry(path, longField(f, "size"), longField(f, "modificationTime"), action);
  }

  @Override
  RuntimeException corrupt(Path file, String reason) {
    return new SluiceRuntimeException(
        ErrorClass.FILE_SINK_LOG_CORRUPT,
        SluiceException.params("path", FileListing.qualified(file), "reason", reason));
  }
}
