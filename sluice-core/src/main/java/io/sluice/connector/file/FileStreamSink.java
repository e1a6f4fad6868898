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
import io.sluice.types.ArrayType;
import io.sluice.types.MapType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming file sink, as Spark's {@code FileStreamSink}: each micro-batch writes one file per
 * output partition (and per partition directory with {@code partitionBy}), in parallel, each to a
 * hidden temporary name renamed into place, then records the batch's files in the output
 * directory's manifest ({@link FileSinkLog}). A batch whose manifest entry exists is not written
 * again, so a batch re-run after a failure adds nothing; files of a batch that failed before its
 * manifest entry are never read. Append mode only.
 */
public final class FileStreamSink implements StreamSink {
  private static final Logger LOG = LoggerFactory.getLogger(FileStreamSink.class);

  /** What every task of the sink needs: where and how to write. */
  record Layout(
      String path,
      Path root,
      int[] dataOrdinals,
      int[] partitionOrdinals,
      String[] partitionNames,
      boolean fsync,
      String timeZone,
      RecordWriterFactory writers) {}

  private final Layout layout;
  private final FileSinkLog log;
  private long latestBatchId = Long.MIN_VALUE;

  private FileStreamSink(Layout layout, FileSinkLog log) {
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
    int[] partitionOrdinals = partitionOrdinals(format, schema, partitionColumns);
    if (partitionOrdinals.length > 0 && partitionOrdinals.length == schema.length()) {
      throw new io.sluice.AnalysisException(ErrorClass.ALL_PARTITION_COLUMNS_NOT_ALLOWED, Map.of());
    }
    List<StructField> data = new ArrayList<>();
    int[] dataOrdinals = new int[schema.length() - partitionOrdinals.length];
    String[] names = new String[partitionOrdinals.length];
    for (int i = 0, d = 0; i < schema.length(); i++) {
      if (indexOf(partitionOrdinals, i) >= 0) continue;
      dataOrdinals[d++] = i;
      data.add(schema.get(i));
    }
    for (int k = 0; k < names.length; k++) names[k] = schema.get(partitionOrdinals[k]).name();
    SQLConf conf = ctx.conf();
    StructType dataSchema = new StructType(data);
    RecordWriterFactory writers = writerFormat.writers(dataSchema, so, conf);
    boolean fsync = conf.get(StreamingConf.CHECKPOINT_FSYNC);
    Path root = FileListing.toLocalPath(path).normalize();
    Layout layout =
        new Layout(
            path,
            root,
            dataOrdinals,
            partitionOrdinals,
            names,
            fsync,
            conf.sessionTimeZone(),
            writers);
    return new FileStreamSink(
        layout,
        new FileSinkLog(root, conf.get(StreamingConf.FILE_SINK_LOG_COMPACT_INTERVAL), fsync));
  }

  private static int[] partitionOrdinals(
      String format, StructType schema, List<String> partitionColumns) {
    List<Integer> out = new ArrayList<>();
    for (String c : partitionColumns) {
      int i = schema.indexOf(c, false);
      if (i < 0) {
        throw invalid(
            format,
            "partitionBy",
            c,
            "no such column; the columns are " + String.join(", ", schema.fieldNames()));
      }
      if (out.contains(i)) continue;
      var t = schema.get(i).dataType();
      if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
        throw invalid(
            format,
            "partitionBy",
            c,
            "a partition column must be of an atomic type, not " + t.sql());
      }
      out.add(i);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) return i;
    }
    return -1;
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
    if (latestBatchId == Long.MIN_VALUE) latestBatchId = log.latestBatchId();
    if (batchId <= latestBatchId) {
      LOG.info("Skipping batch {}: the file sink at {} already holds it", batchId, layout.root());
      return;
    }
    String job = UUID.randomUUID().toString();
    List<List<FileSinkLog.Entry>> written =
        data.writePartitions(
            (p, batches) -> new PartitionFileWriter(layout, log, p, job).write(batches));
    List<FileSinkLog.Entry> entries = new ArrayList<>();
    for (List<FileSinkLog.Entry> w : written) entries.addAll(w);
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
