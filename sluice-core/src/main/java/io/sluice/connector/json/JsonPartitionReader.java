package io.sluice.connector.json;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.connector.file.FileIndex;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FileSplit;
import io.sluice.connector.file.LineSplitReader;
import io.sluice.connector.file.ParseMode;
import io.sluice.connector.file.ReadColumns;
import io.sluice.exec.json.NestedWriters;
import io.sluice.exec.json.ReadContext;
import io.sluice.exec.json.ValueWriter;
import io.sluice.exec.vector.BatchIterator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.ColumnBatch;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.InputFileBlock;
import io.sluice.types.BinaryType;
import io.sluice.types.DataType;
import io.sluice.types.StringType;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * Reads one partition of JSON files into column batches of the read schema.
 *
 * <p>JSON lines: each line is a record; a Jackson parser is created per chunk of lines (not per
 * line) and reads the records one after another, while the line boundaries found by {@link
 * LineSplitReader} decide what belongs to which record. A record that does not end on its own line,
 * fails to parse, or is followed by other text on its line makes the parser restart at the next
 * line. Multi-line files: the whole file is one record (an object, or an array of objects).
 *
 * <p>Malformed records follow the mode: PERMISSIVE keeps the fields that converted (Spark 4's
 * partial results) — or nothing, when the text is not valid JSON — and puts the raw record into the
 * corrupt-record column if the read schema has it; DROPMALFORMED drops the record's rows; FAILFAST
 * raises {@code MALFORMED_RECORD_IN_PARSING} naming the record and the file.
 */
final class JsonPartitionReader implements BatchIterator {
  private final JsonOptions options;
  private final FilePartition partition;
  private final StructType readSchema;
  private final int batchSize;
  private final ReadContext ctx;
  private final NestedWriters.StructWriter root;
  private final FileIndex files;

  /** The corrupt-record and partition columns of the read schema. */
  private final ReadColumns external;

  private Object[] partitionValues;

  /** False for a custom separator that is not JSON whitespace: then one parser per line. */
  private final boolean separatorIsWhitespace;

  private int nextSplit;
  private FileSplit split;
  private InputFileBlock block;
  private LineSplitReader lines;
  private int lineIndex;
  private int chunkEnd;
  private JsonParser parser;
  private boolean restartParser;
  private boolean finished;

  private ColumnVector[] columns;
  private int rows;

  /** Bytes each string column of the previous batch held, to size the next one. */
  private final int[] dataBytes;

  JsonPartitionReader(
      JsonOptions options,
      FileIndex files,
      FilePartition partition,
      StructType readSchema,
      int batchSize) {
    this.files = files;
    this.options = options;
    this.partition = partition;
    this.readSchema = readSchema;
    this.batchSize = Math.max(1, batchSize);
    this.ctx = new ReadContext(options.parse);
    this.dataBytes = new int[readSchema.length()];
    this.external =
        ReadColumns.of(readSchema, files.partitionSchema(), options.columnNameOfCorruptRecord);
    this.root = new NestedWriters.StructWriter(readSchema, ctx, external.externalFlags());
    this.separatorIsWhitespace =
        options.lineSeparator == null
            || isBlank(options.lineSeparator, 0, options.lineSeparator.length);
  }

