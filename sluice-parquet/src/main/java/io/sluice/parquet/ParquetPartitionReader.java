package io.sluice.parquet;

import io.sluice.connector.SourceFilter;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FileSplit;
import io.sluice.connector.file.ReadColumns;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.InputFileBlock;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;

/**
 * Reads one partition of a Parquet scan: for each split, the row groups whose midpoint lies in the
 * split (so a file of many row groups is read by several tasks, each row group by exactly one),
 * less those the pushed filters rule out by their statistics; each row group's needed column chunks
 * only, decoded a batch of records at a time into the read schema's vectors.
 */
final class ParquetPartitionReader implements BatchIterator {
  private static final PrimitiveConverter NO_CONVERTER = NoopConverters.PRIMITIVE;

  private final FileIndex files;
  private final FilePartition partition;
  private final StructType readSchema;
  private final int batchSize;
  private final List<SourceFilter> filters;
  private final ParquetScanMetrics metrics;
  private final ReadColumns external;
  private final boolean[] externalFlags;

  private int nextSplit;
  private FileSplit split;
  private InputFileBlock block;
  private Object[] partitionValues;
  private ParquetFileReader reader;
  private ReadPlan plan;
  private VersionParser.ParsedVersion writerVersion;
  private String createdBy;
  private FilterPredicate predicate;
  private MessageType fileSchema;
  private GroupConverter converters;
  private List<Integer> rowGroups = List.of();
  private int nextRowGroup;
  private long rowsLeftInGroup;

  ParquetPartitionReader(
      FileIndex files,
      FilePartition partition,
      StructType readSchema,
      int batchSize,
      List<SourceFilter> filters,
      ParquetScanMetrics metrics) {
    this.files = files;
    this.partition = partition;
    this.readSchema = readSchema;
    this.batchSize = Math.max(1, batchSize);
    this.filters = filters;
    this.metrics = metrics;
    this.external = ReadColumns.of(readSchema, files.partitionSchema(), null);
    this.externalFlags = external.externalFlags();
  }

  @Override
  public ColumnBatch next() {
    while (true) {
      if (rowsLeftInGroup > 0) return readBatch();
      if (reader != null && nextRowGroup < rowGroups.size()) {
        startRowGroup(rowGroups.get(nextRowGroup++));
        continue;
      }
      closeFile();
      if (nextSplit >= partition.splits().size()) return null;
      openSplit(partition.splits().get(nextSplit++));
    }
  }

  private void openSplit(FileSplit s) {
    split = s;
    block = s.inputFileBlock();
    partitionValues = files.valuesOf(s.file());
    Path path = s.file().path();
    try {
      ParquetMetadata footer = ParquetFooters.read(path);
      int inSplit = 0;
      for (BlockMetaData b : footer.getBlocks()) {
        if (inSplit(b, s)) inSplit++;
      }
      rowGroups = List.of();
      nextRowGroup = 0;
      if (inSplit == 0) return;
      MessageType fileSchema = footer.getFileMetaData().getSchema();
      predicate = filters.isEmpty() ? null : ParquetPredicates.of(filters, fileSchema);
      LocalInputFile in = new LocalInputFile(path);
      // with a predicate, parquet-java drops row groups by statistics and dictionaries here
      reader = new ParquetFileReader(in, footer, HadoopConf.readOptions(predicate), in.newStream());
      List<BlockMetaData> kept = reader.getRowGroups();
      List<Integer> selected = new ArrayList<>();
      for (int i = 0; i < kept.size(); i++) {
        BlockMetaData b = kept.get(i);
        if (!inSplit(b, s)) continue;
        if (!filters.isEmpty() && !RowGroupFilter.mightMatch(b, filters)) continue;
        selected.add(i);
      }
      metrics.rowGroupsSkipped.add(inSplit - selected.size());
      rowGroups = selected;
      if (selected.isEmpty()) {
        closeFile();
        return;
      }
      String where = path.toAbsolutePath().toUri().toString();
      plan = ReadPlan.of(readSchema, externalFlags, fileSchema, where);
      createdBy = footer.getFileMetaData().getCreatedBy();
      writerVersion = parseVersion(createdBy);
      converters = predicate == null ? null : NoopConverters.of(fileSchema);
      this.fileSchema = fileSchema;
      List<ColumnDescriptor> columns = new ArrayList<>();
      for (LeafColumn l : plan.leaves) columns.add(l.descriptor);
      reader.setRequestedSchema(columns);
    } catch (IOException e) {
      throw ParquetFooters.readError(path, e);
    }
  }

