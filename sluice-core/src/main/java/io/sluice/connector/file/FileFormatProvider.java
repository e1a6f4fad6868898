package io.sluice.connector.file;

import io.sluice.config.SQLConf;
import io.sluice.connector.BatchScan;
import io.sluice.connector.BatchSourceProvider;
import io.sluice.connector.MicroBatchStream;
import io.sluice.connector.SourceContext;
import io.sluice.connector.StreamSourceProvider;
import io.sluice.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * A file format (JSON, CSV, text) as a batch source and a streaming source. A format says how to
 * parse its options and how to scan a set of listed files; listing, partition discovery and the
 * streaming file source ({@link FileStreamSource}) are shared, so a stream reads each batch of new
 * files with exactly the reader a batch query uses.
 *
 * @param <O> the format's parsed read options
 */
public abstract class FileFormatProvider<O extends FileSourceOptions>
    implements BatchSourceProvider, StreamSourceProvider {

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

  @Override
  public final BatchScan createBatchScan(
      List<String> paths,
      Map<String, String> options,
      StructType userSchema,
      SourceContext context) {
    O o = readOptions(new SourceOptions(options), FileSourceOptions.confOf(context));
    FileIndex index =
        FileListing.index(paths, o.recursiveFileLookup, o.pathGlobFilter, userSchema, o.zoneId);
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
