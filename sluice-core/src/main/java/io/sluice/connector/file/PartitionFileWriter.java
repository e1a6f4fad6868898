package io.sluice.connector.file;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.CastToString;
import io.sluice.exec.expr.DateTimes;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one output partition of one micro-batch of the file sink: a file per partition directory
 * ({@code part-<partition>-<batch uuid>-c000.<ext>}), written under a hidden temporary name and
 * renamed into place when the partition is done. Returns the manifest entries of the files; on
 * failure deletes its temporary files.
 */
final class PartitionFileWriter {
  private static final int BUFFER = 1 << 16;

  private final FileStreamSink.Layout layout;
  private final FileSinkLog log;
  private final int partition;
  private final String job;
  private final Map<String, OutputFile> files = new LinkedHashMap<>();
  private final EvalContext ctx;

  PartitionFileWriter(FileStreamSink.Layout layout, FileSinkLog log, int partition, String job) {
    this.layout = layout;
    this.log = log;
    this.partition = partition;
    this.job = job;
    this.ctx = new EvalContext(DateTimes.zoneOf(layout.timeZone()), false);
  }

  /** One file being written. */
  private record OutputFile(
      Path temp, Path target, FileChannel channel, OutputStream out, RecordWriter writer) {}

  List<FileSinkLog.Entry> write(BatchIterator batches) {
    boolean done = false;
    try (batches) {
      for (ColumnBatch b = batches.next(); b != null; b = batches.next()) {
        if (b.numRows() == 0) continue;
        if (layout.partitionOrdinals().length == 0) {
          file("").writer().write(b.project(layout.dataOrdinals()));
        } else {
          writePartitioned(b);
        }
      }
      List<FileSinkLog.Entry> entries = finish();
      done = true;
      return entries;
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.TASK_WRITE_FAILED,
          SluiceException.params(
              "path", FileListing.qualified(layout.root()), "reason", String.valueOf(e)),
          e);
    } finally {
      if (!done) abort();
    }
  }

  /** Splits a batch by its partition values, keeping runs of equal values together cheaply. */
  private void writePartitioned(ColumnBatch b) throws IOException {
    int n = b.numRows();
    int[] ordinals = layout.partitionOrdinals();
    BytesVector[] text = new BytesVector[ordinals.length];
    for (int k = 0; k < ordinals.length; k++) {
      text[k] = CastToString.castToString(b.column(ordinals[k]), ctx);
    }
    ColumnBatch data = b.project(layout.dataOrdinals());
    Map<String, Rows> groups = new LinkedHashMap<>();
    Rows current = null;
    for (int r = 0; r < n; r++) {
      if (current == null || !sameAsPrevious(text, r)) {
        current = groups.computeIfAbsent(directory(text, r), k -> new Rows());
      }
      current.add(r);
    }
    for (Map.Entry<String, Rows> g : groups.entrySet()) {
      Rows rows = g.getValue();
      ColumnBatch part = rows.size == n ? data : data.gather(rows.rows, rows.size);
      file(g.getKey()).writer().write(part);
    }
  }

  private static boolean sameAsPrevious(BytesVector[] text, int r) {
    for (BytesVector t : text) {
      boolean isNull = t.isNullAt(r);
      if (isNull != t.isNullAt(r - 1)) return false;
      if (!isNull && !t.valueEquals(r, t, r - 1)) return false;
    }
    return true;
  }

  private String directory(BytesVector[] text, int r) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < text.length; k++) {
      if (k > 0) sb.append('/');
      String v = text[k].isNullAt(r) ? null : text[k].getString(r);
      sb.append(PartitionPaths.directory(layout.partitionNames()[k], v));
    }
    return sb.toString();
  }

  private OutputFile file(String directory) throws IOException {
    OutputFile f = files.get(directory);
    if (f != null) return f;
    Path dir = directory.isEmpty() ? layout.root() : layout.root().resolve(directory);
    Files.createDirectories(dir);
    String name =
        String.format(
            Locale.ROOT, "part-%05d-%s-c000.%s", partition, job, layout.writers().extension());
    Path temp = dir.resolve("." + name + ".tmp");
    FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    f = new OutputFile(temp, dir.resolve(name), channel, out, null);
    files.put(directory, f); // registered before the writer opens, so abort() removes it
    f = new OutputFile(temp, f.target(), channel, out, layout.writers().open(out));
    files.put(directory, f);
    return f;
  }

  private List<FileSinkLog.Entry> finish() throws IOException {
    List<FileSinkLog.Entry> entries = new ArrayList<>(files.size());
    for (OutputFile f : files.values()) {
      f.writer().finish();
      f.out().flush();
      if (layout.fsync()) f.channel().force(true);
      f.out().close();
      try {
        Files.move(f.temp(), f.target(), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(f.temp(), f.target());
      }
      BasicFileAttributes a = Files.readAttributes(f.target(), BasicFileAttributes.class);
      entries.add(log.entryOf(f.target(), a.size(), a.lastModifiedTime().toMillis()));
    }
    return entries;
  }

  private void abort() {
    for (OutputFile f : files.values()) {
      try {
        f.channel().close();
      } catch (IOException | RuntimeException ignored) {
        // the file is deleted next
      }
      try {
        Files.deleteIfExists(f.temp());
      } catch (IOException ignored) {
        // a hidden temporary file is never read
      }
    }
  }

  /** Row numbers of one partition directory. */
  private static final class Rows {
    int[] rows = new int[16];
    int size;

    void add(int r) {
      if (size == rows.length) rows = Arrays.copyOf(rows, size * 2);
      rows[size++] = r;
    }
  }
}
