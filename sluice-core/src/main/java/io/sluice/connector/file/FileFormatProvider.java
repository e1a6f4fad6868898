package io.sluice.connector.file;

import io.sluice.SaveMode;
import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.BatchSinkProvider;
import io.sluice.connector.BatchSourceProvider;
import io.sluice.connector.MicroBatchOutput;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.SinkContext;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSink;
import io.sluice.connector.StreamSinkProvider;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceIllegalArgumentException;
import io.sluice.streaming.OutputMode;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * A file format (JSON, CSV, text, Parquet) as a batch source, a streaming source, and, when it has
 * a writer ({@link #writerFormat}), a batch destination and a streaming sink. A format says how to
 * parse its options, how to scan a set of listed files and how to write a file; listing, partition
 * discovery, the streaming file source ({@link FileStreamSource}), batch writes ({@link
 * BatchFileWriter}: save modes, {@code partitionBy}, file limits) and the streaming file sink
 * ({@link FileStreamSink}) are shared, so batch and streaming read and write files alike.
 *
 * @param <O> the format's parsed read options
 */
public abstract class FileFormatProvider<O extends FileSourceOptions>
    implements BatchSourceProvider, StreamSourceProvider, BatchSinkProvider, StreamSinkProvider {

  /** Parses and checks the format's read options; errors name the option at fault. */
  protected abstract O readOptions(SourceOptions options, SQLConf conf);

  /**
   * A scan of the files of {@code index}, whose partition columns are already known. With a {@code
   * userSchema} (data columns, and possibly partition columns) the files are read with it; without,
   * the format infers the data columns from the files. Raises the format's errors for schemas it
   * cannot read.
   */
  protected abstract FileBatchScan scan(
      String description, FileIndex index, StructType userSchema, O options);

  /**
   * Whether a stream of this format needs the user's schema (unless {@code
   * sluice.sql.streaming.schemaInference} is on); the text format knows its own.
   */
  protected boolean streamingNeedsSchema() {
    return true;
  }

  /**
   * The format's writer, or null when the format is read-only (writes then fail with {@code
   * UNSUPPORTED_DATA_SOURCE_OPERATION}).
   */
  protected WriterFormat writerFormat() {
    return null;
  }

  @Override
  public final void write(
      Map<String, String> options,
      List<String> partitionColumns,
      SaveMode mode,
      MicroBatchOutput data,
      SinkContext ctx) {
    BatchFileWriter.write(
        shortName(), options, partitionColumns, mode, data, ctx, writer("batch writes (write())"));
  }

  @Override
  public final StreamSink createSink(
      Map<String, String> options,
      StructType schema,
      List<String> partitionColumns,
      OutputMode outputMode,
      SinkContext ctx) {
    return FileStreamSink.create(
        shortName(),
        options,
        schema,
        partitionColumns,
        outputMode,
        ctx,
        writer("streaming writes (writeStream())"),
        dataSchema -> {
          O read = readOptions(new SourceOptions(options), ctx.conf());
          return files ->
              scan(
                  "compaction of " + FileBatchScan.describe(shortName(), List.of()),
                  new FileIndex(files, new StructType(), Map.of()),
                  dataSchema,
                  read);
        });
  }

  private WriterFormat writer(String operation) {
    WriterFormat w = writerFormat();
    if (w == null) {
      throw new SluiceIllegalArgumentException(
          ErrorClass.UNSUPPORTED_DATA_SOURCE_OPERATION,
          SluiceException.params(
              "format",
              shortName(),
              "operation",
              operation,
              "supported",
              "the file formats with a writer (json, csv, text, parquet)"));
    }
    return w;
  }

  @Override
  public final BatchScan createBatchScan(
      List<String> paths,
      Map<String, String> options,
      StructType userSchema,
      SourceContext context) {
    O o = readOptions(new SourceOptions(options), FileSourceOptions.confOf(context));
    FileIndex index = FileListing.index(paths, o, userSchema, false);
    return scan(FileBatchScan.describe(shortName(), paths), index, userSchema, o);
  }

  @Override
  public final StructType sourceSchema(
      Map<String, String> options, StructType userSchema, SourceContext ctx) {
    return FileStreamSource.sourceSchema(this, options, userSchema, ctx);
  }

  @Override
  public final MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx) {
    return new FileStreamSource<>(this, options, schema, metadataPath, ctx);
  }
}
