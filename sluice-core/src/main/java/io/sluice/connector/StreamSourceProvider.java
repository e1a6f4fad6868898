package io.sluice.connector;

import io.sluice.types.StructType;
import java.util.Map;

/** A data source that streaming queries can read ({@code session.readStream().format(name)}). */
public interface StreamSourceProvider extends DataSourceProvider {
  /**
   * The schema of the stream, known when the streaming DataFrame is defined; {@code userSchema} is
   * null when the user gave none. Raises an error naming the option at fault for bad options.
   */
  StructType sourceSchema(Map<String, String> options, StructType userSchema, SourceContext ctx);

  /**
   * The source for one run of a query. {@code metadataPath} is a directory in the checkpoint the
   * source owns ({@code sources/<n>}): it may keep there what it needs to resume, e.g. the files it
   * has already listed.
   */
  MicroBatchStream createStream(
      Map<String, String> options, StructType schema, String metadataPath, SourceContext ctx);
}
