package io.sluice.parquet;

import io.sluice.connector.BatchScan;
import io.sluice.connector.SourceFilter;
import io.sluice.connector.SupportsFilterPushdown;
import io.sluice.connector.file.FileBatchScan;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * A scan of Parquet files: the files were listed and cut into splits when the scan was created;
 * filters pushed by the optimizer skip row groups by their statistics.
 */
public final class ParquetBatchScan extends FileBatchScan implements SupportsFilterPushdown {
  private final String description;
  private final StructType schema;
  private final FileIndex index;
  private final List<FilePartition> partitions;
  private final List<SourceFilter> filters;
  private final ParquetScanMetrics metrics;

  ParquetBatchScan(
      String description,
      StructType schema,
      FileIndex index,
      List<FilePartition> partitions,
      List<SourceFilter> filters) {
    this(description, schema, index, partitions, List.copyOf(filters), new ParquetScanMetrics());
  }

  private ParquetBatchScan(
      String description,
      StructType schema,
      FileIndex index,
      List<FilePartition> partitions,
      List<SourceFilter> filters,
      ParquetScanMetrics metrics) {
    super(
        description,
        schema,
        index,
        partitions,
        (files, partition, readSchema, batchSize) ->
            new ParquetPartitionReader(files, partition, readSchema, batchSize, filters, metrics));
    this.description = description;
    this.schema = schema;
    this.index = index;
    this.partitions = partitions;
    this.filters = filters;
    this.metrics = metrics;
  }

  /**
   * Keeps a Parquet scan (its pushed filters and metrics) when partition pruning drops files: the
   * hook {@code FileBatchScan} calls with the files and partitions it kept.
   */
  @Override
  protected FileBatchScan pruned(FileIndex files, List<FilePartition> kept) {
    return new ParquetBatchScan(description, schema, files, kept, filters, metrics);
  }

  /** What this scan's readers did so far. */
  public ParquetScanMetrics metrics() {
    return metrics;
  }

  @Override
  public BatchScan withFilters(List<SourceFilter> pushed) {
    List<SourceFilter> usable = new ArrayList<>();
    for (SourceFilter f : pushed) {
      if (onDataColumns(f)) usable.add(f);
    }
    if (usable.isEmpty()) return this;
    return new ParquetBatchScan(description, schema, index, partitions, usable);
  }

  @Override
  public List<SourceFilter> pushedFilters() {
    return filters;
  }

  /** Partition columns are not in the files: a filter on one says nothing of row groups. */
  private boolean onDataColumns(SourceFilter f) {
    if (f instanceof SourceFilter.And a) return onDataColumns(a.left()) && onDataColumns(a.right());
    if (f instanceof SourceFilter.Or o) return onDataColumns(o.left()) && onDataColumns(o.right());
    if (f instanceof SourceFilter.Compare c) return isData(c.column());
    if (f instanceof SourceFilter.In in) return isData(in.column());
    if (f instanceof SourceFilter.IsNull n) return isData(n.column());
    if (f instanceof SourceFilter.IsNotNull n) return isData(n.column());
    return false;
  }

  private boolean isData(String column) {
    return index.partitionSchema().indexOf(column, false) < 0;
  }

  @Override
  public String description() {
    return filters.isEmpty() ? description : description + " PushedFilters: " + filters;
  }
}
