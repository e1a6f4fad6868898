package io.sluice.connector.file;

import io.sluice.config.SQLConf;
import io.sluice.types.StructType;

/** A file format's writing: its write options, parsed and checked once, as a writer factory. */
@FunctionalInterface
public interface WriterFormat {
  /**
   * The writers of files holding {@code dataSchema} (the columns stored in the files: partition
   * columns are in the directory names); raises an error naming the option at fault.
   */
  RecordWriterFactory writers(StructType dataSchema, SourceOptions options, SQLConf conf);
}
