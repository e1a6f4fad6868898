package io.sluice.connector.file;

import io.sluice.config.SQLConf;
import io.sluice.exec.expr.DateTimes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * The options every file source shares, parsed and checked once per scan: file listing ({@code
 * recursiveFileLookup}, {@code pathGlobFilter}), partitioning ({@code maxPartitionBytes}, {@code
 * openCostInBytes}), {@code timeZone} and {@code lineSep}. Keys are case-insensitive; defaults are
 * Spark's. A bad value fails with {@code INVALID_OPTION_VALUE} naming the option.
 */
public class FileSourceOptions {
  public final boolean recursiveFileLookup;

  /** The {@code pathGlobFilter} glob, or null. */
  public final String pathGlobFilter;

  public final long maxPartitionBytes;
  public final long openCostInBytes;

  /** Partitions to aim for at least: the worker threads. */
  public final int minPartitions;

  public final ZoneId zoneId;

  /** {@code sluice.sql.sources.partitionColumnTypeInference.enabled}. */
  public final boolean partitionColumnTypeInference;

  /** The line separator's UTF-8 bytes, or null for {@code \n}, {@code \r\n} and {@code \r}. */
  public final byte[] lineSeparator;

  /**
   * @param maxLineSepChars the longest {@code lineSep} the format accepts, 0 for any length
   */
  protected FileSourceOptions(SourceOptions o, SQLConf conf, int maxLineSepChars) {
    recursiveFileLookup = o.getBoolean("recursiveFileLookup", false);
    pathGlobFilter = o.get("pathGlobFilter").orElse(null);
    maxPartitionBytes =
        o.getBytes("maxPartitionBytes", conf.get(SQLConf.FILES_MAX_PARTITION_BYTES));
    if (maxPartitionBytes <= 0) {
      throw o.invalid(
          "maxPartitionBytes", o.get("maxPartitionBytes").orElse(""), "it must be positive");
    }
    openCostInBytes = o.getBytes("openCostInBytes", conf.get(SQLConf.FILES_OPEN_COST_IN_BYTES));
    minPartitions = Math.max(1, conf.workerThreads());
    String tz = o.getString("timeZone", conf.sessionTimeZone());
    try {
      zoneId = DateTimes.zoneOf(tz);
    } catch (RuntimeException e) {
      throw o.invalid(
          "timeZone",
          tz,
          "it must be a region id such as America/Los_Angeles or" + " an offset such as +01:00");
    }
    lineSeparator = lineSeparator(o, maxLineSepChars);
    partitionColumnTypeInference = conf.get(SQLConf.PARTITION_COLUMN_TYPE_INFERENCE);
  }

  /** The session configuration of a source context, or a default one outside a session. */
  public static SQLConf confOf(io.sluice.connector.SourceContext context) {
    return context == null || context.conf() == null
        ? new SQLConf(Runtime.getRuntime().availableProcessors())
        : context.conf();
  }

  private static byte[] lineSeparator(SourceOptions o, int maxChars) {
    String sep = o.get("lineSep").orElse(null);
    if (sep == null) return null;
    if (sep.isEmpty()) throw o.invalid("lineSep", sep, "it must not be empty");
    if (maxChars > 0 && sep.length() > maxChars) {
      throw o.invalid("lineSep", sep, "it can hold at most " + maxChars + " characters");
    }
    return sep.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Fails unless the {@code encoding} (or {@code charset}) option, when given, names UTF-8 (or its
   * subset ASCII): the file sources read UTF-8 only.
   */
  protected static void checkUtf8(SourceOptions o, String format) {
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
      throw o.invalid(
          key, enc, "the " + format + " source reads UTF-8 only; convert the files" + " to UTF-8");
    }
  }
}
