package io.sluice.connector.file;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.streaming.checkpoint.CheckpointFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The streaming file source's log of admitted files, kept in the query's checkpoint ({@code
 * sources/<n>/}): batch {@code n} of the log lists the files that offset {@code {"logOffset":n}}
 * added, one {@code {"path":"file:/...","timestamp":<modification ms>,"batchId":n}} per line, as
 * Spark's {@code FileStreamSourceLog}. Compactions drop the entries no later batch can need: those
 * of committed batches that are older than the age limit of new files.
 */
final class FileSourceLog extends CompactibleFileLog<FileSourceLog.Entry> {
  /** One admitted file: its {@code file:} URI, modification time and log batch. */
  record Entry(String path, long timestamp, long batchId) {
    Path localPath() {
      return FileListing.toLocalPath(path);
    }
  }

  FileSourceLog(Path dir, int compactInterval, boolean fsync) {
    super(dir, compactInterval, fsync);
  }

  @Override
  void write(JsonGenerator g, Entry e) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", e.path());
    g.writeNumberField("timestamp", e.timestamp());
    g.writeNumberField("batchId", e.batchId());
    g.writeEndObject();
  }

  @Override
  Entry read(Map<String, String> f) {
    return new Entry(stringField(f, "path"), longField(f, "timestamp"), longField(f, "batchId"));
  }

  @Override
  RuntimeException corrupt(Path file, String reason) {
    return CheckpointFiles.corrupt(file, reason);
  }

  /**
   * The entries of log batches {@code from} to {@code to} (inclusive); fails naming the log when
   * one of them is missing.
   */
  List<Entry> entries(long from, long to) {
    List<Entry> out = new ArrayList<>();
    if (from > to) return out;
    Ids ids = ids();
    long id = from;
    try {
      while (id <= to) {
        if (ids.deltas().contains(id)) {
          out.addAll(readFile(deltaFile(id)));
          id++;
          continue;
        }
        Long compact = ids.compacts().ceiling(id);
        if (compact == null) throw missing(id);
        long last = Math.min(compact, to);
        for (Entry e : readFile(compactFile(compact))) {
          if (e.batchId() >= id && e.batchId() <= last) out.add(e);
        }
        id = last + 1;
      }
    } catch (UncheckedIOException e) {
      throw missing(id);
    }
    return out;
  }

  private RuntimeException missing(long id) {
    return corrupt(
        directory(),
        "batch "
            + id
            + " of the file source's log is missing although the query's offsets refer to it");
  }
}
