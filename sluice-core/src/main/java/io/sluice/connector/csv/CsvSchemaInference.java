package io.sluice.connector.csv;

import io.sluice.connector.file.DateTimeText;
import io.sluice.connector.file.FileListing;
import io.sluice.connector.file.FilePartition;
import io.sluice.connector.file.FileSplit;
import io.sluice.connector.file.InferredTypes;
import io.sluice.connector.file.SourceFile;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.exec.expr.DateTimes;
import io.sluice.types.DataType;
import io.sluice.types.DataTypes;
import io.sluice.types.DateType;
import io.sluice.types.DecimalType;
import io.sluice.types.DoubleType;
import io.sluice.types.IntegerType;
import io.sluice.types.LongType;
import io.sluice.types.NullType;
import io.sluice.types.StringType;
import io.sluice.types.StructField;
import io.sluice.types.StructType;
import io.sluice.types.TimestampType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Spark's CSV schema inference. The first record (of the first split read, as Spark's {@code
 * take(1)} sees it) gives the columns: named by it with {@code header}, else {@code _c0, _c1, ...}.
 * With {@code inferSchema}, every (sampled) later record refines each column's type from its
 * values: a value is tried as int, bigint, decimal (no fraction), double (or the configured NaN /
 * infinity texts), date ({@code dateFormat}, else {@code yyyy-MM-dd}, with {@code preferDate}),
 * timestamp ({@code timestampFormat}, else the lenient forms), boolean, and is else a string —
 * starting from the type the column has so far, and merged with it; a date meeting a timestamp
 * makes a string. Empty and null values do not count; a column with none but those is a string.
 * Without {@code inferSchema} every column is a string.
 */
final class CsvSchemaInference {
  private final CsvOptions options;
  private final CsvTokenizer tokenizer;
  private final Random sampler;
  private final DateTimeFormatter dateFormat;
  private final String nullValue;
  private DataType[] types;

  private CsvSchemaInference(CsvOptions options) {
    this.options = options;
    this.tokenizer = new CsvTokenizer(options);
    this.sampler = options.samplingRatio > 0.99 ? null : new Random(1);
    this.dateFormat =
        !options.preferDate
            ? null
            : options.dateFormat != null
                ? options.dateFormat
                : DateTimeText.ofPattern("yyyy-MM-dd");
    this.nullValue = new String(options.nullValue, StandardCharsets.UTF_8);
  }

  /**
   * The data schema of {@code files}, read in the order of {@code partitions}; fails with {@code
   * UNABLE_TO_INFER_SCHEMA} when there is no file, and is empty when no file has a record.
   */
  static StructType infer(
      List<SourceFile> files, List<FilePartition> partitions, CsvOptions options) {
    if (files.isEmpty()) {
      throw new io.sluice.AnalysisException(
          ErrorClass.UNABLE_TO_INFER_SCHEMA, SluiceException.params("format", "CSV"));
    }
    CsvSchemaInference inference = new CsvSchemaInference(options);
    List<FileSplit> splits = new ArrayList<>();
    if (options.multiLine) {
      for (SourceFile f : files) splits.add(new FileSplit(f, 0, f.length()));
    } else {
      for (FilePartition p : partitions) splits.addAll(p.splits());
    }
    return inference.run(splits, files);
  }

