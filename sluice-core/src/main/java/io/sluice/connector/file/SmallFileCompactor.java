package io.sluice.connector.file;

import io.sluice.connector.BatchScan;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file sink's optional background compaction of small files ({@code compactSmallFiles}): after
 * a batch is committed, the files the manifest lists that are smaller than {@code targetFileSize}
 * are grouped per partition directory into runs of about that size, and each run of two or more is
 * rewritten, on a background thread, into one file staged in the hidden {@code _temporary}
 * directory. The sink records the swap with its next batch ({@link #poll}): the new files move into
 * place and the same manifest entry adds them and deletes the files they replace, so readers of the
 * manifest see either the old files or the new ones, never both and never neither. The replaced
 * files are deleted from disk once the log's cleanup delay has passed.
 */
final class SmallFileCompactor {
  private static final Logger LOG = LoggerFactory.getLogger(SmallFileCompactor.class);
  private static final ExecutorService POOL = pool();

  /** Reads files of the sink's format, their data columns only. */
  @FunctionalInterface
  interface Reader {
    BatchScan scan(List<SourceFile> files);
  }

  /** A finished rewrite: the job, its staged files, and the entries of the files they replace. */
  record Result(
      FileWriteJob job, List<FileWriteJob.StagedFile> staged, List<FileSinkLog.Entry> replaced) {}

  private final FileWriteLayout layout;
  private final FileSinkLog log;
  private final Reader reader;
  private final long targetBytes;
  private CompletableFuture<Result> running;

  SmallFileCompactor(FileWriteLayout layout, FileSinkLog log, Reader reader, long targetBytes) {
    this.layout = layout;
    this.log = log;
    this.reader = reader;
    this.targetBytes = targetBytes;
  }

  private static ExecutorService pool() {
    ThreadPoolExecutor p =
        new ThreadPoolExecutor(
            1,
            1,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "sluice-file-sink-compaction");
              t.setDaemon(true);
              return t;
            });
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  /** Starts a rewrite of the small files now listed, unless one is running or none is needed. */
  void maybeStart() {
    if (running != null) return;
    List<List<FileSinkLog.Entry>> groups = groups(log.live());
    if (groups.isEmpty()) return;
    running = CompletableFuture.supplyAsync(() -> rewrite(groups), POOL);
  }

  /**
   * The finished rewrite, if one finished since the last call (null otherwise, without waiting); a
   * failed rewrite is logged and dropped.
   */
  Result poll() {
    if (running == null || !running.isDone()) return null;
    CompletableFuture<Result> done = running;
    running = null;
    try {
      return done.join();
    } catch (RuntimeException e) {
      LOG.warn("Compaction of small files in {} failed; it is retried later", layout.root(), e);
      return null;
    }
  }

  /**
   * Waits for a running rewrite to end (for stop and tests); its result stays for {@link #poll}.
   */
  void await() {
    CompletableFuture<Result> r = running;
    if (r == null) return;
    try {
      r.join();
    } catch (RuntimeException e) {
      // poll() reports it
    }
  }

  /** Drops a running or unrecorded rewrite: its staged files are removed. */
  void stop() {
    CompletableFuture<Result> r = running;
    running = null;
    if (r == null) return;
    r.whenComplete(
        (res, e) -> {
          if (res != null) res.job().abort();
        });
  }

  /** Runs of small files per directory, oldest first, each of two or more files. */
  List<List<FileSinkLog.Entry>> groups(List<FileSinkLog.Entry> live) {
    Map<String, List<FileSinkLog.Entry>> byDir = new LinkedHashMap<>();
    for (FileSinkLog.Entry e : live) {
      if (e.size() >= targetBytes) continue;
      byDir.computeIfAbsent(directoryOf(e), k -> new ArrayList<>()).add(e);
    }
    List<List<FileSinkLog.Entry>> out = new ArrayList<>();
    for (List<FileSinkLog.Entry> files : byDir.values()) {
      files.sort(Comparator.comparingLong(FileSinkLog.Entry::modificationTime));
      List<FileSinkLog.Entry> run = new ArrayList<>();
      long bytes = 0;
      for (FileSinkLog.Entry e : files) {
        run.add(e);
        bytes += e.size();
        if (bytes >= targetBytes) {
          if (run.size() > 1) out.add(run);
          run = new ArrayList<>();
          bytes = 0;
        }
      }
      if (run.size() > 1) out.add(run);
    }
    return out;
  }

  private Result rewrite(List<List<FileSinkLog.Entry>> groups) {
    FileWriteJob job = new FileWriteJob(layout);
    PartitionFileWriter writer = new PartitionFileWriter(layout, job, 0);
    boolean ok = false;
    try {
      List<FileSinkLog.Entry> replaced = new ArrayList<>();
      for (List<FileSinkLog.Entry> group : groups) {
        String dir = directoryOf(group.get(0));
        List<SourceFile> files = new ArrayList<>();
        for (FileSinkLog.Entry e : group) {
          Path p = layout.root().resolve(e.path()).normalize();
          files.add(new SourceFile(p, e.size(), e.modificationTime()));
        }
        BatchScan scan = reader.scan(files);
        for (int p = 0; p < scan.numPartitions(); p++) {
          try (BatchIterator it = scan.read(p, scan.schema(), 4096)) {
            for (ColumnBatch b = it.next(); b != null; b = it.next()) writer.appendData(dir, b);
          }
        }
        writer.endFile(dir);
        replaced.addAll(group);
      }
      List<FileWriteJob.StagedFile> staged = writer.finish();
      ok = true;
      return new Result(job, staged, replaced);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!ok) {
        writer.abort();
        job.abort();
      }
    }
  }

  private static String directoryOf(FileSinkLog.Entry e) {
    int slash = e.path().lastIndexOf('/');
    return slash < 0 ? "" : e.path().substring(0, slash);
  }
}
