package io.sluice.connector.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.sluice.config.SQLConf;
import io.sluice.connector.file.SourceOptions;
import io.sluice.exec.json.JsonParseOptions;
import io.sluice.exec.json.ParseMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * The options of the JSON source, parsed and checked once per scan. Keys are case-insensitive;
 * defaults are Spark's. A bad value fails with {@code INVALID_OPTION_VALUE} naming the option.
 */
public final class JsonOptions {
  /** The parsing and inference options shared with the JSON functions. */
  final JsonParseOptions parse;
  final ParseMode mode;
  final String columnNameOfCorruptRecord;
  final boolean multiLine;
  /** The line separator's UTF-8 bytes, or null for {@code \n}, {@code \r\n} and {@code \r}. */
  final byte[] lineSeparator;
  final ZoneId zoneId;
  final double samplingRatio;
  final boolean dropFieldIfAllNull;
  final boolean recursiveFileLookup;
  final String pathGlobFilter;
  final long maxPartitionBytes;
  final long openCostInBytes;
  final int minPartitions;

  JsonOptions(SourceOptions o, SQLConf conf) {
    parse = new JsonParseOptions(o, conf.get(SQLConf.COLUMN_NAME_OF_CORRUPT_RECORD),
        conf.sessionTimeZone());
    mode = parse.mode();
    columnNameOfCorruptRecord = parse.columnNameOfCorruptRecord();
    zoneId = parse.zoneId();
    dropFieldIfAllNull = parse.dropFieldIfAllNull();
    multiLine = o.getBoolean("multiLine", false);
    lineSeparator = lineSeparator(o);
    checkEncoding(o);
    samplingRatio = o.getDouble("samplingRatio", 1.0);
    if (!(samplingRatio > 0 && samplingRatio <= 1)) {
      throw o.invalid("samplingRatio", o.get("samplingRatio").orElse(""),
          "it must be greater than 0 and at most 1");
    }
    recursiveFileLookup = o.getBoolean("recursiveFileLookup", false);
    pathGlobFilter = o.get("pathGlobFilter").orElse(null);
    maxPartitionBytes = o.getBytes("maxPartitionBytes", conf.get(SQLConf.FILES_MAX_PARTITION_BYTES));
    if (maxPartitionBytes <= 0) {
      throw o.invalid("maxPartitionBytes", o.get("maxPartitionBytes").orElse(""),
          "it must be positive");
    }
    openCostInBytes = o.getBytes("openCostInBytes", conf.get(SQLConf.FILES_OPEN_COST_IN_BYTES));
    minPartitions = Math.max(1, conf.workerThreads());
  }

  /** The Jackson factory with the {@code allow*} features; thread-safe, shared by readers. */
  JsonFactory factory() {
    return parse.factory();
  }

  private static byte[] lineSeparator(SourceOptions o) {
    String sep = o.get("lineSep").orElse(null);
    if (sep == null) return null;
    if (sep.isEmpty()) throw o.invalid("lineSep", sep, "it must not be empty");
    return sep.getBytes(StandardCharsets.UTF_8);
  }

  private static void checkEncoding(SourceOptions o) {
    String enc = o.get("encoding").or(() -> o.get("charset")).orElse(null);
    if (enc == null) return;
    String key = o.contains("encoding") ? "encoding" : "charset";
    Charset cs;
    try {
      cs = Charset.forName(enc.trim());
    } catch (RuntimeException e) {
      throw o.invalid(key, enc, "it is not a known character set");
    }
    if (!cs.equals(StandardCharsets.UTF_8) && !cs.equals(StandardCharsets.US_ASCII)) {
      throw o.invalid(key, enc, "the JSON source reads UTF-8 only; convert the files to UTF-8");
    }
  }
}
