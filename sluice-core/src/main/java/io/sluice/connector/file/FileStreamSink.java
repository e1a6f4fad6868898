package io.sluice.connector.file;

import io.sluice.config.StreamingConf;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.SinkContext;
import io.sluice.connector.StreamSink;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
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
  private long latestBatchId = Long.MIN_VALUE;

  private FileStreamSink(FileWriteLayout layout, FileSinkLog log) {
    this.layout = layout;
    this.log = log;
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
    return new FileStreamSink(
        layout,
        new FileSinkLog(
            layout.root(),
            ctx.conf().get(StreamingConf.FILE_SINK_LOG_COMPACT_INTERVAL),
            layout.fsync()));
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
    }
    if (batchId <= latestBatchId) {
      LOG.info("Skipping batch {}: the file sink at {} already holds it", batchId, layout.root());
      return;
    }
    FileWriteJob job = new FileWriteJob(layout);
    List<FileWriteJob.CommittedFile> files = job.commit(job.writeAll(data));
    List<FileSinkLog.Entry> entries = new ArrayList<>(files.size());
    for (FileWriteJob.CommittedFile f : files) {
      entries.add(log.entryOf(f.path(), f.size(), f.modificationTime()));
    }
    if (!log.add(batchId, entries, UnaryOperator.identity())) {
      throw new SluiceRuntimeException(
          ErrorClass.CONCURRENT_QUERY,
          SluiceException.params(
              "id", "writing " + layout.root() + " (batch " + batchId + " is already logged)"));
    }
    latestBatchId = batchId;
  }

  @Override
  public String toString() {
    return description();
  }
}