  /** Page filtering is used when every column read is flat (no repeated ancestor). */
  private boolean allFlat() {
    for (LeafColumn l : plan.leaves) {
      if (!l.isFlat()) return false;
    }
    return true;
  }

  /** Whether a row group belongs to a split: its midpoint lies in the split's byte range. */
  private static boolean inSplit(BlockMetaData b, FileSplit s) {
    long mid = b.getStartingPos() + b.getCompressedSize() / 2;
    return mid >= s.start() && mid < s.end() && b.getRowCount() > 0;
  }

  private static VersionParser.ParsedVersion parseVersion(String createdBy) {
    try {
      return createdBy == null ? null : VersionParser.parse(createdBy);
    } catch (VersionParser.VersionParseException | RuntimeException e) {
      return null;
    }
  }

  private void startRowGroup(int index) {
    try {
      BlockMetaData b = reader.getRowGroups().get(index);
      rowsLeftInGroup = b.getRowCount();
      if (plan.leaves.isEmpty()) {
        metrics.rowGroupsRead.increment();
        return; // only partition columns or absent ones: no pages
      }
      if (predicate == null || !allFlat()) {
        PageReadStore pages = reader.readRowGroup(index);
        for (LeafColumn l : plan.leaves) {
          l.start(
              new ColumnReaderImpl(
                  l.descriptor, pages.getPageReader(l.descriptor), NO_CONVERTER, writerVersion));
        }
      } else {
        // pages the column indexes rule out are skipped; the readers stay aligned by row index
        PageReadStore pages = reader.readFilteredRowGroup(index);
        if (pages == null || pages.getRowCount() == 0) {
          rowsLeftInGroup = 0;
          metrics.rowGroupsSkipped.increment();
          return;
        }
        rowsLeftInGroup = pages.getRowCount();
        metrics.rowsSkippedByPageIndex.add(b.getRowCount() - pages.getRowCount());
        ColumnReadStoreImpl store =
            new ColumnReadStoreImpl(pages, converters, fileSchema, createdBy);
        for (LeafColumn l : plan.leaves) l.start(store.getColumnReader(l.descriptor));
      }
      metrics.rowGroupsRead.increment();
    } catch (IOException | RuntimeException e) {
      throw ParquetFooters.readError(split.file().path(), e);
    }
  }

  private ColumnBatch readBatch() {
    int n = (int) Math.min(batchSize, rowsLeftInGroup);
    rowsLeftInGroup -= n;
    try {
      for (LeafColumn l : plan.leaves) l.read(n);
    } catch (RuntimeException e) {
      throw ParquetFooters.readError(split.file().path(), e);
    }
    ColumnVector[] out = new ColumnVector[readSchema.length()];
    for (int i = 0; i < out.length; i++) {
      ReadNode node = plan.columns[i];
      out[i] =
          node != null ? node.build(n) : ColumnVector.allocate(readSchema.get(i).dataType(), n);
    }
    if (external.hasPartitionColumns()) external.appendPartitionValues(out, partitionValues, n);
    metrics.rowsRead.add(n);
    return new ColumnBatch(out, n);
  }

  private void closeFile() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        // nothing more to read from it
      }
      reader = null;
    }
    rowGroups = List.of();
    rowsLeftInGroup = 0;
    predicate = null;
  }

  @Override
  public InputFileBlock inputFileBlock() {
    return block;
  }

  @Override
  public void close() {
    closeFile();
  }
}
