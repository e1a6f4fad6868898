package io.sluice.connector.csv;

import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FileSplit;
import io.sluice.connector.file.ParseMode;
import io.sluice.connector.file.ReadColumns;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.InputFileBlock;
import io.sluice.types.DataType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one partition of CSV files into column batches of the read schema.
 *
 * <p>Records are tokenized one by one (only their value boundaries are kept), then converted a
 * column at a time: each read column's converter turns the pending records' values of that column
 * into its vector in one loop. Columns the query does not read are never converted; when it reads
 * no column of the file (say {@code count()}), lines are not even tokenized. Pending records are
 * converted before their buffer is reused (at a chunk's end) and at the batch's end.
 *
 * <p>A record is malformed when a read value does not convert or — unless column pruning lets it
 * pass, as in Spark: the corrupt-record column is not read and only some columns are — when it has
 * more or fewer values than the data schema has columns. Modes: PERMISSIVE keeps the record with
 * the values that converted (all null when both happen) and its raw text in the corrupt-record
 * column; DROPMALFORMED drops it; FAILFAST raises {@code MALFORMED_RECORD_IN_PARSING} naming the
 * record and the file.
 */
final class CsvPartitionReader implements BatchIterator {
  private final CsvOptions options;
  private final FileIndex files;
  private final FilePartition partition;
  private final StructType readSchema;

  /** The data columns of the files (no corrupt-record column): tokens map to them by index. */
  private final StructType dataColumns;

  private final int batchSize;
  private final ReadColumns external;
  private final CsvTokenizer tokenizer;

  /** For each converted column: its read-schema ordinal, data-column index and converter. */
  private final int[] readOrdinals;

  private final int[] tokenIndexes;
  private final ColumnConverter[] converters;
  private final boolean checkCount;

  /** False when line records need not be split into values (no column to convert or check). */
  private final boolean tokenizeLines;

  // records tokenized but not yet converted: value positions per converted column
  private final int[][] offsets;
  private final int[][] lengths;
  private final int[] recordStarts;
  private final int[] recordEnds;
  private int pending;

  private int nextSplit;
  private FileSplit split;
  private InputFileBlock block;
  private CsvRecords records;
  private Object[] partitionValues;
  private boolean atFileStart;
  private boolean finished;

  private ColumnVector[] columns;
  private byte[] status;
  private int rows;
  private boolean anyMalformed;

  /** Bytes each string column of the previous batch held, to size the next one. */
  private final int[] dataBytes;

  CsvPartitionReader(
      CsvOptions options,
      StructType dataColumns,
      FileIndex files,
      FilePartition partition,
      StructType readSchema,
      int batchSize) {
    this.options = options;
    this.files = files;
    this.partition = partition;
    this.readSchema = readSchema;
    this.dataColumns = dataColumns;
    this.batchSize = Math.max(1, batchSize);
    this.external =
        ReadColumns.of(readSchema, files.partitionSchema(), options.columnNameOfCorruptRecord);
    if (readSchema.length() == 1 && external.corruptOrdinal == 0) {
      throw new io.sluice.AnalysisException(
          ErrorClass.QUERY_ONLY_CORRUPT_RECORD_COLUMN,
          SluiceException.params("columnName", "`" + options.columnNameOfCorruptRecord + "`"));
    }
    this.tokenizer = new CsvTokenizer(options);
    int n = 0;
    int[] ordinals = new int[readSchema.length()];
    int[] tokens = new int[readSchema.length()];
    for (int i = 0; i < readSchema.length(); i++) {
      if (external.isExternal(i)) continue;
      int t = dataColumns.indexOf(readSchema.get(i).name(), true);
      if (t < 0) t = dataColumns.indexOf(readSchema.get(i).name(), false);
      if (t < 0) continue; // not in the files (cannot happen for a schema of this scan)
      ordinals[n] = i;
      tokens[n++] = t;
    }
    this.readOrdinals = Arrays.copyOf(ordinals, n);
    this.tokenIndexes = Arrays.copyOf(tokens, n);
    this.converters = new ColumnConverter[n];
    for (int j = 0; j < n; j++) {
      converters[j] = ColumnConverters.forType(readSchema.get(readOrdinals[j]).dataType(), options);
    }
    boolean pruning = options.columnPruning && external.corruptOrdinal < 0;
    this.checkCount = !pruning || (n > 0 && n == dataColumns.length());
    this.tokenizeLines = n > 0 || checkCount;
    this.offsets = new int[n][this.batchSize];
    this.lengths = new int[n][this.batchSize];
    this.recordStarts = new int[this.batchSize];
    this.recordEnds = new int[this.batchSize];
    this.dataBytes = new int[readSchema.length()];
  }

  @Override
  public ColumnBatch next() {
    while (!finished) {
      ColumnBatch b = readBatch();
      if (b.numRows() > 0) return b; // (a batch of only dropped records is skipped)
    }
    close();
    return null;
  }

  private ColumnBatch readBatch() {
    startBatch();
    try {
      while (rows + pending < batchSize) {
        if (records == null && rows + pending > 0) break; // a batch holds one split's rows
        if (records == null && !openNextSplit()) {
          finished = true;
          break;
        }
        if (!records.nextRecord(tokenizeLines || atFileStart)) {
          flush();
          if (!records.nextChunk()) closeSplit();
          continue;
        }
        if (atFileStart) {
          atFileStart = false;
          if (options.header) {
            CsvHeader.check(
                CsvHeader.values(tokenizer, records.buffer(), options),
                dataColumns,
                options,
                split.file());
            continue;
          }
        }
        stage();
      }
      flush();
    } catch (IOException e) {
      throw FileListing.readError(split.file().path(), e);
    } catch (CsvTokenizer.MalformedInputException e) {
      throw new SluiceRuntimeException(
          ErrorClass.FILE_READ_ERROR, SluiceException.params("path", split.file().uri()), e);
    }
    if (anyMalformed && options.mode == ParseMode.DROPMALFORMED) return dropMalformed();
    return new ColumnBatch(columns, rows);
  }

  private void startBatch() {
    if (columns != null) {
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] instanceof BytesVector b) dataBytes[i] = b.offsets()[b.size()];
      }
    }
    columns = new ColumnVector[readSchema.length()];
    int capacity = partition.rowCapacity(records == null ? null : split, nextSplit, batchSize);
    for (int i = 0; i < columns.length; i++) {
      DataType t = readSchema.get(i).dataType();
      if (dataBytes[i] > 0 && t instanceof StringType) {
        // sized like the previous batch's, so that it rarely grows
        columns[i] =
            new BytesVector(
                t, new byte[dataBytes[i] + (dataBytes[i] >> 3)], new int[capacity + 1], null, 0);
      } else {
        columns[i] = ColumnVector.allocate(t, capacity);
      }
    }
    if (status == null) status = new byte[batchSize];
    Arrays.fill(status, (byte) 0);
    rows = 0;
    anyMalformed = false;
  }

  private boolean openNextSplit() throws IOException {
    while (nextSplit < partition.splits().size()) {
      split = partition.splits().get(nextSplit++);
      block = split.inputFileBlock();
      partitionValues = files.valuesOf(split.file());
      atFileStart = split.start() == 0;
      records =
          options.multiLine
              ? new CsvStreamRecords(split.file(), options, tokenizer)
              : new CsvLineRecords(split, options, tokenizer);
      if (records.nextChunk()) return true;
      closeSplit();
    }
    return false;
  }

  private void closeSplit() throws IOException {
    records.close();
    records = null;
  }

  /** Keeps the current record's value positions for the converted columns. */
  private void stage() {
    int k = pending++;
    recordStarts[k] = records.recordStart();
    recordEnds[k] = records.recordEnd();
    if (!tokenizeLines) return;
    int count = tokenizer.count();
    if (checkCount && count != dataColumns.length()) {
      status[rows + k] = ColumnConverter.BAD_COUNT;
    }
    for (int j = 0; j < tokenIndexes.length; j++) {
      int t = tokenIndexes[j];
      if (t < count) {
        offsets[j][k] = tokenizer.rawStart(t);
        lengths[j][k] = tokenizer.length(t);
      } else {
        lengths[j][k] = CsvTokenizer.NULL;
      }
    }
  }

  /** Converts the pending records and fills their corrupt-record and partition columns. */
  private void flush() {
    int n = pending;
    if (n == 0) return;
    byte[] buf = records.buffer();
    byte[] scratch = tokenizer.scratch();
    for (int j = 0; j < converters.length; j++) {
      converters[j].convert(
          buf, scratch, offsets[j], lengths[j], n, columns[readOrdinals[j]], status, rows);
    }
    for (int i = 0; i < n; i++) {
      byte s = status[rows + i];
      if (s == 0) {
        external.appendCorrupt(columns, null, 0, 0);
        continue;
      }
      anyMalformed = true;
      if (options.mode == ParseMode.FAILFAST) {
        throw ParseMode.malformedRecord(
            new String(
                buf, recordStarts[i], recordEnds[i] - recordStarts[i], StandardCharsets.UTF_8),
            split.file());
      }
      if (s == (ColumnConverter.BAD_COUNT | ColumnConverter.BAD_VALUE)) {
        // Spark's partial result of a record with the wrong number of values is all null
        // when one of them also fails to convert
        for (int ordinal : readOrdinals) columns[ordinal].setNull(rows + i);
      }
      external.appendCorrupt(columns, buf, recordStarts[i], recordEnds[i]);
    }
    external.appendPartitionValues(columns, partitionValues, n);
    rows += n;
    pending = 0;
    tokenizer.resetScratch();
  }

  private ColumnBatch dropMalformed() {
    int[] keep = new int[rows];
    int kept = 0;
    for (int r = 0; r < rows; r++) {
      if (status[r] == 0) keep[kept++] = r;
    }
    return new ColumnBatch(columns, rows).gather(keep, kept);
  }

  @Override
  public InputFileBlock inputFileBlock() {
    return block;
  }

  @Override
  public void close() {
    finished = true;
    if (records != null) {
      try {
        records.close();
      } catch (IOException ignored) {
        // closing a read-only file
      }
      records = null;
    }
  }
}
