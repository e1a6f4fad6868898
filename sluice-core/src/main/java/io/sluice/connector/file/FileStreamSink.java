package io.sluice.connector.file;

import io.sluice.config.SQLConf;
import io.sluice.config.StreamingConf;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming file sink, as Spark's {@code FileStreamSink}: each micro-batch is one file write
 * ({@link FileWriteJob}, the same as a batch write's): a file per output partition (and per
 * partition directory with {@code partitionBy}, and per {@code maxRecordsPerFile} rows or {@code
 * maxBytesPerFile} bytes), written in parallel into a hidden staging directory and moved into place
 * when all are written; then the batch's files are recorded in the output directory's manifest
 * ({@link FileSinkLog}). A batch whose manifest entry exists is not written again, so a batch
 * re-run after a failure adds nothing; files of a batch that failed before its manifest entry are
 * never read. Append mode only.
 */
public final class FileStreamSink implements StreamSink {
  private static final Logger LOG = LoggerFactory.getLogger(FileStreamSink.class);

  private final FileWriteLayout layout;
  private final FileSinkLog log;
  private final SinkSettings settings;
  private final SmallFileCompactor compactor;
  private long latestBatchId = Long.MIN_VALUE;

  private FileStreamSink(
      FileWriteLayout layout,
      FileSinkLog log,
      SinkSettings settings,
      SmallFileCompactor.Reader reader) {
    this.layout = layout;
    this.log = log;
    this.settings = settings;
    this.compactor =
        settings.compactSmallFiles()
            ? new SmallFileCompactor(layout, log, reader, settings.targetFileSize())
            : null;
  }

  /**
   * The sink's own options: {@code retention} (Spark's: entries of files older than it leave the
   * manifest at its next compaction), {@code compactSmallFiles} and {@code targetFileSize}
   * (Sluice's), and the log's cleanup delay.
   */
  record SinkSettings(
      long retentionMs, boolean compactSmallFiles, long targetFileSize, long cleanupDelayMs) {
    static SinkSettings of(String format, SourceOptions o, SQLConf conf) {
      long retention = -1;
      String r = o.get("retention").orElse(null);
      if (r != null) {
        retention = FileStreamOptions.parseDurationMs(r);
        if (retention < 0) {
          throw invalid(format, "retention", r, "it must be a duration such as 12h, 7d or 1000ms");
        }
      }
      long target = o.getBytes("targetFileSize", 128L * 1024 * 1024);
      if (target <= 0) {
        throw invalid(format, "targetFileSize", String.valueOf(target), "it must be positive");
      }
      return new SinkSettings(
          retention,
          o.getBoolean("compactSmallFiles", false),
          target,
          Math.max(0, conf.get(StreamingConf.FILE_SINK_LOG_CLEANUP_DELAY)));
    }
  }

  /**
   * The sink of format {@code format} for one run of a query; raises an error naming the option at
   * fault, or the output mode when it is not append.
   */
  public static FileStreamSink create(
      String format,
      Map<String, String> optionMap,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx,
      WriterFormat writerFormat) {
    return create(format, optionMap, schema, partitionColumns, outputMode, ctx, writerFormat, null);
  }

  /**
   * {@link #create}, with the reader of the format's files that the compaction of small files
   * ({@code compactSmallFiles}) rewrites with; null when the format cannot be read back.
   */
  static FileStreamSink create(
      String format,
      Map<String, String> optionMap,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx,
      WriterFormat writerFormat,
      Function<StructType, SmallFileCompactor.Reader> readers) {
    if (outputMode != OutputMode.APPEND) {
      throw new io.sluice.AnalysisException(
          ErrorClass.STREAMING_OUTPUT_MODE_UNSUPPORTED_DATASOURCE,
          SluiceException.params(
              "outputMode", outputMode.toString().toLowerCase(Locale.ROOT), "className", format));
    }
    SourceOptions so = new SourceOptions(optionMap);
    String path = so.get("path").orElse(null);
    if (path == null || path.isBlank()) {
      throw invalid(
          format, "path", "(none)", "a file sink writes to the directory given to start(path)");
    }
    FileWriteLayout layout =
        FileWriteLayout.of(
            path,
            schema,
            partitionColumns,
            so,
            ctx.conf(),
            writerFormat,
            (option, value, reason) -> invalid(format, option, value, reason));
    SinkSettings settings = SinkSettings.of(format, so, ctx.conf());
    if (settings.compactSmallFiles() && readers == null) {
      throw invalid(format, "compactSmallFiles", "true", "this format cannot be read back");
    }
    FileSinkLog log =
        new FileSinkLog(
            layout.root(),
            ctx.conf().get(StreamingConf.FILE_SINK_LOG_COMPACT_INTERVAL),
            layout.fsync(),
            ctx.conf().get(StreamingConf.FILE_SINK_LOG_DELETION),
            settings.cleanupDelayMs());
    return new FileStreamSink(
        layout,
        log,
        settings,
        settings.compactSmallFiles() ? readers.apply(layout.dataSchema()) : null);
  }

