package io.sluice.connector.file;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.expr.CastToString;
import io.sluice.exec.expr.DateTimes;
import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one task's rows of a file write (one output partition of a batch write or of a
 * micro-batch): a file per partition directory, named as Spark names them ({@code part-<task>-<job
 * uuid>-c<nnn>.<ext>}), in the job's hidden staging directory; the job moves them into place once
 * every task is done ({@link FileWriteJob#commit}). A file ends, and the next one ({@code c001},
 * {@code c002}...) starts, when it holds {@code maxRecordsPerFile} rows or has reached {@code
 * maxBytesPerFile}. On failure the task deletes the files it started.
 */
final class PartitionFileWriter {
  private static final int BUFFER = 1 << 16;

  /** Rows written at a time when a byte target is set, so a file ends close to it. */
  private static final int BYTE_CHECK_ROWS = 1024;

  private final FileWriteLayout layout;
  private final FileWriteJob job;
  private final int task;
  private final Map<String, OpenFile> open = new LinkedHashMap<>();
  private final Map<String, Integer> nextIndex = new HashMap<>();
  private final List<FileWriteJob.StagedFile> done = new ArrayList<>();
  private final EvalContext ctx;
  private int[] range = new int[0];

  PartitionFileWriter(FileWriteLayout layout, FileWriteJob job, int task) {
    this.layout = layout;
    this.job = job;
    this.task = task;
    this.ctx = new EvalContext(DateTimes.zoneOf(layout.timeZone()), false);
  }

  /** One file being written. */
  private static final class OpenFile {
    final String relative;
    final Path staged;
    final FileChannel channel;
    final CountingOutputStream out;
    RecordWriter writer;
    long rows;

    OpenFile(String relative, Path staged, FileChannel channel, CountingOutputStream out) {
      this.relative = relative;
      this.staged = staged;
      this.channel = channel;
      this.out = out;
    }
  }

  /** Writes every row of {@code batches}; returns the staged files, in the order finished. */
  List<FileWriteJob.StagedFile> write(BatchIterator batches) {
    return staging(
        () -> {
          try (batches) {
            for (ColumnBatch b = batches.next(); b != null; b = batches.next()) {
              if (b.numRows() == 0) continue;
              if (!layout.partitioned()) {
                append("", b.project(layout.dataOrdinals()));
              } else {
                writePartitioned(b);
              }
            }
          }
        });
  }

  /**
   * Writes one file without rows (what a write of no rows leaves, as Spark does, so the output has
   * the format's header or footer); returns it staged.
   */
  List<FileWriteJob.StagedFile> writeEmpty() {
    return staging(() -> file(""));
  }

  /** What a task writes before its files are finished. */
  @FunctionalInterface
  private interface Work {
    void run() throws IOException;
  }

  /**
   * Runs {@code work}, then finishes the files; on any failure removes every file started and
   * raises the task's write error.
   */
  private List<FileWriteJob.StagedFile> staging(Work work) {
    boolean ok = false;
    try {
      work.run();
      List<FileWriteJob.StagedFile> out = finish();
      ok = true;
      return out;
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.TASK_WRITE_FAILED, layout.failureParams(String.valueOf(e)), e);
    } finally {
      if (!ok) abort();
    }
  }

  /**
   * Appends rows of the data columns to the current file of {@code directory} (a compaction's
   * rewrite); {@link #endFile} ends it, {@link #finish} ends all, {@link #abort} removes all.
   */
  void appendData(String directory, ColumnBatch data) throws IOException {
    if (data.numRows() > 0) append(directory, data);
  }

  /** Ends the current file of {@code directory}, if any: the next rows start a new one. */
  void endFile(String directory) throws IOException {
    OpenFile f = open.get(directory);
    if (f != null) close(directory, f);
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
      append(g.getKey(), rows.size == n ? data : data.gather(rows.rows, rows.size));
    }
  }

  /** Appends rows to the directory's current file, starting new files at the limits. */
  private void append(String directory, ColumnBatch rows) throws IOException {
    int n = rows.numRows();
    long maxRecords = layout.maxRecordsPerFile();
    long maxBytes = layout.maxBytesPerFile();
    int from = 0;
    while (from < n) {
      OpenFile f = file(directory);
      int take = n - from;
      if (maxRecords > 0) take = (int) Math.min(take, maxRecords - f.rows);
      if (maxBytes > 0) take = Math.min(take, BYTE_CHECK_ROWS);
      f.writer.write(take == n ? rows : slice(rows, from, take));
      f.rows += take;
      from += take;
      if ((maxRecords > 0 && f.rows >= maxRecords)
          || (maxBytes > 0 && f.out.count() + f.writer.pendingBytes() >= maxBytes)) {
        close(directory, f);
      }
    }
  }

  private ColumnBatch slice(ColumnBatch rows, int from, int count) {
    if (range.length < count) range = new int[Math.max(count, BYTE_CHECK_ROWS)];
    for (int i = 0; i < count; i++) range[i] = from + i;
    return rows.gather(range, count);
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

  private OpenFile file(String directory) throws IOException {
    OpenFile f = open.get(directory);
    if (f != null) return f;
    int index = nextIndex.merge(directory, 1, Integer::sum) - 1;
    String name =
        String.format(
            Locale.ROOT,
            "part-%05d-%s-c%03d.%s",
            task,
            job.id(),
            index,
            layout.writers().extension());
    String relative = directory.isEmpty() ? name : directory + "/" + name;
    Path staged = job.stage(relative);
    FileChannel channel =
        FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    CountingOutputStream out =
        new CountingOutputStream(
            new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
    f = new OpenFile(relative, staged, channel, out);
    open.put(directory, f); // registered before the writer opens, so abort() removes it
    f.writer = layout.writers().open(out);
    return f;
  }

  private void close(String directory, OpenFile f) throws IOException {
    f.writer.finish();
    f.out.flush();
    if (layout.fsync()) f.channel.force(true);
    f.out.close();
    open.remove(directory);
    done.add(new FileWriteJob.StagedFile(f.relative, f.staged, f.rows));
  }

  List<FileWriteJob.StagedFile> finish() throws IOException {
    for (Map.Entry<String, OpenFile> e : List.copyOf(open.entrySet())) {
      close(e.getKey(), e.getValue());
    }
    return List.copyOf(done);
  }

  void abort() {
    for (OpenFile f : open.values()) {
      try {
        f.channel.close();
      } catch (IOException | RuntimeException ignored) {
        // the file is deleted next
      }
      deleteQuietly(f.staged);
    }
    for (FileWriteJob.StagedFile f : done) deleteQuietly(f.staged());
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a file in the hidden staging directory is never read; the job removes the directory
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