  private StructType run(List<FileSplit> splits, List<SourceFile> files) {
    byte[] first = null;
    String[] firstValues = null;
    for (FileSplit s : splits) {
      FirstRecord r = firstRecord(s);
      if (r != null) {
        first = r.text;
        firstValues = r.values;
        break;
      }
    }
    if (first == null) return new StructType();
    String[] names = CsvHeader.columnNames(firstValues, options);
    types = new DataType[names.length];
    Arrays.fill(types, DataTypes.NullType);
    if (options.inferSchema) {
      for (SourceFile f : files) {
        inferFile(f, first);
      }
    }
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      DataType t =
          !options.inferSchema || types[i] instanceof NullType ? DataTypes.StringType : types[i];
      fields.add(new StructField(names[i], t, true));
    }
    return new StructType(fields);
  }

  private record FirstRecord(byte[] text, String[] values) {}

  private FirstRecord firstRecord(FileSplit split) {
    try (CsvRecords records = open(split)) {
      while (records.nextChunk()) {
        if (records.nextRecord(true)) {
          byte[] text =
              Arrays.copyOfRange(records.buffer(), records.recordStart(), records.recordEnd());
          return new FirstRecord(text, CsvHeader.values(tokenizer, records.buffer(), options));
        }
      }
      return null;
    } catch (IOException e) {
      throw FileListing.readError(split.file().path(), e);
    }
  }

  private CsvRecords open(FileSplit split) throws IOException {
    tokenizer.resetScratch();
    return options.multiLine
        ? new CsvStreamRecords(split.file(), options, tokenizer)
        : new CsvLineRecords(split, options, tokenizer);
  }

  /**
   * Refines the types from a file's records. With {@code header}, lines equal to the first record
   * are skipped (as Spark filters the header line out of the text); with {@code multiLine}, the
   * first record of each file.
   */
  private void inferFile(SourceFile file, byte[] first) {
    try (CsvRecords records = open(new FileSplit(file, 0, Math.max(1, file.length())))) {
      boolean atStart = true;
      while (records.nextChunk()) {
        byte[] buf = records.buffer();
        while (records.nextRecord(true)) {
          if (options.header) {
            boolean skip =
                options.multiLine
                    ? atStart
                    : Arrays.equals(
                        buf, records.recordStart(), records.recordEnd(), first, 0, first.length);
            atStart = false;
            if (skip) continue;
          }
          if (sampler != null && sampler.nextDouble() >= options.samplingRatio) continue;
          inferRecord(buf);
        }
        tokenizer.resetScratch();
      }
    } catch (IOException e) {
      throw FileListing.readError(file.path(), e);
    } catch (CsvTokenizer.MalformedInputException e) {
      throw new io.sluice.error.SluiceRuntimeException(
          ErrorClass.FILE_READ_ERROR, SluiceException.params("path", file.uri()), e);
    }
  }

  private void inferRecord(byte[] buf) {
    int n = Math.min(types.length, tokenizer.count());
    for (int i = 0; i < n; i++) {
      if (types[i] instanceof StringType) continue;
      int len = tokenizer.length(i);
      if (len <= 0) continue; // null or empty
      String v =
          new String(
              tokenizer.inScratch(i) ? tokenizer.scratch() : buf,
              tokenizer.start(i),
              len,
              StandardCharsets.UTF_8);
      if (v.equals(nullValue)) continue;
      types[i] = InferredTypes.compatibleType(types[i], inferValue(types[i], v));
    }
  }

  /** The type of a value, trying only types at least as wide as the type so far. */
  DataType inferValue(DataType soFar, String v) {
    if (soFar instanceof NullType || soFar instanceof IntegerType) return tryInt(v);
    if (soFar instanceof LongType) return tryLong(v);
    if (soFar instanceof DecimalType) return tryDecimal(v);
    if (soFar instanceof DoubleType) return tryDouble(v);
    if (soFar instanceof DateType) return tryDate(v);
    if (soFar instanceof TimestampType) return tryTimestamp(v);
    if (soFar instanceof io.sluice.types.BooleanType) return tryBoolean(v);
    return DataTypes.StringType;
  }

  private DataType tryInt(String v) {
    try {
      Integer.parseInt(v);
      return DataTypes.IntegerType;
    } catch (NumberFormatException e) {
      return tryLong(v);
    }
  }

  private DataType tryLong(String v) {
    try {
      Long.parseLong(v);
      return DataTypes.LongType;
    } catch (NumberFormatException e) {
      return tryDecimal(v);
    }
  }

  /** Decimals without a fraction only (others are doubles), within 38 digits. */
  private DataType tryDecimal(String v) {
    try {
      BigDecimal d = new BigDecimal(v);
      if (d.scale() == 0 && d.precision() <= DecimalType.MAX_PRECISION) {
        return new DecimalType(d.precision(), 0);
      }
    } catch (NumberFormatException e) {
      // not a number
    }
    return tryDouble(v);
  }

  private DataType tryDouble(String v) {
    if (v.equals(options.nanValue)
        || v.equals(options.positiveInf)
        || v.equals(options.negativeInf)) {
      return DataTypes.DoubleType;
    }
    try {
      Double.parseDouble(v);
      return DataTypes.DoubleType;
    } catch (NumberFormatException e) {
      return dateFormat != null ? tryDate(v) : tryTimestamp(v);
    }
  }

  private DataType tryDate(String v) {
    if (dateFormat != null && DateTimeText.parseDate(dateFormat, v) != DateTimes.INVALID_DATE) {
      return DataTypes.DateType;
    }
    return tryTimestamp(v);
  }

  /**
   * A timestamp: in the lenient forms without a zone (Spark's test for a timestamp without time
   * zone, which it types as the session's timestamp type), or else with {@code timestampFormat} (or
   * in any lenient form when it is not set).
   */
  private DataType tryTimestamp(String v) {
    boolean ok;
    if (options.timestampFormat == null) {
      ok = DateTimes.stringToTimestamp(v, options.zoneId) != DateTimes.INVALID_TIMESTAMP;
    } else {
      ok =
          isLocalTimestamp(v)
              || DateTimeText.parseTimestamp(options.timestampFormat, v, options.zoneId)
                  != DateTimes.INVALID_TIMESTAMP;
    }
    return ok ? DataTypes.TimestampType : tryBoolean(v);
  }

  /** True for a lenient timestamp with a date and without a zone. */
  private static boolean isLocalTimestamp(String v) {
    long utc = DateTimes.stringToTimestamp(v, ZoneOffset.UTC);
    if (utc == DateTimes.INVALID_TIMESTAMP) return false;
    String t = v.trim();
    int colon = t.indexOf(':');
    int dash = t.indexOf('-', 1);
    if (t.startsWith("T") || (colon >= 0 && (dash < 0 || colon < dash))) return false; // time only
    // a text with a zone reads the same in every session zone
    return utc != DateTimes.stringToTimestamp(v, ZoneOffset.ofHours(1));
  }

  private static DataType tryBoolean(String v) {
    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
        ? DataTypes.BooleanType
        : DataTypes.StringType;
  }
}
