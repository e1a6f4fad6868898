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

  /** Open-addressing table of group indexes by value hash (-1 empty), reused across batches. */
  private int[] slots = new int[64];

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

  /**
   * Splits a batch by its partition values: runs of equal values stay together, and a change of
   * values finds its group through a table of value hashes, so unsorted input costs no allocation
   * per row; each group's directory name is built once per batch.
   */
  private void writePartitioned(ColumnBatch b) throws IOException {
    int n = b.numRows();
    int[] ordinals = layout.partitionOrdinals();
    BytesVector[] text = new BytesVector[ordinals.length];
    for (int k = 0; k < ordinals.length; k++) {
      text[k] = CastToString.castToString(b.column(ordinals[k]), ctx);
    }
    ColumnBatch data = b.project(layout.dataOrdinals());
    List<Rows> groups = new ArrayList<>();
    Rows current = null;
    for (int r = 0; r < n; r++) {
      if (current == null || !sameValues(text, r, r - 1)) current = groupOf(groups, text, r);
      current.add(r);
    }
    for (Rows g : groups) {
      append(directory(text, g.first), g.size == n ? data : data.gather(g.rows, g.size));
    }
  }

  /** The group of row {@code r}'s partition values, added to {@code groups} when new. */
  private Rows groupOf(List<Rows> groups, BytesVector[] text, int r) {
    int hash = hash(text, r);
    if (groups.isEmpty()) Arrays.fill(slots, -1);
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int g = slots[i];
      if (g < 0) break;
      Rows candidate = groups.get(g);
      if (candidate.hash == hash && sameValues(text, r, candidate.first)) return candidate;
    }
    Rows added = new Rows(r, hash);
    groups.add(added);
    if (groups.size() * 2 > slots.length) {
      slots = new int[slots.length * 2];
      Arrays.fill(slots, -1);
      for (int g = 0; g < groups.size(); g++) place(groups.get(g).hash, g);
    } else {
      place(hash, groups.size() - 1);
    }
    return added;
  }

  private void place(int hash, int group) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (slots[i] >= 0) i = (i + 1) & mask;
    slots[i] = group;
  }

  private static int hash(BytesVector[] text, int r) {
    int h = 1;
    for (BytesVector t : text) h = 31 * h + (t.isNullAt(r) ? 0 : t.hashAt(r));
    return h ^ (h >>> 16);
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

  private static boolean sameValues(BytesVector[] text, int r, int other) {
    for (BytesVector t : text) {
      boolean isNull = t.isNullAt(r);
      if (isNull != t.isNullAt(other)) return false;
      if (!isNull && !t.valueEquals(r, t, other)) return false;
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

  /** Row numbers of one partition directory: its first row stands for its values. */
  private static final class Rows {
    final int first;
    final int hash;
    int[] rows = new int[16];
    int size;

    Rows(int first, int hash) {
      this.first = first;
      this.hash = hash;
    }

    void add(int r) {
      if (size == rows.length) rows = Arrays.copyOf(rows, size * 2);
      rows[size++] = r;
    }
  }
}
