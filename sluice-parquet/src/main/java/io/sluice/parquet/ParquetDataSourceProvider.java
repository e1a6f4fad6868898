package io.sluice.parquet;

import io.sluice.config.SQLConf;
import io.sluice.connector.file.FileBatchScan;
import io.sluice.connector.file.FileFormatProvider;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FilePartitioner;
import io.sluice.connector.file.SourceFile;
import io.sluice.connector.file.SourceOptions;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.types.StructType;
import java.util.List;

/**
 * {@code format("parquet")}: batch reads and streams of Parquet files (vectorized, projected, row
 * groups skipped by pushed filters, files split by row group), and Parquet files written by the
 * streaming file sink.
 */
public final class ParquetDataSourceProvider extends FileFormatProvider<ParquetSourceOptions> {
  private static final ParquetWriterFormat WRITER = new ParquetWriterFormat();

  @Override
  public String shortName() {
    return "parquet";
  }

  @Override
  protected ParquetSourceOptions readOptions(SourceOptions options, SQLConf conf) {
    return new ParquetSourceOptions(options, conf);
  }

  @Override
  protected FileBatchScan scan(
      String description, FileIndex index, StructType userSchema, ParquetSourceOptions o) {
    List<SourceFile> files = index.files();
    StructType dataSchema =
        userSchema != null
            ? userSchema.asNullable()
            : ParquetFooters.inferSchema(files, o.mergeSchema);
    if (dataSchema == null) {
      throw new io.sluice.AnalysisException(
          ErrorClass.UNABLE_TO_INFER_SCHEMA, SluiceException.params("format", "Parquet"));
    }
    StructType schema = index.withPartitionColumns(dataSchema);
    List<FilePartition> partitions =
        FilePartitioner.partition(
            files, o.maxPartitionBytes, o.openCostInBytes, o.minPartitions, f -> true);
    return new ParquetBatchScan(description, schema, index, partitions, List.of());
  }

  /** The Parquet writer: batch writes and the streaming file sink go through it. */
  @Override
  protected ParquetWriterFormat writerFormat() {
    return WRITER;
  }
}