  @Override
  public ColumnBatch next() {
    if (finished) return null;
    if (columns != null) {
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] instanceof BytesVector b) {
          dataBytes[i] = b.offsets()[b.size()];
        }
      }
    }
    columns = new ColumnVector[readSchema.length()];
    int capacity = partition.rowCapacity(split, nextSplit, batchSize);
    for (int i = 0; i < columns.length; i++) {
      DataType t = readSchema.get(i).dataType();
      if (dataBytes[i] > 0 && (t instanceof StringType || t instanceof BinaryType)) {
        // sized like the previous batch's, so that it rarely grows
        columns[i] =
            new BytesVector(
                t, new byte[dataBytes[i] + (dataBytes[i] >> 3)], new int[capacity + 1], null, 0);
      } else {
        columns[i] = ColumnVector.allocate(t, capacity);
      }
    }
    rows = 0;
    try {
      while (rows < batchSize) {
        if (split == null && rows > 0) break; // a batch holds the rows of one split
        if (!advance()) {
          finished = true;
          break;
        }
      }
    } catch (IOException e) {
      throw FileListing.readError(split.file().path(), e);
    }
    if (rows == 0 && finished) {
      close();
      return null;
    }
    return new ColumnBatch(columns, rows);
  }

  /** Reads the next record (or opens the next split); false when the partition is done. */
  private boolean advance() throws IOException {
    if (split == null) {
      if (nextSplit >= partition.splits().size()) return false;
      split = partition.splits().get(nextSplit++);
      block = split.inputFileBlock();
      partitionValues = files.valuesOf(split.file());
      if (options.multiLine) {
        readWholeFile();
        split = null;
        return true;
      }
      lines = new LineSplitReader(split, options.lineSeparator);
      lineIndex = 0;
      closeParser();
      if (!nextChunk()) return true;
    }
    if (lineIndex >= lines.lineCount() && !nextChunk()) return true;
    int i = lineIndex++;
    readLine(lines.buffer(), lines.lineStart(i), lines.lineEnd(i));
    return true;
  }

  /** Loads the next chunk of lines; at the split's end closes it and returns false. */
  private boolean nextChunk() throws IOException {
    closeParser();
    if (lines.nextChunk()) {
      lineIndex = 0;
      chunkEnd = lines.lineEnd(lines.lineCount() - 1);
      return true;
    }
    lines.close();
    lines = null;
    split = null;
    return false;
  }

  private void readLine(byte[] buf, int start, int end) throws IOException {
    if (isBlank(buf, start, end)) return;
    int before = rows;
    int status;
    try {
      if (parser == null || restartParser || !separatorIsWhitespace) {
        closeParser();
        int limit = separatorIsWhitespace ? chunkEnd : end;
        parser = options.factory().createParser(buf, start, limit - start);
        ctx.setSource(buf, start, limit, true);
        restartParser = false;
      }
      JsonToken t = parser.nextToken();
      if (t == null || ctx.tokenIndex(parser) >= end) {
        restartParser = true; // nothing but comments on this line
        return;
      }
      status = writeRoot(parser, t);
      if (status == ValueWriter.FAILED) {
        restartParser = true;
      } else {
        int last = ctx.tokenIndex(parser);
        if (last >= end) {
          status = ValueWriter.FAILED; // the value ran past its line
          restartParser = true;
        } else if (!isBlank(buf, last + 1, end)) {
          restartParser = true; // Spark ignores text after the value
        }
      }
    } catch (JsonProcessingException e) {
      status = ValueWriter.FAILED;
      restartParser = true;
    }
    finishRecord(status, before, buf, start, end);
  }

  private void readWholeFile() throws IOException {
    byte[] bytes;
    try (InputStream in =
        LineSplitReader.isCompressed(split.file())
            ? new GZIPInputStream(Files.newInputStream(split.file().path()))
            : Files.newInputStream(split.file().path())) {
      bytes = in.readAllBytes();
    }
    int before = rows;
    int status;
    try (JsonParser p = options.factory().createParser(bytes)) {
      ctx.setSource(bytes, 0, bytes.length, false);
      JsonToken t = p.nextToken();
      if (t == null) return;
      status = writeRoot(p, t);
    } catch (JsonProcessingException e) {
      status = ValueWriter.FAILED;
    }
    finishRecord(status, before, bytes, 0, bytes.length);
  }

  /** Writes a record's rows: an object is one row, an array of objects one row per element. */
  private int writeRoot(JsonParser p, JsonToken t) throws IOException {
    if (t == START_OBJECT) {
      int s = root.writeFields(p, columns, rows);
      rows++;
      return s;
    }
    if (t != START_ARRAY) return ValueWriter.FAILED;
    int status = ValueWriter.OK;
    JsonToken et;
    while ((et = p.nextToken()) != END_ARRAY) {
      if (et != START_OBJECT) return ValueWriter.FAILED;
      int s = root.writeFields(p, columns, rows);
      rows++;
      if (s != ValueWriter.OK) status = ValueWriter.PARTIAL;
    }
    return status;
  }

  /**
   * Applies the mode to a record's rows {@code [before, rows)} and fills the columns not read from
   * the JSON: the corrupt record (raw text of a malformed record) and partition values.
   */
  private void finishRecord(int status, int before, byte[] buf, int start, int end) {
    boolean malformed = status != ValueWriter.OK;
    if (malformed) {
      switch (options.mode) {
        case PERMISSIVE -> {
          if (status == ValueWriter.FAILED) {
            truncate(before);
            for (ColumnVector c : columns) c.appendNull();
            external.truncatePartitionColumns(columns, before);
            if (external.corruptOrdinal >= 0) columns[external.corruptOrdinal].truncate(before);
            rows = before + 1;
          }
        }
        case DROPMALFORMED -> {
          truncate(before);
          return;
        }
        case FAILFAST ->
            throw ParseMode.malformedRecord(
                new String(buf, start, end - start, StandardCharsets.UTF_8), split.file());
      }
    }
    for (int r = before; r < rows; r++) {
      external.appendCorrupt(columns, malformed ? buf : null, start, end);
    }
    external.appendPartitionValues(columns, partitionValues, rows - before);
  }

  @Override
  public InputFileBlock inputFileBlock() {
    return block;
  }

  private void truncate(int row) {
    for (ColumnVector c : columns) c.truncate(row);
    rows = row;
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
    return true;
  }

  private void closeParser() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // a parser over a byte array holds no resource
      }
      parser = null;
    }
  }

  @Override
  public void close() {
    closeParser();
    if (lines != null) {
      try {
        lines.close();
      } catch (IOException ignored) {
        // closing a read-only channel
      }
      lines = null;
    }
    finished = true;
  }
}
