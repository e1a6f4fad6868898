package io.sluice.connector.file;

import io.sluice.config.SQLConf;
import io.sluice.config.StreamingConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.Offset;
import io.sluice.connector.ReadLimit;
import io.sluice.connector.SourceContext;
import io.sluice.connector.SupportsTriggerAvailableNow;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The streaming file source, as Spark's {@code FileStreamSource}: each trigger lists the directory
 * (or glob), admits the files it has not seen (oldest first, or newest with {@code latestFirst}, as
 * many as the read limit allows) and records them as the next batch of its log in the checkpoint
 * ({@link FileSourceLog}); the offset is that batch's id. A range of offsets is read with the
 * format's batch reader over exactly the files logged for it, so a re-run batch reads the same
 * files. Once a batch is committed its files may be archived or deleted ({@code cleanSource}).
 *
 * <p>With {@code Trigger.AvailableNow} the files present at start are the whole input, admitted
 * batch by batch under the read limit.
 */
public final class FileStreamSource<O extends FileSourceOptions>
    implements SupportsTriggerAvailableNow {
  /** A listed file not yet admitted. */
  private record NewFile(String uri, SourceFile file) {}

  private final FileFormatProvider<O> format;
  private final O options;
  private final FileStreamOptions stream;
  private final String path;
  private final Path root;
  private final StructType schema;
  private final StructType partitionSchema;
  private final String description;
  private final FileSourceLog log;
  private final SeenFiles seen;
  private final SourceCleaner cleaner;

  private long logOffset;
  private long committedLogOffset = -1;
  private long cleanedLogOffset = -1;
  private List<NewFile> availableNowFiles;
  private List<NewFile> unread;

  FileStreamSource(
      FileFormatProvider<O> format,
      Map<String, String> optionMap,
      StructType schema,
      String metadataPath,
      SourceContext ctx) {
    SQLConf conf = FileSourceOptions.confOf(ctx);
    SourceOptions so = new SourceOptions(optionMap);
    this.format = format;
    this.path = requirePath(so, format.shortName());
    Path local = FileListing.toLocalPath(path);
    this.options = format.readOptions(so, conf);
    this.stream = new FileStreamOptions(so, format.shortName(), local);
    this.root = FileListing.partitionRoot(path);
    this.schema = schema;
    this.description = "FileStreamSource[" + FileListing.qualified(local) + "]";
    this.log =
        new FileSourceLog(
            Path.of(metadataPath),
            conf.get(StreamingConf.FILE_SOURCE_LOG_COMPACT_INTERVAL),
            conf.get(StreamingConf.CHECKPOINT_FSYNC));
    this.seen = new SeenFiles(stream.effectiveMaxFileAgeMs(), stream.fileNameOnly);
    for (FileSourceLog.Entry e : log.all()) seen.add(e.path(), e.timestamp());
    seen.purge();
    this.logOffset = log.latestBatchId();
    this.cleaner = SourceCleaner.of(stream);
    this.partitionSchema = partitionColumns();
  }

  /** The schema of a stream over {@code options}' path; see {@link FileFormatProvider}. */
  static <O extends FileSourceOptions> StructType sourceSchema(
      FileFormatProvider<O> format,
      Map<String, String> optionMap,
      StructType userSchema,
      SourceContext ctx) {
    SQLConf conf = FileSourceOptions.confOf(ctx);
    SourceOptions so = new SourceOptions(optionMap);
    String path = requirePath(so, format.shortName());
    Path local = FileListing.toLocalPath(path);
    O o = format.readOptions(so, conf);
    new FileStreamOptions(so, format.shortName(), local); // checks the streaming options now
    if (!GlobPattern.hasGlob(local.toString()) && !Files.exists(local)) {
      throw FileListing.notFound(local);
    }
    if (userSchema == null
        && format.streamingNeedsSchema()
        && !conf.get(StreamingConf.SCHEMA_INFERENCE)) {
      throw new io.sluice.AnalysisException(
          ErrorClass.STREAMING_SOURCE_SCHEMA_REQUIRED,
          SluiceException.params(
              "format", format.shortName(), "path", FileListing.qualified(local)));
    }
    String description = FileBatchScan.describe(format.shortName(), List.of(path));
    FileIndex index = FileListing.index(List.of(path), o, userSchema, true);
    StructType partitions = index.partitionSchema();
    StructType data =
        userSchema != null ? userSchema : format.scan(description, index, null, o).schema();
    List<StructField> fields = new ArrayList<>();
    for (StructField f : data.asNullable().fields()) {
      if (partitions.indexOf(f.name(), false) < 0) fields.add(f);
    }
    fields.addAll(List.of(partitions.fields()));
    StructType schema = new StructType(fields);
    // let the format reject what it cannot read (types, the corrupt-record column) now
    format.scan(description, new FileIndex(List.of(), partitions, Map.of()), schema, o);
    return schema;
  }

  private static String requirePath(SourceOptions so, String format) {
    String p = so.get("path").orElse(null);
    if (p == null || p.isBlank()) {
      throw new io.sluice.AnalysisException(
          ErrorClass.STREAMING_SOURCE_OPTION_INVALID,
          SluiceException.params(
              "value",
              "(none)",
              "option",
              "path",
              "format",
              format,
              "reason",
              "a file stream reads the directory or glob given to load(path)"));
    }
    return p;
  }

  /**
   * The partition columns of this run: those of the schema that the input's {@code key=value}
   * directories name now (Spark fixes them when the stream is defined; files added later under new
   * keys do not add columns).
   */
  private StructType partitionColumns() {
    FileIndex index = FileListing.index(List.of(path), options, schema, true);
    List<StructField> fields = new ArrayList<>();
    for (StructField p : index.partitionSchema().fields()) {
      int i = schema.indexOf(p.name(), false);
      if (i >= 0) fields.add(schema.get(i));
    }
    return new StructType(fields);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Offset initialOffset() {
    return new FileStreamOffset(-1);
  }

  @Override
  public ReadLimit defaultReadLimit() {
    return stream.readLimit();
  }

  @Override
  public void prepareForTriggerAvailableNow() {
    availableNowFiles = listFiles();
  }

  @Override
  public Offset latestOffset(Offset start, ReadLimit limit) {
    List<NewFile> candidates;
    if (unread != null) {
      candidates = unread;
      unread = null;
    } else {
      candidates = new ArrayList<>();
      for (NewFile f : availableNowFiles != null ? availableNowFiles : listFiles()) {
        if (seen.isNew(f.uri(), f.file().modificationTime())) candidates.add(f);
      }
    }
    List<NewFile> batch = admit(candidates, limit);
    for (NewFile f : batch) seen.add(f.uri(), f.file().modificationTime());
    seen.purge();
    if (!batch.isEmpty()) {
      long id = logOffset + 1;
      List<FileSourceLog.Entry> entries = new ArrayList<>(batch.size());
      for (NewFile f : batch) {
        entries.add(new FileSourceLog.Entry(f.uri(), f.file().modificationTime(), id));
      }
      if (!log.add(id, entries, this::retained)) {
        throw new SluiceRuntimeException(
            ErrorClass.CONCURRENT_QUERY,
            SluiceException.params(
                "id", log.directory() + " (batch " + id + " of the file source's log)"));
      }
      logOffset = id;
    }
    return new FileStreamOffset(logOffset);
  }

  /**
   * The files of the next batch under {@code limit}: the first files up to the count, or up to the
   * size (at least one file). Without {@code latestFirst} the rest are kept for the next batches
   * instead of listing again, unless they are only a small remainder.
   */
  private List<NewFile> admit(List<NewFile> candidates, ReadLimit limit) {
    long maxFiles = Long.MAX_VALUE;
    long maxBytes = Long.MAX_VALUE;
    for (ReadLimit l : limits(limit)) {
      if (l instanceof ReadLimit.MaxFiles m) maxFiles = Math.min(maxFiles, m.files());
      if (l instanceof ReadLimit.MaxBytes m) maxBytes = Math.min(maxBytes, m.bytes());
    }
    if (maxFiles == Long.MAX_VALUE && maxBytes == Long.MAX_VALUE) return candidates;
    int taken = 0;
    long bytes = 0;
    while (taken < candidates.size() && taken < maxFiles) {
      long next = bytes + candidates.get(taken).file().length();
      if (taken > 0 && (next > maxBytes || next < bytes)) break;
      bytes = next;
      taken++;
    }
    List<NewFile> rest = candidates.subList(taken, candidates.size());
    if (!stream.latestFirst && keepForLater(rest, maxFiles, maxBytes)) {
      unread = new ArrayList<>(rest.subList(0, Math.min(rest.size(), stream.maxCachedFiles)));
    }
    return new ArrayList<>(candidates.subList(0, taken));
  }

  private boolean keepForLater(List<NewFile> rest, long maxFiles, long maxBytes) {
    if (rest.isEmpty() || stream.maxCachedFiles == 0) return false;
    double ratio = stream.discardCachedInputRatio;
    if (maxFiles != Long.MAX_VALUE) return rest.size() >= maxFiles * ratio;
    long bytes = 0;
    for (NewFile f : rest) bytes += f.file().length();
    return bytes >= maxBytes * ratio;
  }

  private static List<ReadLimit> limits(ReadLimit limit) {
    return limit instanceof ReadLimit.Composite c ? c.limits() : List.of(limit);
  }

  /** The files of the input now, oldest first (newest first with {@code latestFirst}). */
  private List<NewFile> listFiles() {
    Path dir = FileListing.toLocalPath(path);
    if (cleaner != null && Files.isDirectory(dir) && FileSinkLog.exists(dir)) {
      throw stream.invalid(
          "cleanSource",
          stream.cleanSource.name().toLowerCase(java.util.Locale.ROOT),
          "the source directory is the output of a file sink (it has "
              + FileSinkLog.DIRECTORY
              + "), whose files cannot be cleaned up");
    }
    FileIndex index = FileListing.index(List.of(path), options, schema, true);
    List<NewFile> files = new ArrayList<>(index.files().size());
    for (SourceFile f : index.files()) files.add(new NewFile(f.uri(), f));
    Comparator<NewFile> byTime = Comparator.comparingLong(f -> f.file().modificationTime());
    if (stream.latestFirst) byTime = byTime.reversed();
    files.sort(byTime.thenComparing(NewFile::uri));
    return files;
  }

  /**
   * What a compaction of the log keeps: every entry of an uncommitted batch, and the entries of
   * committed batches that are still young enough to be listed again (older ones can never be
   * admitted again, so forgetting them changes nothing).
   */
  private List<FileSourceLog.Entry> retained(List<FileSourceLog.Entry> all) {
    long threshold = seen.purgeThreshold();
    List<FileSourceLog.Entry> out = new ArrayList<>(all.size());
    for (FileSourceLog.Entry e : all) {
      if (e.batchId() > committedLogOffset || e.timestamp() >= threshold) out.add(e);
    }
    return out;
  }

  @Override
  public BatchScan planBatch(Offset start, Offset end) {
    long from = offset(start).logOffset() + 1;
    long to = offset(end).logOffset();
    List<SourceFile> files = new ArrayList<>();
    for (FileSourceLog.Entry e : log.entries(from, to)) {
      Path p = e.localPath();
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        files.add(new SourceFile(p, a.size(), a.lastModifiedTime().toMillis()));
      } catch (IOException ex) {
        throw FileListing.readError(p, ex);
      }
    }
    FileIndex index = FileListing.withPartitionValues(root, files, partitionSchema, options.zoneId);
    return format.scan(description, index, schema, options);
  }

  @Override
  public Offset deserializeOffset(String json) {
    return FileStreamOffset.parse(json);
  }

  /** The batches up to {@code end} are committed: their files may be cleaned up. */
  @Override
  public void commit(Offset end) {
    long to = offset(end).logOffset();
    committedLogOffset = Math.max(committedLogOffset, to);
    if (cleaner == null || to <= cleanedLogOffset) return;
    for (FileSourceLog.Entry e : log.entries(cleanedLogOffset + 1, to)) {
      cleaner.clean(e.localPath());
    }
    cleanedLogOffset = to;
  }

  private static FileStreamOffset offset(Offset o) {
    return o instanceof FileStreamOffset f ? f : FileStreamOffset.parse(o.json());
  }

  @Override
  public String toString() {
    return description;
  }
}