  private static io.sluice.AnalysisException invalid(
      String format, String option, String value, String reason) {
    return new io.sluice.AnalysisException(
        ErrorClass.STREAMING_SINK_OPTION_INVALID,
        SluiceException.params(
            "value", value, "option", option, "format", format, "reason", reason));
  }

  @Override
  public String description() {
    return "FileSink[" + layout.path() + "]"; // the path as given, as Spark prints it
  }

  @Override
  public void addBatch(long batchId, MicroBatchOutput data) {
    if (latestBatchId == Long.MIN_VALUE) {
      latestBatchId = log.latestBatchId();
      // files a killed run staged and never committed: the sink owns its directory
      FileWriteJob.deleteTree(layout.root().resolve(FileWriteJob.STAGING));
      removeOrphans();
    }
    if (batchId <= latestBatchId) {
      LOG.info("Skipping batch {}: the file sink at {} already holds it", batchId, layout.root());
      return;
    }
    SmallFileCompactor.Result swap = compactor == null ? null : compactor.poll();
    FileWriteJob job = new FileWriteJob(layout);
    List<FileWriteJob.CommittedFile> files;
    try {
      files = job.commit(job.writeAll(data));
    } catch (RuntimeException e) {
      if (swap != null) swap.job().abort();
      throw e;
    }
    List<FileSinkLog.Entry> entries = new ArrayList<>(files.size());
    for (FileWriteJob.CommittedFile f : files) {
      entries.add(log.entryOf(f.path(), f.size(), f.modificationTime()));
    }
    long now = System.currentTimeMillis();
    if (swap != null) {
      // the rewritten files and the deletion of those they replace: one manifest entry
      for (FileWriteJob.CommittedFile f : swap.job().commit(swap.staged())) {
        entries.add(log.entryOf(f.path(), f.size(), f.modificationTime()));
      }
      for (FileSinkLog.Entry r : swap.replaced()) {
        entries.add(new FileSinkLog.Entry(r.path(), r.size(), now, FileSinkLog.DELETE));
      }
    }
    List<String> expired = new ArrayList<>();
    if (!log.add(batchId, entries, retain(entries.size(), now, expired))) {
      throw new SluiceRuntimeException(
          ErrorClass.CONCURRENT_QUERY,
          SluiceException.params(
              "id", "writing " + layout.root() + " (batch " + batchId + " is already logged)"));
    }
    latestBatchId = batchId;
    for (String p : expired) FileWriteJob.deleteQuietly(layout.root().resolve(p).normalize());
    if (compactor != null) compactor.maybeStart();
  }

  /**
   * Deletes data files that a killed run moved into place but never recorded (it died between the
   * two): {@code part-} files the manifest does not list, written after its latest entry. Other
   * engines reading the directory without the manifest then see exactly the committed rows.
   */
  private void removeOrphans() {
    long since = log.latestModificationTime();
    if (since < 0 || !Files.isDirectory(layout.root())) return;
    Set<String> listed = new HashSet<>();
    for (FileSinkLog.Entry e : log.all()) listed.add(e.path());
    try (Stream<Path> walk = Files.walk(layout.root())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path rel = layout.root().relativize(p);
        if (!rel.getFileName().toString().startsWith("part-") || hidden(rel)) continue;
        String key = rel.toString().replace(p.getFileSystem().getSeparator(), "/");
        if (listed.contains(key)) continue;
        if (Files.getLastModifiedTime(p).toMillis() >= since) {
          LOG.info("Removing {}: written by a run that stopped before recording it", p);
          FileWriteJob.deleteQuietly(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Could not look for unrecorded files in {}", layout.root(), e);
    }
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      if (FileListing.isHidden(part.toString())) return true;
    }
    return false;
  }

  /**
   * What a compaction of the manifest keeps of its entries (those of earlier batches, then the
   * {@code current} entries of this batch): added files not deleted since, unless older than {@code
   * retention}; deletions until the cleanup delay has passed, after which their files go from disk
   * ({@code expired} collects them).
   */
  private UnaryOperator<List<FileSinkLog.Entry>> retain(
      int current, long now, List<String> expired) {
    return all -> {
      int earlier = all.size() - current;
      Set<String> deleted = new HashSet<>();
      for (FileSinkLog.Entry e : all) {
        if (e.action().equals(FileSinkLog.DELETE)) deleted.add(e.path());
      }
      List<FileSinkLog.Entry> out = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        FileSinkLog.Entry e = all.get(i);
        boolean mine = i >= earlier;
        if (e.action().equals(FileSinkLog.DELETE)) {
          if (!mine && now - e.modificationTime() >= settings.cleanupDelayMs()) {
            expired.add(e.path());
          } else {
            out.add(e);
          }
        } else if (mine || !deleted.contains(e.path())) {
          if (mine
              || settings.retentionMs() < 0
              || now - e.modificationTime() <= settings.retentionMs()) {
            out.add(e);
          }
        }
      }
      return out;
    };
  }

  @Override
  public void stop() {
    if (compactor != null) compactor.stop();
  }

  /** Waits for a running compaction of small files (tests). */
  void awaitCompaction() {
    if (compactor != null) compactor.await();
  }

  @Override
  public String toString() {
    return description();
  }
}
